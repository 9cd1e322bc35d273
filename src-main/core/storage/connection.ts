import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * One SQLite connection to the cache file, set up as every connection to it must be: WAL so readers never wait
 * for the writer, a busy timeout for the moment two connections (the checkpoints', a worker thread's) write at once.
 * `durable` picks the fsync policy: FULL where an approval or the outbox commits, NORMAL for what can be made again.
 */
export function openConnection(file: string, durable: boolean): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durable ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A multi-row upsert keeps a statement journal (the pages it changed, to undo it alone on a conflict); past
  // 64 KiB SQLite spills it to a temporary file, which a sync's page of contacts or messages always passed:
  // half of a first sync's writes went there (129,556 of 221,335 pwrites for the 126,667 messages of a
  // 20k-contact portal). In memory, it is freed when the statement ends; the few sorts and temporary tables
  // of the cache's queries stay in memory too.
  db.pragma('temp_store = MEMORY');
  return db;
}

interface Owned {
  db: Database.Database;
  file: string;
  /** Connections opened beside the main one (the checkpoint saver's), closed with it. */
  companions: Database.Database[];
}

const owned = new WeakMap<object, Owned>();

/** For storage/ only: how modules here (the checkpoint saver, inspection) reach the connection a CacheDatabase owns. */
export function registerConnection(owner: object, db: Database.Database, file: string): void {
  owned.set(owner, { db, file, companions: [] });
}

export function connectionOf(owner: object): Owned {
  const entry = owned.get(owner);
  if (!entry) throw new Error('This cache database was not opened by openCacheDatabase.');
  return entry;
}

export function closeConnections(owner: object): void {
  const entry = owned.get(owner);
  if (!entry) return;
  for (const companion of entry.companions) if (companion.open) companion.close();
  entry.db.close();
  owned.delete(owner);
}
