import type Database from 'better-sqlite3';

/**
 * Row counts a multi-row statement is prepared for. A batch of n rows runs as a few statements of these
 * sizes (64 + 32 + 4 for 100 rows), so no more than seven are ever prepared per table, whatever the pages hold.
 */
const chunkSizes = [64, 32, 16, 8, 4, 2, 1] as const;

export interface MultiRowStatement {
  /** Runs every row; returns the rows a RETURNING clause gave back (empty without one). */
  run(rows: readonly (readonly unknown[])[]): unknown[];
}

/**
 * One INSERT for many rows instead of one per row: SQLite parses, plans and steps it once per chunk.
 * `sql` receives the VALUES list (`(?,?),(?,?)`) for a chunk; the statement for each chunk size is prepared
 * on first use and kept.
 */
export function multiRowStatement(db: Database.Database, columns: number, sql: (values: string) => string, returning = false): MultiRowStatement {
  const tuple = `(${new Array<string>(columns).fill('?').join(',')})`;
  const prepared = new Map<number, Database.Statement<unknown[]>>();
  const statement = (rows: number): Database.Statement<unknown[]> => {
    let found = prepared.get(rows);
    if (!found) {
      found = db.prepare<unknown[]>(sql(new Array<string>(rows).fill(tuple).join(',')));
      prepared.set(rows, found);
    }
    return found;
  };
  return {
    run(rows) {
      const returned: unknown[] = [];
      let start = 0;
      for (const size of chunkSizes) {
        while (rows.length - start >= size) {
          const values: unknown[] = [];
          for (let index = start; index < start + size; index += 1) for (const value of rows[index] as readonly unknown[]) values.push(value);
          if (returning) for (const row of statement(size).all(values)) returned.push(row);
          else statement(size).run(values);
          start += size;
        }
      }
      return returned;
    },
  };
}
