import Database from 'better-sqlite3';

/**
 * The connection the copilot's checkpointer writes through. SQLite is opened in storage/ only, so that the
 * native driver has one owner (and the copilot's bundle loads it through this module, not on its own).
 */
export function openCheckpointConnection(file: string): Database.Database {
  return new Database(file);
}
