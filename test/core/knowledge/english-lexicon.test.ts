import { describe, expect, it } from 'vitest';
import { dictionaryForms, englishLexicon, parseEnglishLexicon } from '../../../src-main/core/knowledge/search/english-lexicon';

describe('English lexicon', () => {
  const lexicon = parseEnglishLexicon('alter\t0,1\nchange\t1,2\nclient\t3\ncustomer\t3\nguest\t3\nmodify\t1\nvary\t0\n');

  it('gives the synonyms that share a synset, most frequent sense first, within the limit', () => {
    expect(lexicon.synonyms('alter', () => true, 5)).toEqual(['vary', 'change', 'modify']);
    expect(lexicon.synonyms('alter', () => true, 1)).toEqual(['vary']);
    expect(lexicon.synonyms('clients', () => true, 5)).toEqual(['customer', 'guest']);
    expect(lexicon.synonyms('client', (word) => word !== 'customer', 5)).toEqual(['guest']);
    expect(lexicon.synonyms('unknownword', () => true, 5)).toEqual([]);
  });

  it('finds the dictionary form of inflected words', () => {
    expect(dictionaryForms('parcels')).toContain('parcel');
    expect(dictionaryForms('altered')).toContain('alter');
    expect(dictionaryForms('shipped')).toContain('ship');
    expect(dictionaryForms('stories')).toContain('story');
  });

  it('bundles WordNet synonyms of everyday words', () => {
    expect(englishLexicon().synonyms('client', () => true, 3)).toContain('customer');
    expect(englishLexicon().synonyms('repay', () => true, 3)).toContain('refund');
  });
});
