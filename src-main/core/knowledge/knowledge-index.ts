import { join } from 'node:path';
import { silentLogger, type Logger } from '../log/logger';
import { openCacheDatabase } from '../storage/index';
import { emptyInMemoryIndex, type InMemoryIndex } from './indexing/in-memory-index';
import { loadIndex, type LoadedFrom } from './indexing/index-loader';
import { Indexer } from './indexing/indexer';
import { SnapshotKeeper } from './indexing/snapshot-keeper';
import { KindMarks } from './kinds/kind-marks';
import { englishLexiconError } from './search/english-lexicon';
import { hybridSearch } from './search/hybrid-search';
import { VectorLeg } from './search/vector-leg';
import { Vocabulary } from './search/vocabulary';
import type { Embedder } from './semantic/embedder';
import { EmbedderChoice } from './semantic/embedder-choice';
import type { EmbeddingEndpoint } from './semantic/openai-embedder';
import { ArticleStore, type ArticleRows } from './store/article-store';
import { ChunkTable } from './store/chunk-table';
import { importLegacyArticleFiles } from './store/legacy-article-files';
import { readMetadata, writeMetadata } from './store/metadata';
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
  /** The store's articles table; without it the index opens the data folder's cache.db itself. */
  articles?: ArticleRows;
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
  /** Where the in-memory index came from when it was loaded (undefined before the first load). */
  loadedFrom(): LoadedFrom | undefined;
  close(): Promise<void>;
}

/**
 * The knowledge index of a data folder: the articles and their entries in the store (cache.db),
 * LanceDB on disk (chunks, vectors, stored terms), the full-text index and chunk catalog in memory
 * with a snapshot of them beside the table, the spelling vocabulary and the agent's kind marks.
 */
export async function openKnowledgeIndex(options: KnowledgeIndexOptions): Promise<KnowledgeIndex> {
  const logger = options.logger ?? silentLogger;
  const dir = join(options.dataDir, 'knowledge');
  const ownDatabase = options.articles ? undefined : openCacheDatabase(join(options.dataDir, 'cache.db'));
  const articles = new ArticleStore(options.articles ?? (ownDatabase as NonNullable<typeof ownDatabase>).articles);
  const metadataFile = join(dir, 'index.json');
  const vocabularyFile = join(dir, 'vocabulary.json');
  const { metadata, legacyArticles } = readMetadata(metadataFile);
  importLegacyArticleFiles(join(dir, 'articles'), legacyArticles, articles, () => writeMetadata(metadataFile, metadata));
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
  // An index written before the vocabulary existed, or a lost file: rebuilt from the stored articles.
  if (vocabulary.size === 0 && articles.size > 0) {
    for (const id of Object.keys(articles.entries)) {
      const stored = articles.read(id);
      if (stored) vocabulary.addText(`${stored.title}\n${stored.body}`);
    }
    vocabulary.save(vocabularyFile);
  }

  const memory: { current: InMemoryIndex } = { current: emptyInMemoryIndex() };
  const snapshotFile = join(dir, 'full-text.snapshot');
  // The keeper runs between the indexer's writes; the indexer tells it of each. Hence the late binding.
  const between = (task: () => Promise<void>): Promise<void> => indexer.between(task);
  const snapshot = new SnapshotKeeper(snapshotFile, table, memory, between, logger);
  const indexer: Indexer = new Indexer({ table, articles, vocabulary, vocabularyFile, metadata, metadataFile, marks, embedders, memory, snapshot });
  const vectorLeg = new VectorLeg(table, () => embedders.current);
  let loadedFrom: LoadedFrom | undefined;
  let loaded: Promise<void> | undefined;
  const load = (): Promise<void> =>
    (loaded ??= loadIndex({ table, articles, metadata, marks, indexer, memory, snapshot, snapshotFile })
      .then((from) => {
        loadedFrom = from;
      })
      .catch((error: unknown) => {
        logger.warn('knowledge index could not be loaded or rebuilt', { error: error instanceof Error ? error.message : String(error) });
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
      const entry = articles.entries[id];
      const article = entry ? articles.read(id) : undefined;
      if (!article) return undefined;
      return { ...article, kind: info?.kind ?? 'playbook', kindOrigin: info?.kindOrigin ?? 'default', language: info?.language ?? entry?.language ?? 'en' };
    },
    async markKind(articleId, scope, kind) {
      await load();
      if (!articles.entries[articleId]) return undefined;
      const decided = await indexer.markKind(articleId, scope, kind);
      const info = memory.current.catalog.articles.get(articleId);
      return { articleId, kind: info?.kind ?? kind, kindOrigin: info?.kindOrigin ?? 'marked', articles: decided.length };
    },
    async stats() {
      return { articles: articles.size, chunks: await table.countRows(), embeddingModel: metadata.embeddingModel };
    },
    async prewarm() {
      await load();
      // Read here rather than on the first search with a word the index does not know.
      const lexiconError = englishLexiconError();
      if (lexiconError) logger.warn('English synonym lexicon unavailable: searching without its synonyms', { error: lexiconError });
      await search('order refund shipping', { limit: 1 });
    },
    loadedFrom: () => loadedFrom,
    async close() {
      await loaded;
      await indexer.idle();
      await snapshot.flush();
      table.close();
      ownDatabase?.close();
    },
  };
}
