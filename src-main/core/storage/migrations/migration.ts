import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up: string;
  /** Runs after `up`, in the same transaction: for data that SQL alone cannot reach (another file). */
  importData?(db: Database.Database): void;
}
