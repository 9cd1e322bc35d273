import type { Span } from '../pii-patterns';

/**
 * A pattern that must not start or end inside a word: `(?<![\p{L}\p{N}])body(?![\p{L}\p{N}])` with flags `giu`.
 *
 * Why not that regex itself: V8 compiles the two Unicode word classes into every regex that holds them, about half a
 * millisecond per regex between its first runs and its tier-up. A redactor builds one per name, phone, address, order
 * and contact of its customer, so the first turn of every conversation paid several milliseconds before its LLM call.
 * Here only the body is compiled per pattern and the edges are checked with one class compiled once.
 *
 * The matches are those of the full regex: a body match whose start touches a word cannot match at that start
 * whatever the body does, so the search moves on as the full regex would. A match whose end touches a word is the
 * one case where the full regex could still take another alternative at the same start (a shorter phone prefix):
 * the full regex, compiled then, decides for that text.
 */
export interface EdgedPattern {
  /** The body's regex source, for tests and for the fallback. */
  readonly body: string;
  find(text: string): Span[];
}

/** The edge class of the full regex, under the same flags: `i` also folds a few marks into it (U+0345). */
const wordChar = /^[\p{L}\p{N}]$/iu;

const isLead = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isTrail = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The code point that ends just before `index`, as a lookbehind in `u` mode reads it. */
function pointBefore(text: string, index: number): string {
  if (index <= 0) return '';
  if (index >= 2 && isTrail(text.charCodeAt(index - 1)) && isLead(text.charCodeAt(index - 2))) return text.slice(index - 2, index);
  return text.charAt(index - 1);
}

/** The code point that starts at `index`, as a lookahead in `u` mode reads it. */
function pointAt(text: string, index: number): string {
  if (index >= text.length) return '';
  if (isLead(text.charCodeAt(index)) && index + 1 < text.length && isTrail(text.charCodeAt(index + 1))) return text.slice(index, index + 2);
  return text.charAt(index);
}

const touchesWord = (point: string): boolean => point !== '' && wordChar.test(point);

export function edgedPattern(body: string): EdgedPattern {
  const bodyPattern = new RegExp(body, 'giu');
  let full: RegExp | undefined;
  const fullSpans = (text: string): Span[] => {
    full ??= new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
    const spans: Span[] = [];
    for (const match of text.matchAll(full)) {
      if (match[0]) spans.push({ start: match.index, end: match.index + match[0].length, value: match[0] });
    }
    return spans;
  };
  return {
    body,
    find(text) {
      const spans: Span[] = [];
      bodyPattern.lastIndex = 0;
      for (let match = bodyPattern.exec(text); match; match = bodyPattern.exec(text)) {
        const start = match.index;
        const end = start + match[0].length;
        // An empty body match is one the full regex may extend differently: it decides.
        if (end === start || touchesWord(pointAt(text, end))) return fullSpans(text);
        if (touchesWord(pointBefore(text, start))) {
          bodyPattern.lastIndex = start + pointAt(text, start).length;
          continue;
        }
        spans.push({ start, end, value: match[0] });
      }
      return spans;
    },
  };
}
