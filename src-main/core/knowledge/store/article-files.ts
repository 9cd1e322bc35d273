import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunkArticle, type Chunk } from '../chunking';
import type { KnowledgeArticle } from '../types';

/**
 * The indexed articles as written, one JSON file each: the text a hit shows and cites comes from
 * here, so the full-text index in memory holds no text. Recently chunked articles are kept, since a
 * search shows a handful of chunks and the agent's next search often shows the same ones.
 */
export class ArticleFiles {
  private readonly chunked = new Map<string, Chunk[]>();
  private readonly maxChunked = 64;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  read(id: string): KnowledgeArticle | undefined {
    const file = this.fileOf(id);
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as KnowledgeArticle;
    } catch {
      return undefined;
    }
  }

  write(article: KnowledgeArticle): void {
    this.chunked.delete(article.id);
    // Written whole and renamed (a temporary name of this process, so two processes never share one).
    // No fsync, and not write-file-atomic's (3x slower at 100k articles): an article lost in a crash
    // comes back from its source on the next re-index.
    const file = this.fileOf(article.id);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(article));
    renameSync(temporary, file);
  }

  remove(id: string): void {
    this.chunked.delete(id);
    rmSync(this.fileOf(id), { force: true });
  }

  /** The chunk with this id, as the chunker made it from the stored article. */
  chunk(articleId: string, chunkId: string): Chunk | undefined {
    let chunks = this.chunked.get(articleId);
    if (chunks) {
      this.chunked.delete(articleId);
    } else {
      const article = this.read(articleId);
      if (!article) return undefined;
      chunks = chunkArticle(article);
      if (this.chunked.size >= this.maxChunked) this.chunked.delete(this.chunked.keys().next().value ?? '');
    }
    this.chunked.set(articleId, chunks);
    return chunks.find((chunk) => chunk.id === chunkId);
  }

  private fileOf(id: string): string {
    return join(this.dir, `${createHash('sha1').update(id).digest('hex')}.json`);
  }
}
