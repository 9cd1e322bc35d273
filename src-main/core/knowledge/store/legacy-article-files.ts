import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeArticle } from '../types';
import type { ArticleStore } from './article-store';
import type { ArticleEntry } from './metadata';

const fileOf = (dir: string, id: string): string => join(dir, `${createHash('sha1').update(id).digest('hex')}.json`);

function readArticle(file: string): KnowledgeArticle | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as KnowledgeArticle;
  } catch {
    return undefined;
  }
}

/**
 * Before migration 007 each article was a JSON file named by its id's SHA-1, listed in index.json. They
 * are imported into the store once: committed first, then `afterCommit` rewrites index.json without the
 * list, then the folder goes. A crash in between imports them again, which changes nothing.
 * Returns how many articles were imported.
 */
export function importLegacyArticleFiles(dir: string, entries: Record<string, ArticleEntry> | undefined, store: ArticleStore, afterCommit: () => void): number {
  if (!entries) return 0;
  let imported = 0;
  if (existsSync(dir)) {
    for (const [id, entry] of Object.entries(entries)) {
      const article = readArticle(fileOf(dir, id));
      // A listed article whose file is lost is not imported: its chunks are skipped and its source brings it back.
      if (!article || article.id !== id) continue;
      store.put(article, entry);
      imported += 1;
    }
    store.commit();
  }
  afterCommit();
  rmSync(dir, { recursive: true, force: true });
  return imported;
}
