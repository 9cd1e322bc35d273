import { terms } from '../semantic/terms';
import { withoutIdentifiers } from '../text/identifiers';
import { englishLexicon } from './english-lexicon';
import { LruCache } from './lru-cache';
import { correctWord } from './spelling';
import { supportSynonyms, type SynonymGroup } from './synonyms';
import { surfaceWords, type Vocabulary } from './vocabulary';

export interface RewrittenQuery {
  /** The customer's words with typos corrected, then the article-side synonyms: what both legs search for. */
  text: string;
  /** Words to highlight in snippets: the corrected words and the added synonyms. */
  words: string[];
  /** How many of `words` are the customer's own (corrected); the rest were added. */
  own: number;
}

export interface RewriteOptions {
  /** Another corrector, uncached: the benchmark and tests compare the exhaustive reference with the default. */
  correct?: typeof correctWord;
}

/** A word stands for its stem, so "reimbursed" matches a "reimburse" entry; stop words have no stem. */
const stemOf = (word: string): string => terms(word)[0] ?? word;

interface CompiledGroup {
  adds: string[];
  phrases: string[][];
}

function compile(groups: SynonymGroup[]): CompiledGroup[] {
  return groups.map((group) => ({ adds: group.adds, phrases: group.when.map((phrase) => phrase.split(' ').map(stemOf)) }));
}

const compiledSynonyms = compile(supportSynonyms);
/** Words of the synonym lexicon are known words, so correction never turns "assistant" into "assistance". */
const lexiconWords = new Set(supportSynonyms.flatMap((group) => [...group.adds, ...group.when].flatMap((phrase) => phrase.split(' '))));

/** Their stems: "rebating" is a form of the lexicon's "rebate", not a slip for "rating". */
const lexiconStems = new Set([...lexiconWords].map(stemOf));

/**
 * English synonyms added for a word the index does not know. One or two: a word's other senses bring
 * noise ("aid" → "care"). Only synonyms: hypernyms and siblings ("Toronto" → "city") pulled queries to
 * the wrong articles more often than to the right ones on other phrasings of the kb-eval intents.
 */
const synonymsPerUnknownWord = 2;

const lexiconByLength = new Map<number, string[]>();
for (const word of lexiconWords) if (word.length > 3) lexiconByLength.set(word.length, [...(lexiconByLength.get(word.length) ?? []), word]);
const lexiconWordsOfLength = (length: number): readonly string[] => lexiconByLength.get(length) ?? [];

/** Corrections remembered per vocabulary: customers repeat their slips ("refnd"), and a change of vocabulary forgets them. */
const correctionCacheSize = 2048;
const corrections = new WeakMap<Vocabulary, { generation: number; fixes: LruCache<string, string | undefined> }>();

function cachedCorrection(word: string, language: string, vocabulary: Vocabulary, compute: () => string | undefined): string | undefined {
  let entry = corrections.get(vocabulary);
  if (!entry || entry.generation !== vocabulary.generation) {
    entry = { generation: vocabulary.generation, fixes: new LruCache(correctionCacheSize) };
    corrections.set(vocabulary, entry);
  }
  const key = `${language}\u0000${word}`;
  if (entry.fixes.has(key)) return entry.fixes.get(key);
  const fix = compute();
  entry.fixes.set(key, fix);
  return fix;
}

function containsPhrase(stems: string[], phrase: string[]): boolean {
  outer: for (let start = 0; start + phrase.length <= stems.length; start += 1) {
    for (let offset = 0; offset < phrase.length; offset += 1) if (stems[start + offset] !== phrase[offset]) continue outer;
    return true;
  }
  return false;
}

/**
 * Customers misspell, run words together and use other words than the articles do.
 * Unknown words are corrected towards the indexed vocabulary; English words still unknown bring their
 * dictionary synonyms that the index knows, and support synonyms add the words articles use. Known
 * words are never changed, and nothing is added that the index lacks.
 */
export function rewriteQuery(query: string, vocabulary: Vocabulary, language = 'en', options: RewriteOptions = {}): RewrittenQuery {
  const original = surfaceWords(withoutIdentifiers(query.slice(0, 2000)));
  const corrected: string[] = [];
  const stemsKnown = new Set<string>();
  const known = (word: string): boolean =>
    vocabulary.has(word) ||
    (language === 'en' && lexiconWords.has(word)) ||
    (word.length > 2 && terms(word).length === 0) ||
    // Another form of a known word is no typo: "reimbursements" searches as "reimburs" already.
    (language === 'en' && word.length > 3 && (vocabulary.hasStem(stemOf(word), stemOf) || lexiconStems.has(stemOf(word))));
  for (const word of original) {
    if (vocabulary.size === 0 || /\d/.test(word) || known(word)) {
      corrected.push(word);
      continue;
    }
    const correct = (): string | undefined => (options.correct ?? correctWord)(word, vocabulary, known, language === 'en' ? lexiconWordsOfLength : undefined);
    // The correction depends on the word, the language and the vocabulary only: `known` is made of them.
    const fix = options.correct ? correct() : cachedCorrection(word, language, vocabulary, correct);
    corrected.push(...(fix ?? word).split(' '));
  }
  // The support synonyms are English words; other languages get spelling correction only.
  if (language !== 'en') return { text: corrected.join(' '), words: corrected, own: corrected.length };
  for (const word of corrected) if (vocabulary.has(word)) stemsKnown.add(stemOf(word));
  const stems = corrected.map(stemOf);
  const added: string[] = [];
  const addable = (word: string): boolean => word.length > 2 && terms(word).length > 0 && vocabulary.hasStem(stemOf(word), stemOf);
  for (const word of vocabulary.size > 0 ? corrected : []) {
    // A word the index knows in some form, or the support synonyms know, is matched already.
    if (/\d/.test(word) || word.length < 3 || lexiconWords.has(word) || terms(word).length === 0 || vocabulary.hasStem(stemOf(word), stemOf)) continue;
    for (const synonym of englishLexicon().synonyms(word, addable, synonymsPerUnknownWord)) {
      if (!added.includes(synonym) && !stemsKnown.has(stemOf(synonym))) added.push(synonym);
    }
  }
  for (const group of compiledSynonyms) {
    if (!group.phrases.some((phrase) => containsPhrase(stems, phrase))) continue;
    for (const word of group.adds) {
      if (stemsKnown.has(stemOf(word)) || !vocabulary.hasStem(stemOf(word), stemOf) || added.includes(word)) continue;
      added.push(word);
    }
  }
  const words = [...corrected, ...added];
  return { text: words.join(' '), words, own: corrected.length };
}
