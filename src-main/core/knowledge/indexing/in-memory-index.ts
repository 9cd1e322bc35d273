import { Bm25Index } from '../search/bm25-index';
import { ChunkCatalog, type ArticleInfo } from '../search/chunk-catalog';
import type { KindMarks } from '../kinds/kind-marks';
import type { ArticleEntry } from '../store/metadata';
import type { ChunkTable } from '../store/chunk-table';

/** The full-text index and the chunk catalog it scores, replaced together on a rebuild. */
export interface InMemoryIndex {
  catalog: ChunkCatalog;
  fullText: Bm25Index;
}

export function emptyInMemoryIndex(): InMemoryIndex {
  return { catalog: new ChunkCatalog(), fullText: new Bm25Index() };
}

export function articleInfo(id: string, entry: ArticleEntry, marks: KindMarks): ArticleInfo {
  const { kind, origin } = marks.resolve(id, entry.source, entry.declaredKind);
  return {
    id,
    title: entry.title,
    url: entry.url,
    tags: entry.tags,
    source: entry.source,
    language: entry.language,
    kind,
    kindOrigin: origin,
    ...(entry.topic ? { topic: entry.topic } : {}),
    ...(entry.subflows ? { subflows: entry.subflows } : {}),
  };
}

export function addChunk(index: InMemoryIndex, article: ArticleInfo, chunk: { id: string; section: string; page: number }, terms: string[]): void {
  const slot = index.catalog.add({ id: chunk.id, article, section: chunk.section, page: chunk.page });
  index.fullText.add(slot, terms);
}

export function removeArticleChunks(index: InMemoryIndex, articleId: string): void {
  for (const { slot } of index.catalog.removeArticle(articleId)) index.fullText.remove(slot);
}

/** Rebuilds the in-memory index from the table's stored terms: the table is the index on disk. */
export async function loadInMemoryIndex(table: ChunkTable, articles: Record<string, ArticleEntry>, marks: KindMarks): Promise<InMemoryIndex> {
  const index = emptyInMemoryIndex();
  const infos = new Map<string, ArticleInfo>();
  for await (const batch of table.scan()) {
    for (const row of batch) {
      let info = infos.get(row.article_id);
      if (!info) {
        const entry = articles[row.article_id];
        // A row without metadata belongs to an article whose removal was cut short: not searchable.
        if (!entry) continue;
        info = articleInfo(row.article_id, entry, marks);
        infos.set(row.article_id, info);
      }
      addChunk(index, info, { id: row.id, section: row.section, page: row.page }, row.terms ? row.terms.split(' ') : []);
    }
    // Loading 100k chunks takes a while: searches and IPC get the thread between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return index;
}
