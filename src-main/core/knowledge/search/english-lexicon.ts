import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../../paths/repo-root';

/**
 * General English synonyms (WordNet 3.1, see resources/language/LICENSE-wordnet; built by
 * scripts/build-wordnet-lexicon.ts). Customers use everyday words that no article uses ("client",
 * "alter", "repay"); a synonym that the index does know stands in for such a word.
 */
export interface EnglishLexicon {
  /** Synonyms of a word (or of its dictionary form: "parcels" → "parcel") that `accept` takes, most frequent sense first, at most `limit`. */
  synonyms(word: string, accept: (synonym: string) => boolean, limit: number): string[];
}

/** WordNet's detachment rules (morphy) without its exception lists: "parcels" → "parcel", "altered" → "alter". */
const suffixRules: [string, string][] = [
  ['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'],
  ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'],
];

export function dictionaryForms(word: string): string[] {
  const forms = [word];
  for (const [suffix, replacement] of suffixRules) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
      const form = word.slice(0, word.length - suffix.length) + replacement;
      if (!forms.includes(form)) forms.push(form);
    }
  }
  // A doubled consonant before -ed/-ing: "shipped" → "ship".
  const doubled = /^(.*([bdfglmnprt]))\2(?:ed|ing)$/.exec(word);
  if (doubled?.[1] && !forms.includes(doubled[1])) forms.push(doubled[1]);
  return forms;
}

/** Base-36 numbers from `from` to `end`, comma-separated: read by hand, as 40k lines load on first use. */
function readIds(text: string, from: number, end: number): number[] {
  const ids: number[] = [];
  let value = 0;
  for (let at = from; at <= end; at += 1) {
    const code = at < end ? text.charCodeAt(at) : 44;
    if (code === 44) {
      ids.push(value);
      value = 0;
    } else value = value * 36 + (code <= 57 ? code - 48 : code - 87);
  }
  return ids;
}

/** The lexicon of a `lemma<TAB>synset,synset` file: lemmas that share a synset number are synonyms. */
export function parseEnglishLexicon(text: string): EnglishLexicon {
  const senses = new Map<string, number[]>();
  const members: string[][] = [];
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', start);
    if (tab > start && tab < end) {
      const lemma = text.slice(start, tab);
      const ids = readIds(text, tab + 1, end);
      senses.set(lemma, ids);
      for (const id of ids) (members[id] ??= []).push(lemma);
    }
    start = end + 1;
  }
  return {
    synonyms(word, accept, limit) {
      const forms = dictionaryForms(word);
      const found: string[] = [];
      for (const form of forms) {
        for (const id of senses.get(form) ?? []) {
          for (const lemma of members[id] ?? []) {
            if (forms.includes(lemma) || found.includes(lemma) || !accept(lemma)) continue;
            found.push(lemma);
            if (found.length >= limit) return found;
          }
        }
      }
      return found;
    },
  };
}

/** A lexicon with no words: what the search uses when the bundled file cannot be read. */
const emptyLexicon: EnglishLexicon = { synonyms: () => [] };

let loaded: { lexicon: EnglishLexicon; error?: string } | undefined;

function load(): { lexicon: EnglishLexicon; error?: string } {
  if (!loaded) {
    const file = join(resourcesDir(), 'language', 'wordnet-en.txt');
    try {
      loaded = { lexicon: parseEnglishLexicon(readFileSync(file, 'utf8')) };
    } catch (error) {
      // A missing or unreadable file (a trimmed install) costs the synonyms of unknown words, not the search.
      loaded = { lexicon: emptyLexicon, error: `${file}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return loaded;
}

/** The bundled lexicon (600 kB), read on first use and kept; `prewarm` reads it before the first search. */
export function englishLexicon(): EnglishLexicon {
  return load().lexicon;
}

/** Why the bundled lexicon could not be read (searches then add no English synonyms), or undefined when it was. */
export function englishLexiconError(): string | undefined {
  return load().error;
}
