import { terms } from '../semantic/terms';

export interface Snippet {
  snippet: string;
  highlights: [number, number][];
}

const windowChars = 260;
const wordPattern = /[\p{L}\p{N}]+/gu;

/**
 * A word's terms, remembered: analysing one word (lower-casing, stop lists, accent folding, stemming)
 * costs microseconds, a snippet looks at every word of five chunks per search, and chunks share most
 * of their words. Bounded by clearing, as the stemmer's own cache is.
 */
const wordTerms = new Map<string, Map<string, string[]>>();
const maxCachedWords = 50_000;

/** Whether a word of the body stands for one of the wanted terms, its analysis remembered per language. */
function wordMatcher(wanted: ReadonlySet<string>, language: string): (word: string) => boolean {
  let cache = wordTerms.get(language);
  if (!cache) wordTerms.set(language, (cache = new Map()));
  const known = cache;
  return (word) => {
    if (wanted.size === 0) return false;
    let analysed = known.get(word);
    if (analysed === undefined) {
      analysed = terms(word, language);
      if (known.size >= maxCachedWords) known.clear();
      known.set(word, analysed);
    }
    for (const term of analysed) if (wanted.has(term)) return true;
    return false;
  };
}

/**
 * The passage of a chunk that holds the most query words, with the ranges to highlight.
 * Plain text and offsets only: the renderer marks them, so nothing here is ever HTML.
 */
export function makeSnippet(body: string, query: string, queryLanguage = 'en', bodyLanguage = queryLanguage): Snippet {
  const wanted = new Set(terms(query, queryLanguage));
  const matches = wordMatcher(wanted, bodyLanguage);
  // Offsets of the body's matching words, in order: the window search and the highlights need no others.
  const hits: number[] = [];
  for (const word of body.matchAll(wordPattern)) if (matches(word[0])) hits.push(word.index);
  let start = 0;
  if (body.length > windowChars && hits.length > 0) {
    // The window opening 40 characters before a hit that covers the most hits; both ends only move forward.
    let best = { start: 0, count: -1 };
    let last = 0;
    for (let first = 0; first < hits.length; first += 1) {
      const from = Math.max(0, (hits[first] ?? 0) - 40);
      let open = first;
      while (open > 0 && (hits[open - 1] ?? 0) >= from) open -= 1;
      if (last < first) last = first;
      while (last + 1 < hits.length && (hits[last + 1] ?? 0) < from + windowChars) last += 1;
      const count = last - open + 1;
      if (count > best.count) best = { start: from, count };
    }
    start = best.start;
    const space = body.lastIndexOf(' ', start);
    if (space > 0 && start - space < 30) start = space + 1;
  }
  const end = Math.min(body.length, start + windowChars);
  const prefix = start > 0 ? '…' : '';
  const snippet = `${prefix}${body.slice(start, end).replace(/\s+/g, ' ')}${end < body.length ? '…' : ''}`;
  const highlights: [number, number][] = [];
  for (const word of snippet.matchAll(wordPattern)) {
    if (matches(word[0])) highlights.push([word.index, word.index + word[0].length]);
  }
  return { snippet, highlights };
}
