import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../src-main/core/knowledge/search/bm25-index';
import { terms } from '../../../src-main/core/knowledge/semantic/terms';
import { analyze, stemOf } from '../../../src-main/core/knowledge/text/stemming';

describe('one stemmer', () => {
  it('gives the full-text leg and the semantic model the same Snowball stems', () => {
    const text = 'Refunds are refunded to cancelled orders; cancelling deliveries 42 times';
    expect(terms(text)).toEqual(analyze(text).filter((term) => !/^\d+$/.test(term)));
    expect(analyze('refunds refunding refunded')).toEqual(['refund', 'refund', 'refund']);
    // Porter2, not the old suffix rules: "deliveries" and "delivery" meet at "deliveri".
    expect(stemOf('deliveries')).toBe(stemOf('delivery'));
  });

  it('stems each language with its own rules and folds accents after stemming', () => {
    expect(stemOf('reembolsos', 'es')).toBe(stemOf('reembolso', 'es'));
    expect(stemOf('remboursements', 'fr')).toBe(stemOf('remboursement', 'fr'));
    expect(stemOf('Rückerstattungen'.toLowerCase(), 'de')).toBe(stemOf('rückerstattung', 'de'));
    expect(stemOf('devoluções', 'pt')).toBe(stemOf('devolução', 'pt'));
    expect(stemOf('devolución', 'es')).not.toMatch(/[óú]/);
    // Stop words of the text's language are not indexed.
    expect(analyze('el pedido de la tienda', 'es')).toEqual([stemOf('pedido', 'es'), stemOf('tienda', 'es')]);
  });

  it('stems a word of another script by its script’s language', () => {
    expect(stemOf('вернуть', 'en')).toBe(stemOf('вернуть', 'ru'));
  });
});

describe('in-memory BM25', () => {
  it('ranks by term rarity and frequency, filters before ranking, and forgets removed documents', () => {
    const index = new Bm25Index();
    index.add(0, ['refund', 'order', 'order']);
    index.add(1, ['order', 'ship']);
    index.add(2, ['refund', 'refund', 'polici']);
    expect(index.search(['refund'], 10).map((hit) => hit.doc)).toEqual([2, 0]);
    expect(index.search(['order', 'ship'], 10)[0]?.doc).toBe(1);
    expect(index.search(['refund'], 10, Uint8Array.of(1, 1, 0)).map((hit) => hit.doc)).toEqual([0]);
    expect(index.search(['refund'], 1).map((hit) => hit.doc)).toEqual([2]);
    index.remove(2);
    expect(index.search(['refund'], 10).map((hit) => hit.doc)).toEqual([0]);
    expect(index.search(['polici'], 10)).toEqual([]);
    expect(index.size).toBe(2);
  });

  it('scores like the BM25 formula (k1 1.2, b 0.75)', () => {
    const index = new Bm25Index();
    index.add(0, ['a', 'b']);
    index.add(1, ['b', 'c', 'c', 'd']);
    const n = 2;
    const df = 1;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const tf = 2;
    const expected = (idf * tf * 2.2) / (tf + 1.2 * (1 - 0.75 + (0.75 * 4) / 3));
    expect(index.search(['c'], 1)[0]?.score).toBeCloseTo(expected, 5);
  });

  it('stays exact through many removals (compaction)', () => {
    const index = new Bm25Index();
    for (let doc = 0; doc < 3000; doc += 1) index.add(doc, ['common', `w${doc % 7}`]);
    for (let doc = 0; doc < 2900; doc += 1) index.remove(doc);
    const hits = index.search(['w3'], 100);
    expect(hits.map((hit) => hit.doc).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, at) => 2900 + at).filter((doc) => doc % 7 === 3));
  });
});

describe('the language of an undeclared article', () => {
  it('is told from its script and function words, English when nothing stands out', async () => {
    const { guessLanguage } = await import('../../../src-main/core/knowledge/text/article-language');
    expect(guessLanguage('You can return most items within 30 days of delivery. Start the return from your order page.')).toBe('en');
    expect(guessLanguage('Puedes devolver la mayoría de los artículos en los 30 días siguientes a la entrega de tu pedido.')).toBe('es');
    expect(guessLanguage('Vous pouvez retourner la plupart des articles dans les 30 jours qui suivent la livraison de votre commande.')).toBe('fr');
    expect(guessLanguage('Sie können die meisten Artikel innerhalb von 30 Tagen nach der Lieferung zurückgeben, wenn sie nicht passen.')).toBe('de');
    expect(guessLanguage('Você pode devolver a maioria dos itens em até 30 dias após a entrega do seu pedido, com a etiqueta.')).toBe('pt');
    expect(guessLanguage('Вы можете вернуть товар в течение тридцати дней после доставки.')).toBe('ru');
    expect(guessLanguage('商品到着後30日以内であれば返品できます。')).toBe('ja');
    expect(guessLanguage('Zebra printers.')).toBe('en');
  });
});
