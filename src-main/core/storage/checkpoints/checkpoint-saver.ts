import type { CacheDatabase } from '../database';
import { connectionOf, openConnection } from '../connection';
import { TurnCheckpointer } from './turn-checkpointer';

const savers = new WeakMap<CacheDatabase, TurnCheckpointer>();

/**
 * The copilot's checkpoints, in the cache file (tables of migration 005), on a connection the cache owns and closes.
 * A file cache gives them a second connection so that they commit without the fsync the outbox's connection pays
 * (see TurnCheckpointer); an in-memory cache has one connection, so they share it. One saver per cache.
 */
export function openCheckpointSaver(cache: CacheDatabase): TurnCheckpointer {
  const existing = savers.get(cache);
  if (existing) return existing;
  const owner = connectionOf(cache);
  let db = owner.db;
  if (owner.file !== ':memory:') {
    db = openConnection(owner.file, false);
    owner.companions.push(db);
  }
  const saver = new TurnCheckpointer(db);
  savers.set(cache, saver);
  return saver;
}
