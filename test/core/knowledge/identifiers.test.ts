import { describe, expect, it } from 'vitest';
import { rewriteQuery } from '../../../src-main/core/knowledge/search/query-rewrite';
import { Vocabulary } from '../../../src-main/core/knowledge/search/vocabulary';
import { withoutIdentifiers } from '../../../src-main/core/knowledge/text/identifiers';

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

describe('customer identifiers in a query', () => {
  it('drops e-mail addresses, links, phone numbers, dates and reference codes', () => {
    expect(words(withoutIdentifiers('refund please, my maria.lopez29@gmail.com'))).toEqual(['refund', 'please,', 'my']);
    expect(words(withoutIdentifiers('see https://shop.example.com/orders/12 now'))).toEqual(['see', 'now']);
    expect(words(withoutIdentifiers('+1 555 402 1810 - call me'))).toEqual(['-', 'call', 'me']);
    expect(words(withoutIdentifiers('ordered on 15/10/2024'))).toEqual(['ordered', 'on']);
    expect(words(withoutIdentifiers('ref AQ-17861 and code A12B34X'))).toEqual(['ref', 'and', 'code']);
  });

  it('keeps plain numbers and ordinary words with a digit or two', () => {
    expect(withoutIdentifiers('return within 30 days for orders over $50')).toBe('return within 30 days for orders over $50');
    expect(withoutIdentifiers('order 732201349959, mp3 player, covid-19')).toBe('order 732201349959, mp3 player, covid-19');
  });

  it('keeps an address out of the rewritten query, so "gmail" is not corrected to "email"', () => {
    const vocabulary = new Vocabulary();
    vocabulary.addText('Unsubscribe from our email newsletter. Track your order.');
    const rewritten = rewriteQuery('track my order, I am john97@gmail.com', vocabulary).words;
    expect(rewritten).not.toContain('email');
    expect(rewritten).not.toContain('gmail');
    expect(rewritten).toContain('track');
  });
});

describe('spelling correction towards the synonym lexicon', () => {
  it('corrects a slip in a lexicon word that no article uses, and the lexicon adds the article word', () => {
    const vocabulary = new Vocabulary();
    vocabulary.addText('How to get a refund for your purchase.');
    const rewritten = rewriteQuery('reimbvurse 160 dollars', vocabulary).words;
    expect(rewritten).toContain('reimburse');
    expect(rewritten).toContain('refund');
  });
});

describe('general support phrasings', () => {
  it('reads "change to" a plan as switching and "make an order" as placing one', () => {
    const vocabulary = new Vocabulary();
    vocabulary.addText('Switch account plans. Place an order and purchase items. Change your address.');
    expect(rewriteQuery('how do I change to the premium account', vocabulary).words).toContain('switch');
    expect(rewriteQuery('i dont know how to make an order', vocabulary).words).toContain('place');
    expect(rewriteQuery('where can I shop', vocabulary).words).toContain('purchase');
  });

  it('tells the customer\'s own words from the synonyms it added, which the full-text leg weighs at half', () => {
    const vocabulary = new Vocabulary();
    vocabulary.addText('Switch account plans. Place an order and purchase items. Change your address.');
    const rewritten = rewriteQuery('how do I change to the premium account', vocabulary);
    expect(rewritten.words.slice(0, rewritten.own)).toEqual(['how', 'do', 'i', 'change', 'to', 'the', 'premium', 'account']);
    expect(rewritten.words.slice(rewritten.own)).toContain('switch');
  });
});
