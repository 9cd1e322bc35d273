import { chunkArticle, type Chunk } from '../chunking';
import type { KindMarks } from '../kinds/kind-marks';
import type { EmbedderChoice } from '../semantic/embedder-choice';
import type { ArticleInfo } from '../search/chunk-catalog';
import type { Vocabulary } from '../search/vocabulary';
import type { ArticleStore } from '../store/article-store';
import type { ChunkRow, ChunkTable } from '../store/chunk-table';
import { currentSchema, writeMetadata, type ArticleEntry, type IndexMetadata } from '../store/metadata';
import { WriteQueue } from '../store/write-queue';
import { articleLanguage } from '../text/article-language';
import { fullTextTerms } from '../text/stemming';
import type { IndexResult, KnowledgeArticle, KnowledgeKind } from '../types';
import { articleHash } from './article-hash';
import { addChunk, articleInfo, emptyInMemoryIndex, removeArticleChunks, type InMemoryIndex } from './in-memory-index';

const optimizeAfterAppends = 20;

export interface IndexerParts {
  table: ChunkTable;
  articles: ArticleStore;
  vocabulary: Vocabulary;
  vocabularyFile: string;
  metadata: IndexMetadata;
  metadataFile: string;
  marks: KindMarks;
  embedders: EmbedderChoice;
  /** The in-memory index searches read; replaced whole on a rebuild. */
  memory: { current: InMemoryIndex };
  /** Told of each write to the table, so the full-text snapshot follows it. */
  snapshot: { changed(): void; discard(): void };
}

interface PreparedChunk {
  chunk: Chunk;
  info: ArticleInfo;
  terms: string[];
}

const vocabularyText = (article: KnowledgeArticle): string => `${article.title}\n${article.body}`;

function entryOf(article: KnowledgeArticle, source: string, chunks: number): ArticleEntry {
  return {
    hash: articleHash(article),
    source,
    chunks,
    title: article.title,
    url: article.url ?? '',
    tags: article.tags ?? [],
    language: articleLanguage(article),
    ...(article.kind ? { declaredKind: article.kind } : {}),
    ...(article.topic ? { topic: article.topic } : {}),
    ...(article.subflows ? { subflows: article.subflows } : {}),
  };
}

/** Every write to the index, one at a time: articles in and out, and the agent's kind marks. */
export class Indexer {
  private readonly queue = new WriteQueue();

  constructor(private readonly parts: IndexerParts) {}

  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Runs a task between writes, when the table and memory agree (a snapshot of them). */
  between<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task);
  }

  indexArticles(input: KnowledgeArticle[], source?: string): Promise<IndexResult> {
    return this.queue.run(() => this.apply(input, source));
  }

  removeArticle(id: string): Promise<boolean> {
    return this.queue.run(async () => {
      if (!this.parts.articles.entries[id]) return false;
      await this.parts.table.deleteArticles([id]);
      removeArticleChunks(this.parts.memory.current, id);
      this.forgetArticle(id);
      this.save();
      return true;
    });
  }

  /** Rebuilds the table and memory from the stored articles: an index written by an older version. */
  rebuildFromStored(): Promise<void> {
    return this.queue.run(async () => {
      const { articles } = this.parts;
      const all = Object.keys(articles.entries)
        .map((id) => articles.read(id))
        .filter((article): article is KnowledgeArticle => article !== undefined);
      for (const article of all) {
        const entry = articles.entries[article.id];
        if (entry) articles.setEntry(article.id, entryOf(article, entry.source, entry.chunks));
      }
      await this.rebuild(all);
      this.save();
    });
  }

  /** Marks one article, or its whole source, with a kind; returns the articles whose kind it now decides. */
  markKind(articleId: string, scope: 'article' | 'source', kind: KnowledgeKind): Promise<ArticleInfo[]> {
    return this.queue.run(async () => {
      const { marks, memory } = this.parts;
      const entries = this.parts.articles.entries;
      const entry = entries[articleId];
      if (!entry) return [];
      const ids = scope === 'article' ? [articleId] : Object.keys(entries).filter((id) => entries[id]?.source === entry.source);
      if (scope === 'article') await marks.markArticle(articleId, kind);
      else await marks.markSource(entry.source, kind, ids);
      const changed = new Map<KnowledgeKind, string[]>();
      const decided: ArticleInfo[] = [];
      for (const id of ids) {
        const info = memory.current.catalog.articles.get(id);
        const stored = entries[id];
        if (!info || !stored) continue;
        const resolved = marks.resolve(id, stored.source, stored.declaredKind);
        if (resolved.kind !== info.kind) changed.set(resolved.kind, [...(changed.get(resolved.kind) ?? []), id]);
        // Chunks share their article's info, and the catalog's filter masks follow: searches see the mark at once.
        memory.current.catalog.setKind(id, resolved.kind, resolved.origin);
        if (resolved.origin === 'marked' && resolved.kind === kind) decided.push(info);
      }
      for (const [newKind, changedIds] of changed) await this.parts.table.setKind(changedIds, newKind);
      if (changed.size > 0) this.parts.snapshot.changed();
      return decided;
    });
  }

  private async apply(input: KnowledgeArticle[], source: string | undefined): Promise<IndexResult> {
    const { metadata, embedders, table, articles, vocabulary } = this.parts;
    const result: IndexResult = { added: 0, updated: 0, unchanged: 0, removed: 0 };
    const sourceName = source ?? input[0]?.source ?? 'default';
    const incoming = new Map<string, KnowledgeArticle>();
    for (const article of input) incoming.set(article.id, { ...article, source: article.source ?? sourceName });
    const changed: KnowledgeArticle[] = [];
    for (const article of incoming.values()) {
      const existing = articles.entries[article.id];
      if (existing && existing.hash === articleHash(article) && existing.source === article.source) result.unchanged += 1;
      else {
        changed.push(article);
        if (existing) result.updated += 1;
        else result.added += 1;
      }
    }
    const removed = Object.entries(articles.entries)
      .filter(([id, entry]) => entry.source === sourceName && !incoming.has(id))
      .map(([id]) => id);
    result.removed = removed.length;
    const stale = metadata.schema !== currentSchema || (embedders.current?.id ?? '') !== metadata.embeddingModel || !table.exists;
    if (changed.length === 0 && removed.length === 0 && !stale) return result;

    for (const article of changed) {
      const previous = articles.entries[article.id] && articles.read(article.id);
      if (previous) vocabulary.removeText(vocabularyText(previous));
      vocabulary.addText(vocabularyText(article));
    }
    for (const id of removed) this.forgetArticle(id);
    const newChunks = changed.map((article) => ({ article, chunks: chunkArticle(article) }));
    for (const { article, chunks } of newChunks) articles.put(article, entryOf(article, article.source ?? sourceName, chunks.length));
    const totalChunks = Object.values(articles.entries).reduce((sum, entry) => sum + entry.chunks, 0);
    const needsRebuild = stale || !embedders.current || (!embedders.fixed && totalChunks >= 2 * Math.max(1, metadata.trainedOnChunks));
    if (needsRebuild) {
      const all = Object.keys(articles.entries)
        .map((id) => incoming.get(id) ?? articles.read(id))
        .filter((article): article is KnowledgeArticle => article !== undefined);
      await this.rebuild(all);
    } else {
      const ids = [...removed, ...changed.map((article) => article.id)];
      await table.deleteArticles(ids);
      const prepared = this.prepare(newChunks.flatMap(({ chunks }) => chunks));
      await table.add(await this.rows(prepared));
      const memory = this.parts.memory.current;
      for (const id of ids) removeArticleChunks(memory, id);
      for (const { chunk, info, terms } of prepared) addChunk(memory, info, chunk, terms);
      if (prepared.length > 0) metadata.appendsSinceOptimize += 1;
      if (metadata.appendsSinceOptimize >= optimizeAfterAppends) {
        await table.optimize(embedders.current?.dimensions ?? 0);
        metadata.appendsSinceOptimize = 0;
      }
    }
    this.save();
    return result;
  }

  /** Re-chunks and re-embeds everything: when the semantic model is (re)trained or the stored form changed. */
  private async rebuild(all: KnowledgeArticle[]): Promise<void> {
    const { metadata, embedders, table } = this.parts;
    const prepared = this.prepare(all.flatMap(chunkArticle));
    embedders.retrain(
      prepared.map((entry) => entry.chunk.text),
      prepared.map((entry) => entry.info.language),
    );
    const rows = await this.rows(prepared);
    // A new table starts again at version 1: a snapshot of the old one must not pass for it.
    this.parts.snapshot.discard();
    await table.replace(rows, embedders.current?.dimensions ?? 0);
    const memory = emptyInMemoryIndex();
    for (const { chunk, info, terms } of prepared) addChunk(memory, info, chunk, terms);
    this.parts.memory.current = memory;
    metadata.schema = currentSchema;
    metadata.trainedOnChunks = prepared.length;
    metadata.appendsSinceOptimize = 0;
    metadata.embeddingModel = embedders.current?.id ?? '';
  }

  private prepare(chunks: Chunk[]): PreparedChunk[] {
    const { articles, marks } = this.parts;
    const infos = new Map<string, ArticleInfo>();
    const prepared: PreparedChunk[] = [];
    for (const chunk of chunks) {
      let info = infos.get(chunk.articleId);
      const entry = articles.entries[chunk.articleId];
      if (!entry) continue;
      if (!info) infos.set(chunk.articleId, (info = articleInfo(chunk.articleId, entry, marks)));
      prepared.push({ chunk, info, terms: fullTextTerms(chunk.text, info.language) });
    }
    return prepared;
  }

  private async rows(prepared: PreparedChunk[]): Promise<ChunkRow[]> {
    if (prepared.length === 0) return [];
    const vectors = await this.parts.embedders.embedAll(
      prepared.map((entry) => entry.chunk.text),
      prepared.map((entry) => entry.info.language),
    );
    return prepared.map(({ chunk, info, terms }, at) => ({
      id: chunk.id,
      article_id: chunk.articleId,
      section: chunk.section,
      page: chunk.page,
      tags: `|${info.tags.join('|')}|`,
      kind: info.kind,
      language: info.language,
      terms: terms.join(' '),
      vector: Array.from(vectors[at] ?? []),
    }));
  }

  private forgetArticle(id: string): void {
    const previous = this.parts.articles.read(id);
    if (previous) this.parts.vocabulary.removeText(vocabularyText(previous));
    this.parts.articles.remove(id);
  }

  /** After the table took the chunks: the store's articles, then the index's own files. */
  private save(): void {
    this.parts.articles.commit();
    writeMetadata(this.parts.metadataFile, this.parts.metadata);
    this.parts.vocabulary.save(this.parts.vocabularyFile);
    this.parts.snapshot.changed();
  }
}
