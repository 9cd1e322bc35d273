import type Database from 'better-sqlite3';

/** What the knowledge index keeps of an article besides its text: enough to filter and label a hit. */
export interface StoredArticleEntry {
  id: string;
  source: string;
  hash: string;
  chunks: number;
  title: string;
  url: string;
  tags: string[];
  language: string;
  declaredKind?: 'help-centre' | 'playbook';
  topic?: string;
  subflows?: string[];
}

/** An article as the knowledge index received it, with its entry. */
export interface StoredArticle extends StoredArticleEntry {
  body: string;
  declaredLanguage?: string;
  pages?: string[];
  updatedAt?: string;
}

/** The knowledge index's articles: the copies hits are shown and cited from, and what LanceDB is rebuilt from. */
export interface ArticleRepository {
  /** Every article's entry, without its text. */
  entries(): StoredArticleEntry[];
  get(id: string): StoredArticle | undefined;
  /** In one transaction: whole articles written, entries alone updated, articles removed. */
  apply(change: { write?: StoredArticle[]; updateEntries?: StoredArticleEntry[]; remove?: string[] }): void;
  count(): number;
}

interface EntryRow {
  id: string;
  source: string;
  hash: string;
  chunks: number;
  title: string;
  url: string;
  tags: string;
  language: string;
  declared_kind: string | null;
  topic: string | null;
  subflows: string | null;
}

interface ArticleRow extends EntryRow {
  body: string;
  declared_language: string | null;
  pages: string | null;
  updated_at: string | null;
}

function stringList(json: string | null): string[] | undefined {
  if (json === null) return undefined;
  // Most articles have no tags: 100k entries are read on every open of the knowledge index.
  if (json === '[]') return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : undefined;
  } catch {
    return undefined;
  }
}

function toEntry(row: EntryRow): StoredArticleEntry {
  const subflows = stringList(row.subflows);
  return {
    id: row.id,
    source: row.source,
    hash: row.hash,
    chunks: row.chunks,
    title: row.title,
    url: row.url,
    tags: stringList(row.tags) ?? [],
    language: row.language,
    ...(row.declared_kind === 'help-centre' || row.declared_kind === 'playbook' ? { declaredKind: row.declared_kind } : {}),
    ...(row.topic !== null ? { topic: row.topic } : {}),
    ...(subflows ? { subflows } : {}),
  };
}

function toArticle(row: ArticleRow): StoredArticle {
  const pages = stringList(row.pages);
  return {
    ...toEntry(row),
    body: row.body,
    ...(row.declared_language !== null ? { declaredLanguage: row.declared_language } : {}),
    ...(pages ? { pages } : {}),
    ...(row.updated_at !== null ? { updatedAt: row.updated_at } : {}),
  };
}

const entryColumns = 'id, source, hash, chunks, title, url, tags, language, declared_kind, topic, subflows';

function entryParams(entry: StoredArticleEntry): Record<string, string | number | null> {
  return {
    id: entry.id,
    source: entry.source,
    hash: entry.hash,
    chunks: entry.chunks,
    title: entry.title,
    url: entry.url,
    tags: JSON.stringify(entry.tags),
    language: entry.language,
    declared_kind: entry.declaredKind ?? null,
    topic: entry.topic ?? null,
    subflows: entry.subflows ? JSON.stringify(entry.subflows) : null,
  };
}

export function createArticleRepository(db: Database.Database): ArticleRepository {
  const entries = db.prepare<[], EntryRow>(`SELECT ${entryColumns} FROM articles`);
  const byId = db.prepare<[string], ArticleRow>(`SELECT ${entryColumns}, body, declared_language, pages, updated_at FROM articles WHERE id = ?`);
  const write = db.prepare(`
    INSERT OR REPLACE INTO articles (${entryColumns}, body, declared_language, pages, updated_at)
    VALUES (@id, @source, @hash, @chunks, @title, @url, @tags, @language, @declared_kind, @topic, @subflows, @body, @declared_language, @pages, @updated_at)`);
  const updateEntry = db.prepare(`
    UPDATE articles SET source = @source, hash = @hash, chunks = @chunks, title = @title, url = @url, tags = @tags,
      language = @language, declared_kind = @declared_kind, topic = @topic, subflows = @subflows
    WHERE id = @id`);
  const remove = db.prepare<[string]>('DELETE FROM articles WHERE id = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles');
  const apply = db.transaction((change: Parameters<ArticleRepository['apply']>[0]) => {
    for (const id of change.remove ?? []) remove.run(id);
    for (const article of change.write ?? []) {
      write.run({
        ...entryParams(article),
        body: article.body,
        declared_language: article.declaredLanguage ?? null,
        pages: article.pages ? JSON.stringify(article.pages) : null,
        updated_at: article.updatedAt ?? null,
      });
    }
    for (const entry of change.updateEntries ?? []) updateEntry.run(entryParams(entry));
  });
  return {
    entries: () => entries.all().map(toEntry),
    get: (id) => {
      const row = byId.get(id);
      return row ? toArticle(row) : undefined;
    },
    apply: (change) => apply(change),
    count: () => count.get()?.n ?? 0,
  };
}
