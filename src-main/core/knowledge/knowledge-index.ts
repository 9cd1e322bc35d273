import * as lancedb from '@lancedb/lancedb';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger, type Logger } from '../log/logger';
import { chunkArticle, type Chunk } from './chunking';
import { reciprocalRankFusion, type Ranked } from './search/fusion';
import { rewriteQuery } from './search/query-rewrite';
import { makeSnippet, sanitizeFtsQuery } from './search/snippets';
import { Vocabulary } from './search/vocabulary';
import type { Embedder } from './semantic/embedder';
import { deserializeLsi, lsiEmbedder, serializeLsi, trainLsi } from './semantic/lsi';
import { openAiEmbedder, type EmbeddingEndpoint } from './semantic/openai-embedder';
import { readMetadata, writeMetadata, type IndexMetadata } from './store/metadata';
import { WriteQueue } from './store/write-queue';
import type { IndexResult, KnowledgeArticle, KnowledgeHit, KnowledgeStats, SearchOptions } from './types';

export interface KnowledgeIndexOptions {
  dataDir: string;
  embeddings?: EmbeddingEndpoint;
  /** Dimensions of the offline semantic model. */
  dimensions?: number;
  /** An embedder supplied by the caller (benchmarks, other local models); takes precedence over both others. */
  embedder?: Embedder;
  logger?: Logger;
}

export interface KnowledgeIndex {
  indexArticles(articles: KnowledgeArticle[], source?: string): Promise<IndexResult>;
  removeArticle(id: string): Promise<boolean>;
  search(query: string, options?: SearchOptions): Promise<KnowledgeHit[]>;
  getArticle(id: string): Promise<KnowledgeArticle | undefined>;
  stats(): Promise<KnowledgeStats>;
  /** Loads the indexes into memory so the agent's first search is fast. */
  prewarm(): Promise<void>;
  close(): Promise<void>;
}

interface ChunkRow {
  id: string;
  article_id: string;
  title: string;
  section: string;
  url: string;
  tags: string;
  page: number;
  updated_at: string;
  text: string;
  body: string;
  vector: number[];
  [key: string]: unknown;
}

const tableName = 'chunks';
const legDepth = 40;
const optimizeAfterAppends = 20;
const maxVectorDistance = 0.9;
const annThreshold = 5_000;
const selectColumns = ['id', 'article_id', 'title', 'section', 'url', 'tags', 'page', 'body'];

function articleHash(article: KnowledgeArticle): string {
  return createHash('sha256')
    .update(JSON.stringify([article.title, article.body, article.url ?? '', article.tags ?? [], article.pages?.length ?? 0]))
    .digest('hex');
}

const sqlString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

function tagFilter(tags: string[] | undefined): string | undefined {
  if (!tags || tags.length === 0) return undefined;
  return tags.map((tag) => `tags LIKE ${sqlString(`%|${tag.replace(/[%_|]/g, '')}|%`)}`).join(' OR ');
}

export async function openKnowledgeIndex(options: KnowledgeIndexOptions): Promise<KnowledgeIndex> {
  const logger = options.logger ?? silentLogger;
  const dir = join(options.dataDir, 'knowledge');
  const articlesDir = join(dir, 'articles');
  const metaFile = join(dir, 'index.json');
  const lsiFile = join(dir, 'semantic-model.json');
  const vocabularyFile = join(dir, 'vocabulary.json');
  mkdirSync(articlesDir, { recursive: true });
  const db = await lancedb.connect(join(dir, 'lancedb'));
  const queue = new WriteQueue();
  const metadata: IndexMetadata = readMetadata(metaFile);
  let table: lancedb.Table | undefined = (await db.tableNames()).includes(tableName) ? await db.openTable(tableName) : undefined;
  let embedder: Embedder | undefined;
  let remote: Embedder | undefined;

  if (options.embeddings && !options.embedder) {
    try {
      remote = await openAiEmbedder(options.embeddings);
    } catch (error) {
      logger.warn('embedding endpoint unavailable, using the offline semantic model', { error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (options.embedder) remote = options.embedder;
  if (remote) embedder = remote;
  else if (existsSync(lsiFile)) embedder = lsiEmbedder(deserializeLsi(readFileSync(lsiFile, 'utf8')));

  const articleFile = (id: string): string => join(articlesDir, `${createHash('sha1').update(id).digest('hex')}.json`);

  function readArticle(id: string): KnowledgeArticle | undefined {
    const file = articleFile(id);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as KnowledgeArticle) : undefined;
  }

  const vocabularyText = (article: KnowledgeArticle): string => `${article.title}\n${article.body}`;
  const vocabulary = Vocabulary.load(vocabularyFile);
  // An index written before the vocabulary existed, or a lost file: rebuild it from the stored articles.
  if (vocabulary.size === 0 && Object.keys(metadata.articles).length > 0) {
    for (const id of Object.keys(metadata.articles)) {
      const stored = readArticle(id);
      if (stored) vocabulary.addText(vocabularyText(stored));
    }
    vocabulary.save(vocabularyFile);
  }

  function toRows(chunks: Chunk[], vectors: Float32Array[], articles: Map<string, KnowledgeArticle>): ChunkRow[] {
    return chunks.map((chunk, index) => {
      const article = articles.get(chunk.articleId);
      return {
        id: chunk.id,
        article_id: chunk.articleId,
        title: chunk.title,
        section: chunk.section,
        url: article?.url ?? '',
        tags: `|${(article?.tags ?? []).join('|')}|`,
        page: chunk.page,
        updated_at: article?.updatedAt ?? '',
        text: chunk.text,
        body: chunk.body,
        vector: Array.from(vectors[index] ?? []),
      };
    });
  }

  async function embedChunks(chunks: Chunk[]): Promise<Float32Array[]> {
    if (!embedder) throw new Error('no embedder');
    const vectors: Float32Array[] = [];
    for (let start = 0; start < chunks.length; start += 256) {
      vectors.push(...(await embedder.embedDocuments(chunks.slice(start, start + 256).map((chunk) => chunk.text))));
    }
    return vectors;
  }

  async function ensureFtsIndex(target: lancedb.Table | undefined = table): Promise<void> {
    if (!target) return;
    const indices = await target.listIndices();
    if (!indices.some((index) => index.columns.includes('text'))) {
      await target.createIndex('text', {
        config: lancedb.Index.fts({ stem: true, removeStopWords: true, lowercase: true, asciiFolding: true, withPosition: false }),
        replace: true,
      });
    }
  }

  /** Past this size a flat vector scan gets slow: an IVF-PQ index keeps vector search in milliseconds. */
  async function ensureVectorIndex(target: lancedb.Table | undefined = table): Promise<void> {
    if (!target || !embedder) return;
    const rows = await target.countRows();
    if (rows < annThreshold) return;
    const dims = embedder.dimensions;
    const subVectors = [dims / 16, dims / 8, dims / 4, 1].find((value) => Number.isInteger(value) && value >= 1) ?? 1;
    await target.createIndex('vector', {
      config: lancedb.Index.ivfPq({ numPartitions: Math.max(1, Math.round(Math.sqrt(rows))), numSubVectors: subVectors, distanceType: 'cosine' }),
      replace: true,
    });
  }

  /** Re-chunks and re-embeds everything: when the semantic model is (re)trained or the embedding model changed. */
  async function rebuildAll(articles: KnowledgeArticle[]): Promise<void> {
    const byId = new Map(articles.map((article) => [article.id, article]));
    const chunks = articles.flatMap(chunkArticle);
    if (!remote) {
      const model = trainLsi(chunks.map((chunk) => chunk.text), options.dimensions ?? 128);
      writeFileSync(lsiFile, serializeLsi(model));
      embedder = lsiEmbedder(model);
    }
    if (table) {
      await db.dropTable(tableName);
      table = undefined;
    }
    if (chunks.length > 0) {
      const created = await db.createTable(tableName, toRows(chunks, await embedChunks(chunks), byId), { mode: 'overwrite' });
      // Searches run alongside indexing: the table is published only once full-text search works on it.
      await ensureFtsIndex(created);
      await ensureVectorIndex(created);
      table = created;
    }
    metadata.trainedOnChunks = chunks.length;
    metadata.appendsSinceOptimize = 0;
    metadata.embeddingModel = embedder?.id ?? '';
  }

  async function deleteChunksOf(ids: string[]): Promise<void> {
    if (!table || ids.length === 0) return;
    for (let start = 0; start < ids.length; start += 200) {
      await table.delete(`article_id IN (${ids.slice(start, start + 200).map(sqlString).join(', ')})`);
    }
  }

  function totalChunks(): number {
    return Object.values(metadata.articles).reduce((sum, entry) => sum + entry.chunks, 0);
  }

  async function indexArticles(input: KnowledgeArticle[], source?: string): Promise<IndexResult> {
    return queue.run(async () => {
      const result: IndexResult = { added: 0, updated: 0, unchanged: 0, removed: 0 };
      const sourceName = source ?? input[0]?.source ?? 'default';
      const incoming = new Map<string, KnowledgeArticle>();
      for (const article of input) incoming.set(article.id, { ...article, source: article.source ?? sourceName });
      const changed: KnowledgeArticle[] = [];
      for (const article of incoming.values()) {
        const existing = metadata.articles[article.id];
        if (existing && existing.hash === articleHash(article)) result.unchanged += 1;
        else {
          changed.push(article);
          if (existing) result.updated += 1;
          else result.added += 1;
        }
      }
      const removed = Object.entries(metadata.articles)
        .filter(([id, entry]) => entry.source === sourceName && !incoming.has(id))
        .map(([id]) => id);
      result.removed = removed.length;
      if (changed.length === 0 && removed.length === 0 && (embedder?.id ?? '') === metadata.embeddingModel) return result;

      for (const article of changed) {
        const previous = metadata.articles[article.id] && readArticle(article.id);
        if (previous) vocabulary.removeText(vocabularyText(previous));
        vocabulary.addText(vocabularyText(article));
      }
      for (const id of removed) {
        const previous = readArticle(id);
        if (previous) vocabulary.removeText(vocabularyText(previous));
        delete metadata.articles[id];
        rmSync(articleFile(id), { force: true });
      }
      const newChunks = changed.map((article) => ({ article, chunks: chunkArticle(article) }));
      for (const { article, chunks } of newChunks) {
        writeFileSync(articleFile(article.id), JSON.stringify(article));
        metadata.articles[article.id] = { hash: articleHash(article), source: article.source ?? sourceName, chunks: chunks.length };
      }
      const needsRebuild =
        !embedder || !table || embedder.id !== metadata.embeddingModel || (!remote && totalChunks() >= 2 * Math.max(1, metadata.trainedOnChunks));
      if (needsRebuild) {
        const all = Object.keys(metadata.articles)
          .map((id) => incoming.get(id) ?? readArticle(id))
          .filter((article): article is KnowledgeArticle => article !== undefined);
        await rebuildAll(all);
      } else {
        await deleteChunksOf([...removed, ...changed.map((article) => article.id)]);
        const chunks = newChunks.flatMap((entry) => entry.chunks);
        if (chunks.length > 0 && table) {
          await table.add(toRows(chunks, await embedChunks(chunks), new Map(changed.map((article) => [article.id, article]))));
          metadata.appendsSinceOptimize += 1;
        }
        // Rows added after the FTS index was built are scanned by brute force until optimize folds them in.
        if (table && metadata.appendsSinceOptimize >= optimizeAfterAppends) {
          await table.optimize({ cleanupOlderThan: new Date(Date.now() - 60_000) });
          await ensureVectorIndex();
          metadata.appendsSinceOptimize = 0;
        }
      }
      writeMetadata(metaFile, metadata);
      vocabulary.save(vocabularyFile);
      return result;
    });
  }

  async function removeArticle(id: string): Promise<boolean> {
    return queue.run(async () => {
      if (!metadata.articles[id]) return false;
      await deleteChunksOf([id]);
      const previous = readArticle(id);
      if (previous) vocabulary.removeText(vocabularyText(previous));
      delete metadata.articles[id];
      rmSync(articleFile(id), { force: true });
      writeMetadata(metaFile, metadata);
      vocabulary.save(vocabularyFile);
      return true;
    });
  }

  async function ftsLeg(query: string, filter: string | undefined): Promise<Record<string, unknown>[]> {
    const clean = sanitizeFtsQuery(query);
    if (!table || !clean) return [];
    let search = table.query().fullTextSearch(clean).select([...selectColumns, '_score']).limit(legDepth);
    if (filter) search = search.where(filter);
    return (await search.toArray()) as Record<string, unknown>[];
  }

  async function vectorLeg(query: string, filter: string | undefined): Promise<Record<string, unknown>[]> {
    if (!table || !embedder || !query.trim()) return [];
    const vector = await embedder.embedQuery(query);
    if (!vector.some((value) => value !== 0)) return [];
    let search = table.vectorSearch(Array.from(vector)).distanceType('cosine').nprobes(20).refineFactor(5).select([...selectColumns, '_distance']).limit(legDepth);
    if (filter) search = search.where(filter);
    // A semantic neighbour this far away is noise, not a match.
    return ((await search.toArray()) as Record<string, unknown>[]).filter((row) => Number(row._distance ?? 0) < maxVectorDistance);
  }

  async function search(query: string, searchOptions: SearchOptions = {}): Promise<KnowledgeHit[]> {
    const mode = searchOptions.mode ?? 'hybrid';
    const limit = searchOptions.limit ?? 5;
    const filter = tagFilter(searchOptions.tags);
    const rewritten = rewriteQuery(query, vocabulary).text;
    const [fts, vector] = await Promise.all([
      mode === 'vector' ? [] : ftsLeg(rewritten, filter),
      mode === 'fts' ? [] : vectorLeg(rewritten, filter),
    ]);
    const asRanked = (rows: Record<string, unknown>[]): Ranked<Record<string, unknown>>[] => rows.map((row) => ({ key: String(row.id), item: row }));
    const fused = reciprocalRankFusion([asRanked(fts), asRanked(vector)]);
    // One hit per article, from its best chunk; the other chunks of an article add a little weight.
    // Capped, so a long article with many weak chunks cannot outvote a short one that matches well.
    const byArticle = new Map<string, { row: Record<string, unknown>; score: number; extra: number }>();
    for (const entry of fused) {
      const articleId = String(entry.item.article_id);
      const current = byArticle.get(articleId);
      if (!current) byArticle.set(articleId, { row: entry.item, score: entry.score, extra: 0 });
      else if (current.extra < 2) {
        current.score += entry.score * 0.15;
        current.extra += 1;
      }
    }
    return [...byArticle.values()]
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ row, score }) => {
        const body = String(row.body ?? '');
        const { snippet, highlights } = makeSnippet(body, rewritten);
        const page = Number(row.page ?? 0);
        const url = String(row.url ?? '');
        return {
          articleId: String(row.article_id),
          title: String(row.title ?? ''),
          section: String(row.section ?? ''),
          ...(url ? { url } : {}),
          ...(page > 0 ? { page } : {}),
          snippet,
          highlights,
          score: Number(score.toFixed(6)),
          chunkText: body,
        };
      });
  }

  return {
    indexArticles,
    removeArticle,
    search,
    async getArticle(id) {
      return metadata.articles[id] ? readArticle(id) : undefined;
    },
    async stats() {
      return { articles: Object.keys(metadata.articles).length, chunks: table ? await table.countRows() : 0, embeddingModel: metadata.embeddingModel };
    },
    async prewarm() {
      await search('order refund shipping', { limit: 1 });
    },
    async close() {
      await queue.idle();
      table?.close();
      db.close();
    },
  };
}
