import type { ArticleInfo, ChunkInfo } from './chunk-catalog';

/**
 * One filter's verdict on every slot, 1 accepted and 0 refused (removed slots and slots past the end
 * are refused), with the count of accepted slots. The full-text scan reads it beside its own live
 * flags, so a filtered search scores only accepted documents instead of asking a predicate about each.
 */
export interface SlotMask {
  readonly bits: Uint8Array;
  readonly accepted: number;
}

interface Entry {
  accept: (article: ArticleInfo) => boolean;
  bits: Uint8Array;
  accepted: number;
}

/**
 * A kind filter has two values and tag filters are rare: a handful of masks covers every search; past
 * this many the one least recently asked for is dropped (100 KB each at 100k chunks).
 */
const keptMasks = 8;

/**
 * The masks of the filters searches asked for, each built once over the catalog's slots and then kept
 * in step with it: a chunk added is judged by every mask, a chunk removed is cleared from all, and an
 * article whose kind changes is judged again.
 */
export class SlotFilters {
  private readonly entries = new Map<string, Entry>();

  /** The mask of filter `key` (its predicate `accept`), built over `slots` on first use. */
  mask(key: string, accept: (article: ArticleInfo) => boolean, slots: readonly (ChunkInfo | undefined)[]): SlotMask {
    let entry = this.entries.get(key);
    if (entry) {
      // Most recently asked last: the first one is the one dropped.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry;
    }
    const bits = new Uint8Array(capacityFor(slots.length));
    let accepted = 0;
    for (let slot = 0; slot < slots.length; slot += 1) {
      const chunk = slots[slot];
      if (chunk && accept(chunk.article)) {
        bits[slot] = 1;
        accepted += 1;
      }
    }
    entry = { accept, bits, accepted };
    this.entries.set(key, entry);
    if (this.entries.size > keptMasks) this.entries.delete(this.entries.keys().next().value ?? key);
    return entry;
  }

  added(slot: number, article: ArticleInfo): void {
    for (const entry of this.entries.values()) {
      if (slot >= entry.bits.length) {
        const grown = new Uint8Array(capacityFor(slot + 1));
        grown.set(entry.bits);
        entry.bits = grown;
      }
      this.judge(entry, slot, article);
    }
  }

  removed(slot: number): void {
    for (const entry of this.entries.values()) this.judge(entry, slot, undefined);
  }

  /** The article's fields changed (a kind mark): its slots are judged again by every mask. */
  changed(slots: readonly number[], article: ArticleInfo): void {
    for (const entry of this.entries.values()) for (const slot of slots) this.judge(entry, slot, article);
  }

  private judge(entry: Entry, slot: number, article: ArticleInfo | undefined): void {
    const verdict = article !== undefined && entry.accept(article) ? 1 : 0;
    const before = entry.bits[slot] ?? 0;
    if (verdict === before || slot >= entry.bits.length) return;
    entry.bits[slot] = verdict;
    entry.accepted += verdict - before;
  }
}

/** Room for `slots`, doubled from 1024, so a sync adding chunk after chunk grows each mask a few times only. */
function capacityFor(slots: number): number {
  let size = 1024;
  while (size < slots) size *= 2;
  return size;
}
