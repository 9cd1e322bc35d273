import { isStopWord, stemOf } from '../../knowledge/text/stemming';
import { glossEntries, type GlossLanguage } from './gloss-lexicon';

interface Glossary {
  /** Folded words of a phrase, joined by one space → English. */
  phrases: Map<string, string>;
  /** A folded single word → English. */
  words: Map<string, string>;
  /** The Snowball stem of a folded single word → English. */
  stems: Map<string, string>;
  longestPhrase: number;
}

export function isGlossLanguage(code: string): code is GlossLanguage {
  return code === 'es' || code === 'fr' || code === 'de' || code === 'pt';
}

/** Lower case, accents and ß folded, apostrophes and hyphens split: "l'adresse" → "l adresse". */
function tokens(text: string): string[] {
  const folded = text.replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  return folded.match(/\S+@\S+\.\w+|[\p{L}\d]+/gu) ?? [];
}

const glossaries = new Map<GlossLanguage, Glossary>();

function glossary(language: GlossLanguage): Glossary {
  let built = glossaries.get(language);
  if (built) return built;
  built = { phrases: new Map(), words: new Map(), stems: new Map(), longestPhrase: 1 };
  for (const entry of glossEntries[language].split(';')) {
    const at = entry.indexOf('=');
    if (at < 0) continue;
    const foreign = tokens(entry.slice(0, at));
    const english = entry.slice(at + 1).trim();
    if (foreign.length === 0) continue;
    if (foreign.length > 1) {
      const key = foreign.join(' ');
      if (!built.phrases.has(key)) built.phrases.set(key, english);
      built.longestPhrase = Math.max(built.longestPhrase, foreign.length);
      continue;
    }
    const word = foreign[0] ?? '';
    if (!built.words.has(word)) built.words.set(word, english);
    const stem = stemOf(word, language);
    if (!built.stems.has(stem)) built.stems.set(stem, english);
  }
  glossaries.set(language, built);
  return built;
}

/** German writes its nouns together ("Lieferadresse", "Kundenkontonummer"): known parts, left to right. */
function decompound(word: string, known: Glossary, language: GlossLanguage, depth = 0): string | undefined {
  if (depth > 2 || word.length < 7) return undefined;
  for (let cut = word.length - 3; cut >= 3; cut -= 1) {
    const head = word.slice(0, cut);
    const rest = word.slice(cut);
    const left = known.words.get(head) ?? known.words.get(head.replace(/(s|n|en)$/, ''));
    if (left === undefined) continue;
    const right = known.words.get(rest) ?? known.stems.get(stemOf(rest, language)) ?? decompound(rest, known, language, depth + 1);
    if (right !== undefined) return `${left} ${right}`.trim();
  }
  return undefined;
}

function glossWord(word: string, known: Glossary, language: GlossLanguage): string | undefined {
  if (/^\d+$/.test(word) || word.includes('@')) return word;
  const direct = known.words.get(word) ?? known.stems.get(stemOf(word, language));
  if (direct !== undefined) return direct;
  if (language === 'de') return decompound(word, known, language);
  return undefined;
}

/**
 * The line in the glossary's English, word by word, longest phrase first. Words the glossary does not know
 * are kept (names, brands, identifiers) unless they are the language's stop words. Null for English and for
 * languages without a glossary: their lines are classified as they are.
 */
export function glossToEnglish(text: string, language: string): string | null {
  if (!isGlossLanguage(language)) return null;
  const known = glossary(language);
  const words = tokens(text);
  const out: string[] = [];
  for (let index = 0; index < words.length; ) {
    let matched = false;
    for (let size = Math.min(known.longestPhrase, words.length - index); size >= 2; size -= 1) {
      const english = known.phrases.get(words.slice(index, index + size).join(' '));
      if (english === undefined) continue;
      if (english) out.push(english);
      index += size;
      matched = true;
      break;
    }
    if (matched) continue;
    const word = words[index] ?? '';
    const english = glossWord(word, known, language);
    if (english !== undefined) {
      if (english) out.push(english);
    } else if (!isStopWord(word, language)) out.push(word);
    index += 1;
  }
  return out.join(' ');
}
