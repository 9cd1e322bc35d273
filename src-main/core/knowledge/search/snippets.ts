import { terms } from '../semantic/terms';

export interface Snippet {
  snippet: string;
  highlights: [number, number][];
}

const windowChars = 260;

/**
 * The passage of a chunk that holds the most query words, with the ranges to highlight.
 * Plain text and offsets only: the renderer marks them, so nothing here is ever HTML.
 */
export function makeSnippet(body: string, query: string, queryLanguage = 'en', bodyLanguage = queryLanguage): Snippet {
  const wanted = new Set(terms(query, queryLanguage));
  const matches = (word: string): boolean => terms(word, bodyLanguage).some((term) => wanted.has(term));
  const words = [...body.matchAll(/[\p{L}\p{N}]+/gu)];
  const hits = words.filter((word) => matches(word[0]));
  let start = 0;
  if (body.length > windowChars && hits.length > 0) {
    let best = { start: 0, count: -1 };
    for (const hit of hits) {
      const from = Math.max(0, (hit.index ?? 0) - 40);
      const count = hits.filter((other) => (other.index ?? 0) >= from && (other.index ?? 0) < from + windowChars).length;
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
  for (const word of snippet.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (matches(word[0])) highlights.push([word.index ?? 0, (word.index ?? 0) + word[0].length]);
  }
  return { snippet, highlights };
}
