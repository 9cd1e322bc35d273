import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../../files/atomic-write';
import { letterSignature } from './letter-signature';

/** Lower-cased, accent-free words of a text, in any script; placeholders like {{Order Number}} are not words. */
export function surfaceWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\{\{[^}]*\}\}/g, ' ')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * The words the indexed articles use, each with the number of articles that use it.
 * Spelling correction maps a customer's unknown word onto these, so it can only ever
 * produce words that some article really contains. Kept up to date article by article.
 */
export class Vocabulary {
  private readonly counts = new Map<string, number>();
  /**
   * Words by length with their letter signatures, rebuilt lazily after a change: correction only
   * compares words of similar length, and skips those whose letters alone rule them out.
   */
  private byLength: Map<number, { words: string[]; signatures: Int32Array }> | undefined;
  /** Bumped on every change, so caches of corrections know when they are stale. */
  private changes = 0;
  /** Stems of the words, rebuilt lazily after a change: the full-text index stems, so "refund" finds "refunds". */
  private stemSet: Set<string> | undefined;

  static load(file: string): Vocabulary {
    const vocabulary = new Vocabulary();
    if (existsSync(file)) {
      try {
        const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
        if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
          for (const [word, count] of Object.entries(raw as Record<string, unknown>)) {
            if (typeof count === 'number' && count > 0) vocabulary.counts.set(word, count);
          }
        }
      } catch {
        // A damaged file only costs spelling correction until the next re-index rebuilds it.
      }
    }
    return vocabulary;
  }

  save(file: string): void {
    // A fixed temp name let two writers race; the shared helper uses a unique one and fsyncs.
    writeFileAtomicSync(file, JSON.stringify(Object.fromEntries(this.counts)));
  }

  get generation(): number {
    return this.changes;
  }

  get size(): number {
    return this.counts.size;
  }

  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  addText(text: string): void {
    this.apply(text, 1);
  }

  removeText(text: string): void {
    this.apply(text, -1);
  }

  clear(): void {
    this.counts.clear();
    this.changes += 1;
    this.byLength = undefined;
    this.stemSet = undefined;
  }

  hasStem(stem: string, stemOf: (word: string) => string): boolean {
    if (!this.stemSet) this.stemSet = new Set(Array.from(this.counts.keys(), stemOf));
    return this.stemSet.has(stem);
  }

  /** The words of a length, in the order they were first counted (correction's tie-break order). */
  wordsOfLength(length: number): readonly string[] {
    return this.bucket(length)?.words ?? [];
  }

  /** `letterSignature` of each word of `wordsOfLength(length)`, at the same positions. */
  signaturesOfLength(length: number): Int32Array {
    return this.bucket(length)?.signatures ?? emptySignatures;
  }

  private bucket(length: number): { words: string[]; signatures: Int32Array } | undefined {
    if (!this.byLength) {
      const lists = new Map<number, string[]>();
      for (const word of this.counts.keys()) {
        const list = lists.get(word.length);
        if (list) list.push(word);
        else lists.set(word.length, [word]);
      }
      this.byLength = new Map();
      for (const [size, words] of lists) this.byLength.set(size, { words, signatures: Int32Array.from(words, letterSignature) });
    }
    return this.byLength.get(length);
  }

  private apply(text: string, delta: 1 | -1): void {
    for (const word of new Set(surfaceWords(text))) {
      if (/^\d+$/.test(word) || word.length > 40) continue;
      const next = (this.counts.get(word) ?? 0) + delta;
      if (next > 0) this.counts.set(word, next);
      else this.counts.delete(word);
    }
    this.byLength = undefined;
    this.stemSet = undefined;
    this.changes += 1;
  }
}

const emptySignatures = new Int32Array(0);
