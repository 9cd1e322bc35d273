import type { ArticleStore } from '../store/article-store';
import { sqlString } from '../store/chunk-table';
import { fullTextTerms } from '../text/stemming';
import { normalizeLanguage } from '../text/article-language';
import type { KnowledgeHit, KnowledgeKind, SearchOptions } from '../types';
import type { Bm25Index } from './bm25-index';
import type { ArticleInfo, ChunkCatalog } from './chunk-catalog';
import { reciprocalRankFusion, type Ranked } from './fusion';
import { rewriteQuery } from './query-rewrite';
import { makeSnippet } from './snippets';
import type { VectorLeg } from './vector-leg';
import type { Vocabulary } from './vocabulary';

/** The weight of a synonym the rewrite added, against 1 for the customer's own words (full-text leg). */
const addedTermWeight = 0.5;

/** Candidates each leg contributes to the fusion. */
const legDepth = 40;

export interface SearchParts {
  catalog: ChunkCatalog;
  fullText: Bm25Index;
  vector: VectorLeg;
  articles: ArticleStore;
  vocabulary: Vocabulary;
}

interface ArticleFilter {
  /** Names the filter for the catalog's mask cache: the same key, the same verdicts. */
  key: string;
  accept: (article: ArticleInfo) => boolean;
}

function articleFilter(kinds: KnowledgeKind[] | undefined, tags: string[] | undefined): ArticleFilter | undefined {
  const kindSet = kinds && kinds.length > 0 && kinds.length < 2 ? new Set(kinds) : undefined;
  const tagSet = tags && tags.length > 0 ? new Set(tags) : undefined;
  if (!kindSet && !tagSet) return undefined;
  return {
    key: JSON.stringify([kindSet ? [...kindSet].sort() : [], tagSet ? [...tagSet].sort() : []]),
    accept: (article) => (!kindSet || kindSet.has(article.kind)) && (!tagSet || article.tags.some((tag) => tagSet.has(tag))),
  };
}

/** The same filter for the vector leg, where LanceDB applies it before the neighbours are picked. */
function whereClause(kinds: KnowledgeKind[] | undefined, tags: string[] | undefined): string | undefined {
  const parts: string[] = [];
  if (kinds && kinds.length === 1) parts.push(`kind = ${sqlString(kinds[0] ?? 'playbook')}`);
  if (tags && tags.length > 0) parts.push(`(${tags.map((tag) => `tags LIKE ${sqlString(`%|${tag.replace(/[%_|]/g, '')}|%`)}`).join(' OR ')})`);
  return parts.length > 0 ? parts.join(' AND ') : undefined;
}

/**
 * The full-text leg is decisive when its best article scores this many times the next one. At 1.5 the
 * kb-eval dev queries lost recall@3 (0.972 → 0.966 on a sample) while other phrasings gained MRR;
 * at 3 neither moved: the vector leg does not overturn so clear a lead.
 */
const decisiveRatio = 3;

function decisive(ranked: { doc: number; score: number }[], catalog: ChunkCatalog): boolean {
  const first = ranked[0];
  if (!first) return false;
  const firstArticle = catalog.at(first.doc)?.article.id;
  const runnerUp = ranked.find((entry) => catalog.at(entry.doc)?.article.id !== firstArticle);
  return !runnerUp || first.score >= decisiveRatio * runnerUp.score;
}

/**
 * Hybrid search: BM25 on the stems in memory and the vector leg in LanceDB, run together and fused by
 * reciprocal rank, then one hit per article from its best chunk.
 */
export async function hybridSearch(parts: SearchParts, query: string, options: SearchOptions = {}): Promise<KnowledgeHit[]> {
  const mode = options.mode ?? 'hybrid';
  const limit = options.limit ?? 5;
  const language = normalizeLanguage(options.language) ?? 'en';
  const rewrite = rewriteQuery(query, parts.vocabulary, language);
  const rewritten = rewrite.text;
  // The customer's own words count fully in the full-text leg; the synonyms the rewrite added, half.
  const ownTerms = fullTextTerms(rewrite.words.slice(0, rewrite.own).join(' '), language);
  const ownSet = new Set(ownTerms);
  const addedTerms = fullTextTerms(rewrite.words.slice(rewrite.own).join(' '), language).filter((term) => !ownSet.has(term));
  const weights = new Map(addedTerms.map((term) => [term, addedTermWeight]));
  const filter = articleFilter(options.kinds, options.tags);
  const accept = filter?.accept;
  // A rebuild replaces the in-memory index: this search keeps the one it started with.
  const { catalog, fullText } = parts;
  const mask = filter ? catalog.filterMask(filter.key, filter.accept) : undefined;
  // No chunk passes the filter: the vector leg's rows would all be refused below, so it is not asked.
  const vectorWanted = mode !== 'fts' && (!mask || mask.accepted > 0);
  // The vector leg waits on LanceDB's threads; the full-text leg runs meanwhile on this one.
  const vectorSearch = vectorWanted ? parts.vector.search(rewritten, language, legDepth, whereClause(options.kinds, options.tags)) : undefined;
  const ftsSlots = mode === 'vector' ? [] : fullText.search([...ownTerms, ...addedTerms], legDepth, mask?.bits, weights);
  // When the full-text leg is decisive (its best article far ahead of the next), the vector leg could
  // not change the top hit: its answer is not waited for.
  const skipVector = mode === 'hybrid' && decisive(ftsSlots, catalog);
  if (skipVector) void vectorSearch?.catch(() => undefined);
  const vectorRows = vectorSearch && !skipVector ? await vectorSearch : [];
  const vectorSlots: number[] = [];
  for (const row of vectorRows) {
    const slot = catalog.slotOf(row.id);
    const chunk = slot === undefined ? undefined : catalog.at(slot);
    // A row the catalog no longer knows is being deleted; a kind mark may be on its way to the table.
    if (slot !== undefined && chunk && (!accept || accept(chunk.article))) vectorSlots.push(slot);
  }
  const ranked = (slots: number[]): Ranked<number>[] => slots.map((slot) => ({ key: String(slot), item: slot }));
  const fused = reciprocalRankFusion([ranked(ftsSlots.map((entry) => entry.doc)), ranked(vectorSlots)]);

  // One hit per article, from its best chunk; the other chunks of an article add a little weight.
  // Capped, so a long article with many weak chunks cannot outvote a short one that matches well.
  const byArticle = new Map<string, { slot: number; score: number; extra: number }>();
  for (const entry of fused) {
    const chunk = catalog.at(entry.item);
    if (!chunk) continue;
    const current = byArticle.get(chunk.article.id);
    if (!current) byArticle.set(chunk.article.id, { slot: entry.item, score: entry.score, extra: 0 });
    else if (current.extra < 2) {
      current.score += entry.score * 0.15;
      current.extra += 1;
    }
  }
  const hits: KnowledgeHit[] = [];
  for (const { slot, score } of [...byArticle.values()].sort((a, b) => b.score - a.score)) {
    if (hits.length >= limit) break;
    const chunk = catalog.at(slot);
    if (!chunk) continue;
    const body = parts.articles.chunk(chunk.article.id, chunk.id)?.body ?? '';
    const { snippet, highlights } = makeSnippet(body, rewritten, language, chunk.article.language);
    const article = chunk.article;
    hits.push({
      articleId: article.id,
      title: article.title,
      section: chunk.section,
      ...(article.url ? { url: article.url } : {}),
      ...(chunk.page > 0 ? { page: chunk.page } : {}),
      snippet,
      highlights,
      score: Number(score.toFixed(6)),
      kind: article.kind,
      kindOrigin: article.kindOrigin,
      language: article.language,
      ...(article.topic ? { topic: article.topic } : {}),
      ...(article.subflows ? { subflows: article.subflows } : {}),
      chunkText: body,
    });
  }
  return hits;
}
