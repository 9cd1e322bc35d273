import { normalizeForModel } from '../normalize';
import { conceptOf } from './concepts';

export const hashBits = 18;
export const hashSize = 1 << hashBits;
/** Bumped whenever featurize changes: a model trained on other features would score garbage. */
export const featureVersion = 3;
/** How many hashed copies a concept feature gets: its weight against the n-grams (chosen on the Bitext cross-file proxy, harder direction: 3 → 0.884, 10 → 0.910, 24 → 0.928). */
const conceptWeight = 24;
const conceptPairWeight = 24;
const unpairedConcepts = new Set(['want', 'help', 'item']);

/** FNV-1a: stable across runs and platforms, so the shipped model and the app hash alike. */
export function hashFeature(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (hashSize - 1);
}

const stopSuffixes = ['ing', 'ed', 'es', 's'];

/** A light stemmer: character n-grams carry the rest of the morphology, and typos. */
export function stem(word: string): string {
  for (const suffix of stopSuffixes) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

export interface FeatureVector {
  indices: Int32Array;
  value: number;
}

/**
 * Words, word pairs and character 3–5-grams inside word boundaries, hashed, binary, L2-normalised.
 * Character n-grams are what carries misspellings and unseen inflections to the right intent.
 */
export function featurize(text: string): FeatureVector {
  const words = normalizeForModel(text).split(' ').filter(Boolean);
  const seen = new Set<number>();
  // Concepts carry a phrasing never seen in training to the examples that used a synonym; against a
  // hundred character n-grams a single binary feature would be drowned, so each counts several times.
  const addConcept = (key: string, weight: number): void => {
    for (let copy = 0; copy < weight; copy += 1) seen.add(hashFeature(`${key}#${copy}`));
  };
  const stems = words.map(stem);
  // A word's concept where it has one, else the word: pairs like "modify purchase" then meet "change order".
  const concepts = words.map((word, index) => conceptOf(word) ?? stems[index] ?? '');
  for (let index = 0; index < stems.length; index += 1) {
    const word = stems[index] ?? '';
    seen.add(hashFeature(`w:${word}`));
    if (index > 0) seen.add(hashFeature(`b:${stems[index - 1]}_${word}`));
    const concept = conceptOf(words[index] ?? '');
    if (concept) addConcept(`k:${concept}`, conceptWeight);
    if (index > 0 && (concept || conceptOf(words[index - 1] ?? ''))) seen.add(hashFeature(`kb:${concepts[index - 1]}_${concepts[index]}`));
    const padded = ` ${words[index]} `;
    for (let n = 3; n <= 5; n += 1) {
      for (let start = 0; start + n <= padded.length; start += 1) seen.add(hashFeature(`c:${padded.slice(start, start + n)}`));
    }
  }
  // Concepts met anywhere in the line, in pairs: "waiting … for a rebate" meets "track my refund"
  // however many words stand between them.
  // Wanting, asking for help and "the item" go with every intent: paired, they only add noise.
  const present = [...new Set(words.map((word) => conceptOf(word)).filter((concept): concept is string => concept !== undefined && !unpairedConcepts.has(concept)))].sort();
  for (let first = 0; first < present.length; first += 1) {
    for (let second = first + 1; second < present.length; second += 1) addConcept(`kk:${present[first]}+${present[second]}`, conceptPairWeight);
  }
  if (seen.size === 0) seen.add(hashFeature('empty'));
  const indices = Int32Array.from(seen);
  return { indices, value: 1 / Math.sqrt(indices.length) };
}
