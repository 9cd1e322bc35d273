import type { CacheDatabase } from './database';
import { connectionOf } from './connection';

/** Read-only views of a cache for diagnostics and tests, so that none of them needs the connection itself. */
export interface CacheInspection {
  /** Every row of a table, ordered by the given columns. */
  rows(table: string, orderBy?: string[]): Record<string, unknown>[];
  count(table: string, options?: { distinct?: string }): number;
  /** A connection setting such as `user_version` or `synchronous`, as SQLite reports it. */
  setting(name: 'user_version' | 'foreign_keys' | 'busy_timeout' | 'synchronous' | 'journal_mode'): unknown;
}

const identifier = /^[a-z_][a-z0-9_]*$/i;

export function inspectCache(cache: CacheDatabase): CacheInspection {
  const { db } = connectionOf(cache);
  const known = (table: string): string => {
    const exists = identifier.test(table) && db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (!exists) throw new Error(`There is no table ${table.slice(0, 60)} in the cache.`);
    return table;
  };
  const column = (name: string): string => {
    if (!identifier.test(name)) throw new Error(`${name.slice(0, 60)} is not a column name.`);
    return name;
  };
  return {
    rows: (table, orderBy = ['rowid']) => db.prepare(`SELECT * FROM ${known(table)} ORDER BY ${orderBy.map(column).join(', ')}`).all() as Record<string, unknown>[],
    count: (table, options = {}) =>
      (db.prepare(`SELECT count(${options.distinct ? `DISTINCT ${column(options.distinct)}` : '*'}) AS n FROM ${known(table)}`).get() as { n: number }).n,
    setting: (name) => db.pragma(name, { simple: true }),
  };
}
