import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addChunk, emptyInMemoryIndex, removeArticleChunks, type InMemoryIndex } from '../../../src-main/core/knowledge/indexing/in-memory-index';
import type { ScoredDoc } from '../../../src-main/core/knowledge/search/bm25-index';
import type { ArticleInfo } from '../../../src-main/core/knowledge/search/chunk-catalog';
import type { KnowledgeKind } from '../../../src-main/core/knowledge/types';

/** A skewed vocabulary, as in text: a few terms in most chunks (the lists pruning skips), most rare. */
const term = fc.integer({ min: 0, max: 999 }).map((value) => `t${Math.floor((value / 1000) ** 3 * 60)}`);
const commonTerm = fc.integer({ min: 0, max: 2 }).map((value) => `t${value}`);
const tellingTerm = fc.integer({ min: 40, max: 59 }).map((value) => `t${value}`);
/** Queries as they come: any terms, or one telling term among common ones (where pruning pays). */
const query = fc.oneof(
  fc.array(term, { minLength: 1, maxLength: 5 }),
  fc.tuple(tellingTerm, fc.array(commonTerm, { minLength: 1, maxLength: 4 })).map(([telling, common]) => [...common, telling]),
);
const kind = fc.constantFrom<KnowledgeKind>('help-centre', 'playbook', 'playbook', 'playbook', 'playbook', 'playbook', 'playbook', 'playbook', 'playbook', 'playbook');
const tag = fc.constantFrom('billing', 'shipping', 'returns');
const article = fc.record({ kind, tags: fc.uniqueArray(tag, { maxLength: 2 }), chunks: fc.array(fc.array(term, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 4 }) });
/** The writes between searches: articles in, articles out, an agent's kind mark. */
const step = fc.oneof(
  fc.record({ add: fc.array(article, { minLength: 1, maxLength: 120 }) }),
  fc.record({ remove: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }) }),
  fc.record({ mark: fc.nat(), kind }),
);
const filter = fc.record({ kinds: fc.option(fc.constant<KnowledgeKind[]>(['help-centre']), { nil: undefined }), tags: fc.option(fc.array(tag, { minLength: 1, maxLength: 2 }), { nil: undefined }) });

const info = (id: string, kinds: KnowledgeKind, tags: string[]): ArticleInfo => ({ id, title: id, url: '', tags, source: 'test', language: 'en', kind: kinds, kindOrigin: 'declared' });

/** The filter as a predicate, as hybrid search builds it. */
function predicate(kinds: KnowledgeKind[] | undefined, tags: string[] | undefined): (article: ArticleInfo) => boolean {
  return (article) => (!kinds || kinds.includes(article.kind)) && (!tags || article.tags.some((value) => tags.includes(value)));
}

/** The oracle: every live chunk scored without a filter, exhaustively, then the filter applied, then the top `limit`. */
function oracle(index: InMemoryIndex, query: string[], limit: number, accept: (article: ArticleInfo) => boolean): ScoredDoc[] {
  const all = index.fullText.exhaustiveSearch(query, index.catalog.slotCount);
  return all.filter((hit) => {
    const chunk = index.catalog.at(hit.doc);
    return chunk !== undefined && accept(chunk.article);
  }).slice(0, limit);
}

describe('filtered full-text search over the catalog’s masks', () => {
  it('equals the unfiltered exhaustive search filtered afterwards, through adds, removals and kind marks', () => {
    let compared = 0;
    let pruned = 0;
    fc.assert(
      fc.property(
        fc.array(article, { minLength: 1, maxLength: 300 }),
        fc.array(step, { maxLength: 6 }),
        fc.array(filter, { minLength: 1, maxLength: 3 }),
        fc.array(query, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 12 }),
        (first, steps, filters, queries, limit) => {
          const index = emptyInMemoryIndex();
          const ids: string[] = [];
          const put = (articles: { kind: KnowledgeKind; tags: string[]; chunks: string[][] }[]): void => {
            for (const { kind: kinds, tags, chunks } of articles) {
              const id = `a${ids.length}`;
              ids.push(id);
              const shared = info(id, kinds, tags);
              chunks.forEach((terms, at) => addChunk(index, shared, { id: `${id}#${at}`, section: '', page: 0 }, terms));
            }
          };
          const compare = (): void => {
            for (const { kinds, tags } of filters) {
              const accept = predicate(kinds, tags);
              // The key hybrid search would use: one mask per filter, kept across the writes.
              const mask = index.catalog.filterMask(JSON.stringify([kinds ?? [], tags ?? []]), accept);
              let accepted = 0;
              for (const [, chunk] of index.catalog.live()) if (accept(chunk.article)) accepted += 1;
              expect(mask.accepted).toBe(accepted);
              for (const query of queries) {
                const expected = oracle(index, query, limit, accept);
                expect(index.fullText.search(query, limit, mask.bits)).toEqual(expected);
                expect(index.fullText.exhaustiveSearch(query, limit, mask.bits)).toEqual(expected);
                compared += 1;
              }
            }
          };
          put(first);
          compare();
          for (const change of steps) {
            if ('add' in change) put(change.add);
            else if ('remove' in change) for (const pick of change.remove) removeArticleChunks(index, ids[pick % ids.length] ?? '');
            else index.catalog.setKind(ids[change.mark % ids.length] ?? '', change.kind, 'marked');
            compare();
          }
          pruned += index.fullText.prunedSearches;
        },
      ),
      { numRuns: 150, seed: 29 },
    );
    expect(compared).toBeGreaterThan(500);
    // The filtered searches must take the pruning, or their equality with the exhaustive one proves little.
    expect(pruned).toBeGreaterThan(100);
  });

  it('grows a mask past its first capacity and refuses the slots of removed chunks', () => {
    const index = emptyInMemoryIndex();
    const help = info('help', 'help-centre', []);
    addChunk(index, help, { id: 'help#0', section: '', page: 0 }, ['refund']);
    const mask = index.catalog.filterMask('help', (article) => article.kind === 'help-centre');
    expect(mask.accepted).toBe(1);
    for (let at = 0; at < 3000; at += 1) addChunk(index, at % 1000 === 0 ? help : info(`p${at}`, 'playbook', []), { id: `c${at}`, section: '', page: 0 }, ['refund']);
    expect(mask.accepted).toBe(4);
    expect(index.fullText.search(['refund'], 10, mask.bits).map((hit) => index.catalog.at(hit.doc)?.id)).toEqual(['help#0', 'c0', 'c1000', 'c2000']);
    removeArticleChunks(index, 'help');
    expect(mask.accepted).toBe(0);
    expect(index.fullText.search(['refund'], 10, mask.bits)).toEqual([]);
    index.catalog.setKind('p1', 'help-centre', 'marked');
    expect(index.fullText.search(['refund'], 10, mask.bits).map((hit) => index.catalog.at(hit.doc)?.id)).toEqual(['c1']);
  });
});
