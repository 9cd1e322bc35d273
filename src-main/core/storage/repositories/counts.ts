import type Database from 'better-sqlite3';

export const countedTables = ['contacts', 'orders', 'line_items', 'tickets', 'conversations', 'messages'] as const;
export type TableCounts = Record<(typeof countedTables)[number], number>;

/** How many CRM records the cache holds, per table: a sync's report and the status bar show these. */
export function createTableCounter(db: Database.Database): () => TableCounts {
  const statements = countedTables.map((table) => [table, db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`)] as const);
  return () => Object.fromEntries(statements.map(([table, statement]) => [table, statement.get()?.n ?? 0])) as TableCounts;
}
