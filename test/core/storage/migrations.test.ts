import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { inspectCache, migrate, migrations, openCacheDatabase } from '../../../src-main/core/storage/index';

describe('cache migrations', () => {
  it('creates the current schema with WAL, foreign keys, a busy timeout and full sync', () => {
    const cache = openCacheDatabase(':memory:');
    const settings = inspectCache(cache);
    expect(settings.setting('user_version')).toBe(migrations.at(-1)?.version);
    expect(settings.setting('foreign_keys')).toBe(1);
    expect(settings.setting('busy_timeout')).toBe(5000);
    expect(settings.setting('synchronous')).toBe(2);
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

  it('upgrades a version 1 cache to the current schema: synced rows stay, a sent reply keeps its CRM id', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations.slice(0, 1))).toBe(1);
    db.prepare("INSERT INTO conversations (id, channel, status, updated_at) VALUES ('9007199254740993123', 'chat', 'open', '2025-01-01')").run();
    db.prepare("INSERT INTO messages (id, conversation_id, direction, text, created_at) VALUES ('m1', '9007199254740993123', 'incoming', 'hi', '2025-01-01')").run();
    expect(migrate(db)).toBe(migrations.at(-1)?.version);
    expect(db.prepare('SELECT id, text, crm_id FROM messages').all()).toEqual([{ id: 'm1', text: 'hi', crm_id: null }]);
    db.prepare("UPDATE messages SET crm_id = '77' WHERE id = 'm1'").run();
    expect(() => db.prepare("INSERT INTO messages (id, conversation_id, direction, text, created_at, crm_id) VALUES ('m2', 'x', 'outgoing', 'x', 'x', '77')").run()).toThrow(/UNIQUE/);
  });

  it('007 upgrades a version 4 cache: the unused articles table gives way to the knowledge articles, other rows stay', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations.filter((migration) => migration.version <= 4))).toBe(4);
    db.prepare("INSERT INTO contacts (id, email, updated_at) VALUES ('c1', 'a@b.c', '2025-01-01')").run();
    expect(migrate(db)).toBe(migrations.at(-1)?.version);
    const columns = (db.prepare('PRAGMA table_info(articles)').all() as { name: string }[]).map((column) => column.name);
    expect(columns).toEqual(expect.arrayContaining(['id', 'source', 'hash', 'chunks', 'title', 'body', 'language', 'declared_kind', 'pages']));
    expect(db.prepare('SELECT id FROM contacts').all()).toEqual([{ id: 'c1' }]);
  });

  it.each(migrations.slice(1).map((migration, index) => [migration.version, migration.name, index + 1] as const))(
    'migration %i (%s) upgrades a cache at the version before it, keeping its rows',
    (version, _name, position) => {
      const db = new Database(':memory:');
      const previous = migrations[position - 1]?.version ?? 0;
      expect(migrate(db, migrations.slice(0, position))).toBe(previous);
      db.prepare("INSERT INTO contacts (id, email, updated_at) VALUES ('c1', 'a@b.c', '2025-01-01')").run();
      db.prepare("INSERT INTO conversations (id, channel, status, updated_at) VALUES ('t1', 'chat', 'open', '2025-01-01')").run();
      const before = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((table) => table.name);
      expect(migrate(db, migrations.slice(0, position + 1))).toBe(version);
      const after = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((table) => table.name);
      expect(db.prepare('SELECT id, email FROM contacts').all()).toEqual([{ id: 'c1', email: 'a@b.c' }]);
      expect(db.prepare('SELECT id FROM conversations').all()).toEqual([{ id: 't1' }]);
      // A migration only ever adds to what the app keeps: the tables before it are still there (007 replaces the unused articles table).
      expect(before.filter((table) => !after.includes(table))).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    },
  );

  it('rolls a failing migration back whole', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const broken = { version: 99, name: 'broken', up: 'ALTER TABLE contacts ADD COLUMN x TEXT; SELECT * FROM no_such_table;' };
    expect(() => migrate(db, [...migrations, broken])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version);
    expect((db.prepare('PRAGMA table_info(contacts)').all() as { name: string }[]).map((column) => column.name)).not.toContain('x');
  });
});
