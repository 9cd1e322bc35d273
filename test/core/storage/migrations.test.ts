import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations, openCacheDatabase } from '../../../src-main/core/storage/index';

describe('cache migrations', () => {
  it('creates the current schema with WAL, foreign keys, a busy timeout and full sync', () => {
    const cache = openCacheDatabase(':memory:');
    expect(cache.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version);
    expect(cache.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(cache.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(cache.db.pragma('synchronous', { simple: true })).toBe(2);
    cache.close();
  });

  it('upgrades a database at the previous version and keeps its rows', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    db.prepare("INSERT INTO contacts (id, email, updated_at) VALUES ('18446744073709551615', 'a@b.c', '2025-01-01')").run();
    const next = { version: (migrations.at(-1)?.version ?? 0) + 1, name: 'add nickname', up: 'ALTER TABLE contacts ADD COLUMN nickname TEXT;' };
    expect(migrate(db, [...migrations, next])).toBe(next.version);
    expect(db.prepare('SELECT id, email, nickname FROM contacts').get()).toEqual({ id: '18446744073709551615', email: 'a@b.c', nickname: null });
    // Running again is a no-op.
    expect(migrate(db, [...migrations, next])).toBe(next.version);
  });

  it('rolls a failing migration back whole', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const broken = { version: 99, name: 'broken', up: 'ALTER TABLE contacts ADD COLUMN x TEXT; SELECT * FROM no_such_table;' };
    expect(() => migrate(db, [...migrations, broken])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version);
    expect((db.prepare('PRAGMA table_info(contacts)').all() as { name: string }[]).map((column) => column.name)).not.toContain('x');
  });
});
