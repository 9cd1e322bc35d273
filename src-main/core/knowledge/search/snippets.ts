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
export function makeSnippet(body: string, query: string): Snippet {
  const wanted = new Set(terms(query));
  const words = [...body.matchAll(/[\p{L}\p{N}]+/gu)];
  const hits = words.filter((word) => terms(word[0]).some((term) => wanted.has(term)));
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
    if (terms(word[0]).some((term) => wanted.has(term))) highlights.push([word.index ?? 0, (word.index ?? 0) + word[0].length]);
  }
  return { snippet, highlights };
}

/** FTS query syntax is not for customers: keep words only, so quotes and operators never break a search. */
export function sanitizeFtsQuery(query: string): string {
  return query
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\b(AND|OR|NOT)\b/g, (word) => word.toLowerCase())
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);
}
