import type Database from 'better-sqlite3';

export interface StoredArticle {
  id: string;
  title: string;
  body: string;
  url: string | null;
  tags: string[];
  updatedAt: string;
}

/** Knowledge articles synced from the help centre; the knowledge index reads them from here. */
export interface ArticleRepository {
  list(options?: { updatedSince?: string; limit?: number }): StoredArticle[];
  get(id: string): StoredArticle | undefined;
  /** Newer versions replace older ones; an older copy never overwrites a newer one. Returns how many rows changed. */
  upsert(articles: StoredArticle[]): number;
  delete(id: string): boolean;
  count(): number;
}

interface ArticleRow extends Omit<StoredArticle, 'tags'> {
  tags: string;
}

function toArticle(row: ArticleRow): StoredArticle {
  let tags: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.tags);
    if (Array.isArray(parsed)) tags = parsed.filter((tag): tag is string => typeof tag === 'string');
  } catch {
    tags = [];
  }
  return { ...row, tags };
}

const columns = 'id, title, body, url, tags, updated_at AS updatedAt';

export function createArticleRepository(db: Database.Database): ArticleRepository {
  const list = db.prepare<[string, number], ArticleRow>(`SELECT ${columns} FROM articles WHERE updated_at > ? ORDER BY updated_at, id LIMIT ?`);
  const byId = db.prepare<[string], ArticleRow>(`SELECT ${columns} FROM articles WHERE id = ?`);
  const upsert = db.prepare<{ id: string; title: string; body: string; url: string | null; tags: string; updatedAt: string }>(`
    INSERT INTO articles (id, title, body, url, tags, updated_at) VALUES (@id, @title, @body, @url, @tags, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET title = excluded.title, body = excluded.body, url = excluded.url, tags = excluded.tags, updated_at = excluded.updated_at
    WHERE excluded.updated_at > articles.updated_at`);
  const remove = db.prepare<[string]>('DELETE FROM articles WHERE id = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles');
  return {
    list: ({ updatedSince = '', limit = 10_000 } = {}) => list.all(updatedSince, limit).map(toArticle),
    get: (id) => {
      const row = byId.get(id);
      return row ? toArticle(row) : undefined;
    },
    upsert: (articles) =>
      db.transaction(() => {
        let changed = 0;
        for (const article of articles) changed += upsert.run({ ...article, url: article.url ?? null, tags: JSON.stringify(article.tags) }).changes;
        return changed;
      })(),
    delete: (id) => remove.run(id).changes > 0,
    count: () => count.get()?.n ?? 0,
  };
}
