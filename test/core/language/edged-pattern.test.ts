import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edgedPattern } from '../../../src-main/core/language/redaction/edged-pattern';

/** What the redactor matched before: the body between two Unicode word-class lookarounds, flags giu. */
function fullRegexSpans(body: string, text: string): { start: number; end: number; value: string }[] {
  const full = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(full)].filter((match) => match[0]).map((match) => ({ start: match.index, end: match.index + match[0].length, value: match[0] }));
}

const phoneBody = (national: string): string => `(?:(?:\\+|00)?\\d{1,3}[\\s().-]*)?${[...national].join('[\\s().-]*')}`;
const bodies = ['Ann', 'Jane\\s+Doe', 'Jos[eé]', 'jane\\.doe\\s*[@＠]\\s*example\\.com', '#?1234567', 'c12', phoneBody('4155550199'), phoneBody('1212121'), 'a?'];

describe('edged patterns match what the word-edged regex matched', () => {
  it.each([
    ['Ann', 'Ann, Annie and ANN met ann.'],
    ['Ann', 'Joann Ann'],
    // A letter outside the BMP before or after is one code point, a letter all the same.
    ['Ann', '\u{1D400}Ann Ann\u{1D400} 😀Ann😀'],
    // U+0345 folds to a Greek iota under the i flag: it counts as a letter at the edge.
    ['Ann', 'Ann\u0345 \u0345Ann'],
    ['Jane\\s+Doe', 'Jane   Doe, JANE DOE, Jane Does, MaryJane Doe'],
    ['#?1234567', '#1234567 a1234567 12345678 1234567'],
    [phoneBody('4155550199'), '+1 (415) 555-0199, 4155550199x, 14155550199, 00 1 415.555.0199'],
    [phoneBody('1212121'), '1212121212 1 2 1 2 1 2 1 2 121212121a 12121212'],
    ['a?', 'b a ba'],
  ])('%s in %j', (body, text) => {
    expect(edgedPattern(body).find(text)).toEqual(fullRegexSpans(body, text));
  });

  it('agrees on generated texts', () => {
    const piece = fc.oneof(
      fc.constantFrom('Ann', 'ann', 'Jane Doe', 'jane.doe@example.com', 'jane.doe ＠ example.com', '#1234567', '1234567', 'c12', '4155550199', '(415) 555-0199', '1212121', '12 12 121'),
      fc.constantFrom(' ', ',', 'x', '9', 'é', '\u0345', '\uD835', '\uDC00', '\u{1D400}', '-', '+', '00'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...bodies), fc.array(piece, { maxLength: 12 }), (body, parts) => {
        const text = parts.join('');
        expect(edgedPattern(body).find(text)).toEqual(fullRegexSpans(body, text));
      }),
      { numRuns: 3000 },
    );
  });
});
