import Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import type { CacheDatabase } from '../database';
import { connectionOf } from '../connection';

export interface LegacyImport {
  checkpoints: number;
  writes: number;
  /** Where the old file now is. */
  keptAs: string;
}

const checkpointColumns = 'thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, type, checkpoint, metadata';
const writeColumns = 'thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, type, value';

function keptName(file: string): string {
  const plain = `${file}.migrated`;
  return existsSync(plain) ? `${file}.${Date.now()}.migrated` : plain;
}

/**
 * Brings a copilot-checkpoints.db of an earlier version into the cache once: every checkpoint and pending write is
 * copied in one transaction, then the old file is renamed to `.migrated` and kept. A crash before the rename imports
 * again on the next start, which changes nothing (rows already there are kept). Returns undefined when there is no
 * such file. An unreadable file is left where it is, with an error that says so.
 */
export function importLegacyCheckpoints(cache: CacheDatabase, file: string): LegacyImport | undefined {
  if (!existsSync(file)) return undefined;
  const target = connectionOf(cache).db;
  let old: Database.Database | undefined;
  let counts: { checkpoints: number; writes: number };
  try {
    // Read-write, so that a WAL left by the old build is read and folded back when this connection closes.
    old = new Database(file, { fileMustExist: true });
    const tables = new Set((old.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
    const source = old;
    const insertCheckpoint = target.prepare(`INSERT OR IGNORE INTO checkpoints (${checkpointColumns}) VALUES (${checkpointColumns.split(', ').map(() => '?').join(', ')})`);
    const insertWrite = target.prepare(`INSERT OR IGNORE INTO writes (${writeColumns}) VALUES (${writeColumns.split(', ').map(() => '?').join(', ')})`);
    counts = target.transaction(() => {
      let checkpoints = 0;
      let writes = 0;
      if (tables.has('checkpoints')) {
        for (const row of source.prepare(`SELECT ${checkpointColumns} FROM checkpoints`).raw().iterate() as IterableIterator<unknown[]>) checkpoints += insertCheckpoint.run(...row).changes;
      }
      if (tables.has('writes')) {
        for (const row of source.prepare(`SELECT ${writeColumns} FROM writes`).raw().iterate() as IterableIterator<unknown[]>) writes += insertWrite.run(...row).changes;
      }
      return { checkpoints, writes };
    })();
  } catch (error) {
    throw new Error(
      `The copilot's earlier conversations (${file}) could not be moved into the cache: ${error instanceof Error ? error.message : String(error)}. The file is kept as it is; move it aside to start without them.`,
    );
  } finally {
    old?.close();
  }
  const keptAs = keptName(file);
  renameSync(file, keptAs);
  for (const suffix of ['-wal', '-shm']) if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${keptAs}${suffix}`);
  return { ...counts, keptAs };
}
