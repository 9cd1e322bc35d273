import type { Migration } from './migration';

/**
 * The knowledge index's article copies and their metadata, instead of one JSON file per article and
 * a metadata file listing them all. The `articles` table of 001 never had a writer (its repository was
 * unused), so it is replaced rather than altered. Chunks, vectors and the full-text index stay in
 * LanceDB, which is rebuilt from these rows when it is lost or its format changes.
 */
export const knowledgeArticles: Migration = {
  version: 7,
  name: 'knowledge articles in the store',
  up: `
    DROP TABLE IF EXISTS articles;
    CREATE TABLE articles (
      id TEXT PRIMARY KEY,
      source TEXT NOT NULL,
      -- Of what is indexed and shown: an article whose hash is unchanged is not re-indexed.
      hash TEXT NOT NULL,
      chunks INTEGER NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      url TEXT NOT NULL DEFAULT '',
      tags TEXT NOT NULL DEFAULT '[]',
      -- Detected when the source declared none; declared_language keeps what the source said.
      language TEXT NOT NULL,
      declared_language TEXT,
      declared_kind TEXT,
      topic TEXT,
      subflows TEXT,
      pages TEXT,
      updated_at TEXT
    );
    CREATE INDEX articles_source ON articles(source);
  `,
};
