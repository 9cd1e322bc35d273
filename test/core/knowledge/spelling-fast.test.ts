import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rewriteQuery } from '../../../src-main/core/knowledge/search/query-rewrite';
import { bitCount, letterSignature, signatureDistanceBound } from '../../../src-main/core/knowledge/search/letter-signature';
import { boundedEditDistance, correctWord, correctWordExhaustive } from '../../../src-main/core/knowledge/search/spelling';
import { Vocabulary } from '../../../src-main/core/knowledge/search/vocabulary';

/** Few letters, so random words are often within one or two edits of each other and ties by count are common. */
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'é', 'ß', '1'), minLength: 1, maxLength: 11 });

function vocabularyOf(texts: string[]): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const text of texts) vocabulary.addText(text);
  return vocabulary;
}

describe('letter signatures', () => {
  it('never rule out a word that is within the distance', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const distance = boundedEditDistance(a, b, 12);
        expect(signatureDistanceBound(letterSignature(a), letterSignature(b))).toBeLessThanOrEqual(distance);
      }),
      { numRuns: 2000 },
    );
  });

  it('count bits', () => {
    expect(bitCount(0)).toBe(0);
    expect(bitCount(-1)).toBe(32);
    expect(bitCount(0b1011)).toBe(3);
  });
});

describe('fast spelling correction', () => {
  it('gives what the exhaustive scan gives, on random vocabularies and words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 40 }),
        fc.array(word, { maxLength: 8 }),
        fc.array(word, { minLength: 1, maxLength: 10 }),
        (articles, extraWords, queries) => {
          const vocabulary = vocabularyOf(articles.map((words) => words.join(' ')));
          const extras = new Map<number, string[]>();
          for (const extra of extraWords) extras.set(extra.length, [...(extras.get(extra.length) ?? []), extra]);
          const extraOfLength = (length: number): readonly string[] => extras.get(length) ?? [];
          const isKnown = (w: string): boolean => vocabulary.has(w) || extraWords.includes(w);
          for (const query of queries) {
            expect(correctWord(query, vocabulary, isKnown, extraOfLength)).toBe(correctWordExhaustive(query, vocabulary, isKnown, extraOfLength));
            expect(correctWord(query, vocabulary)).toBe(correctWordExhaustive(query, vocabulary));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('follows the vocabulary as articles come and go', () => {
    const vocabulary = vocabularyOf(['password reset', 'passwords']);
    expect(correctWord('pasword', vocabulary)).toBe('password');
    vocabulary.removeText('password reset');
    vocabulary.addText('passport');
    expect(correctWord('pasword', vocabulary)).toBe(correctWordExhaustive('pasword', vocabulary));
    expect(correctWord('passprt', vocabulary)).toBe('passport');
  });

  it('forgets remembered corrections when the vocabulary changes', () => {
    const vocabulary = vocabularyOf(['zebra printers']);
    expect(rewriteQuery('zebar', vocabulary).words).toContain('zebra');
    vocabulary.removeText('zebra printers');
    vocabulary.addText('cobra printers');
    expect(rewriteQuery('zebar', vocabulary).words).not.toContain('zebra');
    expect(rewriteQuery('cobar', vocabulary).words).toContain('cobra');
  });

  it('rewrites queries as the exhaustive correction does', () => {
    const vocabulary = vocabularyOf(['Cancel your purchase', 'Track a purchase and its delivery', 'Reset your password', 'Refunds to the original payment']);
    for (const query of ['pasword resett', 'purchsae delivry', 'cancelyour refnd', 'I want a reimbursment', 'trak my parcle'])
      expect(rewriteQuery(query, vocabulary)).toEqual(rewriteQuery(query, vocabulary, 'en', { correct: correctWordExhaustive }));
  });
});
