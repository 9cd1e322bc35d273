import { letterSignature, signatureDistanceBound } from './letter-signature';
import type { Vocabulary } from './vocabulary';

/** Short words have too many one-letter neighbours to correct safely; long ones tolerate two slips. */
function allowedDistance(length: number): number {
  if (length < 4) return 0;
  return length >= 8 ? 2 : 1;
}

/** Rows of `boundedEditDistance`, reused: a correction compares thousands of words and allocated three arrays for each. */
let rows = [new Int32Array(0), new Int32Array(0), new Int32Array(0)] as const;

/** Edit distance with adjacent transpositions (optimal string alignment), giving up past `limit`. */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  if (rows[0].length < width) rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  let [before, previous, current] = rows;
  for (let j = 0; j < width; j += 1) {
    before[j] = 0;
    previous[j] = j;
  }
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j < width; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, limit + 1);
}

/** Signatures of the extra word lists, which callers keep and pass again on every correction. */
const extraSignatures = new WeakMap<readonly string[], Int32Array>();

function signaturesOf(words: readonly string[]): Int32Array {
  let signatures = extraSignatures.get(words);
  if (!signatures) {
    signatures = Int32Array.from(words, letterSignature);
    extraSignatures.set(words, signatures);
  }
  return signatures;
}

/**
 * The most common indexed word within a small edit distance of an unknown word, or a split of a
 * run-together word into two known ones ("ispurchase" → "is purchase"). Undefined when nothing is close.
 * Gives exactly what `correctWordExhaustive` gives: the same words in the same order, minus those whose
 * letter signature alone puts them beyond the distance that could still win.
 */
export function correctWord(
  word: string,
  vocabulary: Vocabulary,
  isKnown: (word: string) => boolean = (w) => vocabulary.has(w),
  /** Further known words by length (the synonym lexicon's): a slip in "reimbvurse" is still a slip. */
  extraWordsOfLength: (length: number) => readonly string[] = () => [],
): string | undefined {
  const limit = allowedDistance(word.length);
  if (limit > 0) {
    const signature = letterSignature(word);
    let best: { word: string; distance: number; count: number } | undefined;
    let bound = limit;
    const consider = (candidates: readonly string[], signatures: Int32Array): void => {
      for (let at = 0; at < candidates.length; at += 1) {
        // A candidate beyond the best distance so far cannot win, whatever its count.
        if (signatureDistanceBound(signature, signatures[at]!) > bound) continue;
        const candidate = candidates[at]!;
        const distance = boundedEditDistance(word, candidate, bound);
        if (distance > bound) continue;
        const count = vocabulary.count(candidate);
        if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
          best = { word: candidate, distance, count };
          bound = distance;
        }
      }
    };
    for (let length = word.length - limit; length <= word.length + limit; length += 1) {
      consider(vocabulary.wordsOfLength(length), vocabulary.signaturesOfLength(length));
      const extra = extraWordsOfLength(length);
      if (extra.length > 0) consider(extra, signaturesOf(extra));
    }
    return settle(word, vocabulary, isKnown, best);
  }
  return splitWord(word, vocabulary, isKnown);
}

/** The reference `correctWord` is checked against: every word of nearby length through the edit distance. */
export function correctWordExhaustive(
  word: string,
  vocabulary: Vocabulary,
  isKnown: (word: string) => boolean = (w) => vocabulary.has(w),
  extraWordsOfLength: (length: number) => readonly string[] = () => [],
): string | undefined {
  const limit = allowedDistance(word.length);
  if (limit > 0) {
    let best: { word: string; distance: number; count: number } | undefined;
    for (let length = word.length - limit; length <= word.length + limit; length += 1) {
      for (const candidate of [...vocabulary.wordsOfLength(length), ...extraWordsOfLength(length)]) {
        const distance = boundedEditDistance(word, candidate, best ? Math.min(limit, best.distance) : limit);
        if (distance > limit) continue;
        const count = vocabulary.count(candidate);
        if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
      }
    }
    return settle(word, vocabulary, isKnown, best);
  }
  return splitWord(word, vocabulary, isKnown);
}

function settle(word: string, vocabulary: Vocabulary, isKnown: (word: string) => boolean, best: { word: string; distance: number } | undefined): string | undefined {
  // One slip is a typo; two may as well be a missing space, so a clean split wins over them.
  if (best?.distance === 1) return best.word;
  return splitWord(word, vocabulary, isKnown) ?? best?.word;
}

function splitWord(word: string, vocabulary: Vocabulary, isKnown: (word: string) => boolean): string | undefined {
  if (word.length >= 6) {
    let best: { words: string; score: number } | undefined;
    for (let at = 2; at <= word.length - 2; at += 1) {
      const left = word.slice(0, at);
      const right = word.slice(at);
      if (!isKnown(left) || !isKnown(right)) continue;
      const score = Math.min(vocabulary.count(left), vocabulary.count(right)) + Math.min(left.length, right.length) / 100;
      if (!best || score > best.score) best = { words: `${left} ${right}`, score };
    }
    if (best) return best.words;
  }
  return undefined;
}
