import { join } from 'node:path';
import { silentLogger, type Logger } from '../log/logger';
import { emptyInMemoryIndex, loadInMemoryIndex, type InMemoryIndex } from './indexing/in-memory-index';
import { Indexer } from './indexing/indexer';
import { KindMarks } from './kinds/kind-marks';
import { hybridSearch } from './search/hybrid-search';
import { VectorLeg } from './search/vector-leg';
import { Vocabulary } from './search/vocabulary';
import type { Embedder } from './semantic/embedder';
import { EmbedderChoice } from './semantic/embedder-choice';
import type { EmbeddingEndpoint } from './semantic/openai-embedder';
import { ArticleFiles } from './store/article-files';
import { ChunkTable } from './store/chunk-table';
import { currentSchema, readMetadata } from './store/metadata';
import type { IndexedArticle, IndexResult, KnowledgeArticle, KnowledgeHit, KnowledgeKind, KnowledgeStats, SearchOptions } from './types';
import type { KnowledgeKindMarkView } from '../contract/knowledge';

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
  getArticle(id: string): Promise<IndexedArticle | undefined>;
  /** The agent marks an article, or its whole source, as customer-facing (or back to a playbook). */
  markKind(articleId: string, scope: 'article' | 'source', kind: KnowledgeKind): Promise<KnowledgeKindMarkView | undefined>;
  stats(): Promise<KnowledgeStats>;
  /** Loads the indexes into memory so the agent's first search is fast. */
  prewarm(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The knowledge index of a data folder: LanceDB on disk (vectors, stored terms), the full-text index
 * and chunk catalog in memory, the articles as files, the spelling vocabulary and the agent's kind marks.
 */
export async function openKnowledgeIndex(options: KnowledgeIndexOptions): Promise<KnowledgeIndex> {
  const logger = options.logger ?? silentLogger;
  const dir = join(options.dataDir, 'knowledge');
  const articles = new ArticleFiles(join(dir, 'articles'));
  const metadataFile = join(dir, 'index.json');
  const vocabularyFile = join(dir, 'vocabulary.json');
  const metadata = readMetadata(metadataFile);
  const marks = KindMarks.load(join(dir, 'kind-marks.json'));
  const table = await ChunkTable.open(join(dir, 'lancedb'));
  const embedders = await EmbedderChoice.open({
    modelFile: join(dir, 'semantic-model.json'),
    ...(options.dimensions ? { dimensions: options.dimensions } : {}),
    ...(options.embedder ? { embedder: options.embedder } : {}),
    ...(options.embeddings ? { embeddings: options.embeddings } : {}),
    logger,
  });
  const vocabulary = Vocabulary.load(vocabularyFile);
  // An index written before the vocabulary existed, or a lost file: rebuild it from the stored articles.
  if (vocabulary.size === 0 && Object.keys(metadata.articles).length > 0) {
    for (const id of Object.keys(metadata.articles)) {
      const stored = articles.read(id);
      if (stored) vocabulary.addText(`${stored.title}\n${stored.body}`);
    }
    vocabulary.save(vocabularyFile);
  }

  const memory: { current: InMemoryIndex } = { current: emptyInMemoryIndex() };
  const indexer = new Indexer({ table, articles, vocabulary, vocabularyFile, metadata, metadataFile, marks, embedders, memory });
  const vectorLeg = new VectorLeg(table, () => embedders.current);
  // The in-memory index is loaded from the table once, before any write; an index written by an
  // older version (other stems, no kind column) is rebuilt from its stored articles first.
  let loaded: Promise<void> | undefined;
  const load = (): Promise<void> =>
    (loaded ??= (async () => {
      if (!(await table.hasCurrentSchema()) || metadata.schema !== currentSchema) {
        if (Object.keys(metadata.articles).length > 0) await indexer.rebuildFromStored();
        return;
      }
      const fresh = await loadInMemoryIndex(table, metadata.articles, marks);
      if (memory.current.catalog.chunkCount === 0) memory.current = fresh;
    })().catch((error: unknown) => {
      logger.warn('knowledge index could not be loaded into memory; searches find nothing until it is rebuilt', { error: error instanceof Error ? error.message : String(error) });
    }));

  async function search(query: string, searchOptions?: SearchOptions): Promise<KnowledgeHit[]> {
    await load();
    const { catalog, fullText } = memory.current;
    return hybridSearch({ catalog, fullText, vector: vectorLeg, articles, vocabulary }, query, searchOptions);
  }

  return {
    search,
    async indexArticles(input, source) {
      await load();
      return indexer.indexArticles(input, source);
    },
    async removeArticle(id) {
      await load();
      return indexer.removeArticle(id);
    },
    async getArticle(id) {
      await load();
      const info = memory.current.catalog.articles.get(id);
      const article = metadata.articles[id] ? articles.read(id) : undefined;
      if (!article) return undefined;
      return { ...article, kind: info?.kind ?? 'playbook', kindOrigin: info?.kindOrigin ?? 'default', language: info?.language ?? metadata.articles[id]?.language ?? 'en' };
    },
    async markKind(articleId, scope, kind) {
      await load();
      if (!metadata.articles[articleId]) return undefined;
      const decided = await indexer.markKind(articleId, scope, kind);
      const info = memory.current.catalog.articles.get(articleId);
      return { articleId, kind: info?.kind ?? kind, kindOrigin: info?.kindOrigin ?? 'marked', articles: decided.length };
    },
    async stats() {
      return { articles: Object.keys(metadata.articles).length, chunks: await table.countRows(), embeddingModel: metadata.embeddingModel };
    },
    async prewarm() {
      await load();
      await search('order refund shipping', { limit: 1 });
    },
    async close() {
      await loaded;
      await indexer.idle();
      table.close();
    },
  };
}
