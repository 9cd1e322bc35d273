import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledgeIndex } from '../../../src-main/core/knowledge/index';
import { rewriteQuery } from '../../../src-main/core/knowledge/search/query-rewrite';
import { boundedEditDistance, correctWord } from '../../../src-main/core/knowledge/search/spelling';
import { Vocabulary } from '../../../src-main/core/knowledge/search/vocabulary';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function vocabularyOf(...texts: string[]): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const text of texts) vocabulary.addText(text);
  return vocabulary;
}

describe('edit distance', () => {
  it('counts substitutions, insertions, deletions and adjacent swaps', () => {
    expect(boundedEditDistance('invoice', 'invoice', 2)).toBe(0);
    expect(boundedEditDistance('invoicw', 'invoice', 2)).toBe(1);
    expect(boundedEditDistance('pasword', 'password', 2)).toBe(1);
    expect(boundedEditDistance('recieve', 'receive', 2)).toBe(1);
    expect(boundedEditDistance('shpi', 'ship', 2)).toBe(1);
    expect(boundedEditDistance('cat', 'elephant', 2)).toBe(3);
  });

  it('is symmetric and never exceeds its limit plus one', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (a, b, limit) => {
        const forward = boundedEditDistance(a, b, limit);
        expect(forward).toBe(boundedEditDistance(b, a, limit));
        expect(forward).toBeLessThanOrEqual(limit + 1);
        if (a === b) expect(forward).toBe(0);
      }),
    );
  });
});

describe('spelling correction', () => {
  const vocabulary = vocabularyOf('Cancel your purchase', 'Track a purchase and its delivery', 'Reset your password', 'The cancellation charges are listed');

  it('corrects towards the most common indexed word and splits run-together words', () => {
    expect(correctWord('pasword', vocabulary)).toBe('password');
    expect(correctWord('purchsae', vocabulary)).toBe('purchase');
    expect(correctWord('ispurchase', vocabulary, (word) => vocabulary.has(word) || word === 'is')).toBe('is purchase');
    expect(correctWord('cancellationcharges', vocabulary)).toBe('cancellation charges');
  });

  it('leaves short and unrelated words alone', () => {
    expect(correctWord('zzz', vocabulary)).toBeUndefined();
    expect(correctWord('munich', vocabulary)).toBeUndefined();
  });
});

describe('query rewriting', () => {
  const vocabulary = vocabularyOf('Get a refund', 'Contact a human agent or representative', 'Recover your password', 'Track your order', 'Reset the password');

  it('adds the words articles use for the customer’s words, only when the index has them', () => {
    expect(rewriteQuery('I want a rebate', vocabulary).words).toContain('refund');
    expect(rewriteQuery('let me talk to a real person', vocabulary).words).toEqual(expect.arrayContaining(['human', 'agent', 'representative']));
    expect(rewriteQuery('lost my pin', vocabulary).words).toEqual(expect.arrayContaining(['password', 'recover', 'reset']));
    // "invoice" is a synonym of "bill", but no article here uses it.
    expect(rewriteQuery('my bill', vocabulary).words).not.toContain('invoice');
  });

  it('adds dictionary synonyms the index knows for English words it does not', () => {
    const shop = vocabularyOf('Contact a customer of ours', 'Speak to us', 'Ask for a refund of an order');
    expect(rewriteQuery('talk to a client', shop).words).toEqual(expect.arrayContaining(['speak', 'customer']));
    // "order" is known: nothing is added for it, and nothing the index lacks.
    expect(rewriteQuery('my order', shop).words).toEqual(['my', 'order']);
  });

  it('does not correct another form of a known word into a different word', () => {
    const shop = vocabularyOf('Ask for a rebate', 'Leave a rating');
    expect(rewriteQuery('rebating 12 dollars', shop).words).not.toContain('rating');
    expect(rewriteQuery('rebating 12 dollars', shop).words).toContain('rebating');
  });

  it('keeps known words, numbers and the customer’s own wording', () => {
    const rewritten = rewriteQuery('track order 12345', vocabulary);
    expect(rewritten.words.slice(0, 3)).toEqual(['track', 'order', '12345']);
  });

  it('works on an empty vocabulary and on any input without throwing', () => {
    expect(rewriteQuery('anything at all', new Vocabulary()).text).toBe('anything at all');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (query) => {
        expect(typeof rewriteQuery(query, vocabulary).text).toBe('string');
      }),
    );
  });
});

describe('misspelled searches', () => {
  it('find the article despite typos, and the vocabulary follows updates and deletions across a reopen', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'copilot-kb-spell-'));
    dirs.push(dataDir);
    let index = await openKnowledgeIndex({ dataDir });
    await index.indexArticles(
      [
        { id: 'password', title: 'Reset your password', body: 'Use the forgot password link to receive a reset email.' },
        { id: 'refund', title: 'Refunds', body: 'Refunds are paid back to the original payment method within 5 days.' },
        { id: 'zebra', title: 'Zebra printers', body: 'Label printers for the warehouse.' },
      ],
      'test',
    );
    expect((await index.search('pasword resett', { mode: 'fts' }))[0]?.articleId).toBe('password');
    expect((await index.search('I would like a reimbursement', { mode: 'fts' }))[0]?.articleId).toBe('refund');
    await index.close();

    index = await openKnowledgeIndex({ dataDir });
    expect((await index.search('zebar printres', { mode: 'fts' }))[0]?.articleId).toBe('zebra');
    await index.removeArticle('zebra');
    await index.close();
    index = await openKnowledgeIndex({ dataDir });
    expect(await index.search('zebar', { mode: 'fts' })).toEqual([]);
    await index.close();
  }, 60_000);
});
