import type { KindMarks } from '../kinds/kind-marks';
import type { ArticleStore } from '../store/article-store';
import type { ChunkTable } from '../store/chunk-table';
import { currentSchema, type IndexMetadata } from '../store/metadata';
import { readFullTextSnapshot } from './full-text-snapshot';
import { loadInMemoryIndex, type InMemoryIndex } from './in-memory-index';
import type { Indexer } from './indexer';
import type { SnapshotKeeper } from './snapshot-keeper';

export interface LoaderParts {
  table: ChunkTable;
  articles: ArticleStore;
  metadata: IndexMetadata;
  marks: KindMarks;
  indexer: Indexer;
  memory: { current: InMemoryIndex };
  snapshot: SnapshotKeeper;
  snapshotFile: string;
}

export type LoadedFrom = 'snapshot' | 'table' | 'store' | 'empty';

/**
 * Fills the in-memory index once, before any write, by the cheapest way that is still right:
 * - the full-text snapshot, when it was written at the table's current version;
 * - the table's stored terms otherwise (then a snapshot is written for the next open);
 * - the store, when the table is lost or was written by an older version: LanceDB is rebuilt from it.
 */
export async function loadIndex(parts: LoaderParts): Promise<LoadedFrom> {
  const { table, articles, metadata, marks, memory } = parts;
  if (!(await table.hasCurrentSchema()) || metadata.schema !== currentSchema) {
    if (articles.size === 0) return 'empty';
    await parts.indexer.rebuildFromStored();
    return 'store';
  }
  const fromSnapshot = readFullTextSnapshot(parts.snapshotFile, await table.version(), articles.entries, marks);
  // A write that came first (an index run while this loaded) already filled memory: it wins.
  if (fromSnapshot) {
    if (memory.current.catalog.chunkCount === 0) memory.current = fromSnapshot;
    return 'snapshot';
  }
  const fresh = await loadInMemoryIndex(table, articles.entries, marks);
  if (memory.current.catalog.chunkCount === 0) memory.current = fresh;
  parts.snapshot.changed();
  return 'table';
}
