import type { ArticleRepository, StoredArticle, StoredArticleEntry } from '../../storage/index';
import { chunkArticle, type Chunk } from '../chunking';
import { LruCache } from '../search/lru-cache';
import type { KnowledgeArticle } from '../types';
import type { ArticleEntry } from './metadata';

export type ArticleRows = Pick<ArticleRepository, 'entries' | 'get' | 'apply'>;

/** What the article says of itself comes from the article: an entry written by an older version may lack it. */
function toRow(article: KnowledgeArticle, entry: ArticleEntry): StoredArticle {
  const { declaredKind: _kind, topic: _topic, subflows: _subflows, ...derived } = entry;
  return {
    id: article.id,
    ...derived,
    title: article.title,
    url: article.url ?? '',
    tags: article.tags ?? [],
    ...(article.kind ? { declaredKind: article.kind } : {}),
    ...(article.topic ? { topic: article.topic } : {}),
    ...(article.subflows ? { subflows: article.subflows } : {}),
    body: article.body,
    ...(article.language ? { declaredLanguage: article.language } : {}),
    ...(article.pages ? { pages: article.pages } : {}),
    ...(article.updatedAt ? { updatedAt: article.updatedAt } : {}),
  };
}

/** The article as the index received it: the same fields, so its hash is the same. */
function toArticle(row: StoredArticle): KnowledgeArticle {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    source: row.source,
    tags: row.tags,
    ...(row.url ? { url: row.url } : {}),
    ...(row.updatedAt ? { updatedAt: row.updatedAt } : {}),
    ...(row.pages ? { pages: row.pages } : {}),
    ...(row.declaredKind ? { kind: row.declaredKind } : {}),
    ...(row.declaredLanguage ? { language: row.declaredLanguage } : {}),
    ...(row.topic ? { topic: row.topic } : {}),
    ...(row.subflows ? { subflows: row.subflows } : {}),
  };
}

/**
 * The indexed articles, kept in the store's articles table: every entry in memory (filters and labels
 * need them on each search), the text read by id when a hit shows it. Changes are staged and committed
 * in one transaction after LanceDB took the chunks, so the store never names chunks the table lacks.
 * Recently chunked articles are kept: a search shows a handful, and the next search often the same.
 */
export class ArticleStore {
  /** Without a prototype: 100k ids go in at open, and no id can name an inherited property. */
  readonly entries: Record<string, ArticleEntry> = Object.create(null) as Record<string, ArticleEntry>;
  private readonly written = new Map<string, KnowledgeArticle>();
  private readonly updated = new Set<string>();
  private readonly removed = new Set<string>();
  private readonly chunked = new LruCache<string, Chunk[]>(64);

  constructor(private readonly rows: ArticleRows) {
    // The row is the entry (its id too, unused): no copy of 100k objects.
    for (const row of rows.entries()) this.entries[row.id] = row;
  }

  get size(): number {
    return Object.keys(this.entries).length;
  }

  read(id: string): KnowledgeArticle | undefined {
    if (this.removed.has(id)) return undefined;
    const staged = this.written.get(id);
    if (staged) return staged;
    const row = this.rows.get(id);
    return row ? toArticle(row) : undefined;
  }

  /** Stages an article with its entry. */
  put(article: KnowledgeArticle, entry: ArticleEntry): void {
    this.chunked.delete(article.id);
    this.entries[article.id] = entry;
    this.written.set(article.id, article);
    this.updated.delete(article.id);
    this.removed.delete(article.id);
  }

  /** Stages a new entry for an article whose text is unchanged. */
  setEntry(id: string, entry: ArticleEntry): void {
    this.entries[id] = entry;
    if (!this.written.has(id)) this.updated.add(id);
  }

  remove(id: string): void {
    this.chunked.delete(id);
    delete this.entries[id];
    this.written.delete(id);
    this.updated.delete(id);
    this.removed.add(id);
  }

  /** Writes what was staged, in one transaction. */
  commit(): void {
    if (this.written.size === 0 && this.updated.size === 0 && this.removed.size === 0) return;
    const write: StoredArticle[] = [];
    for (const [id, article] of this.written) {
      const entry = this.entries[id];
      if (entry) write.push(toRow(article, entry));
    }
    const updateEntries: StoredArticleEntry[] = [];
    for (const id of this.updated) {
      const entry = this.entries[id];
      if (entry) updateEntries.push({ id, ...entry });
    }
    this.rows.apply({ write, updateEntries, remove: [...this.removed] });
    this.written.clear();
    this.updated.clear();
    this.removed.clear();
  }

  /** The chunk with this id, as the chunker made it from the stored article. */
  chunk(articleId: string, chunkId: string): Chunk | undefined {
    let chunks = this.chunked.get(articleId);
    if (!chunks) {
      const article = this.read(articleId);
      if (!article) return undefined;
      chunks = chunkArticle(article);
      this.chunked.set(articleId, chunks);
    }
    return chunks.find((chunk) => chunk.id === chunkId);
  }
}
