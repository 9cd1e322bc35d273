import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, migrations, openCacheDatabase } from '../../../src-main/core/storage/index';

const oneOutbox = migrations.findIndex((migration) => migration.version === 6);
/** Everything before 006: the version a user upgrades from. */
const previous = migrations.slice(0, oneOutbox);

/** mcp-outbox.db as the MCP client wrote it before 006 (its own CREATE TABLE, outside the migrations). */
function writeLegacyMcpOutbox(file: string): void {
  const legacy = new Database(file);
  legacy.pragma('journal_mode = WAL');
  legacy.exec(`CREATE TABLE IF NOT EXISTS mcp_outbox (
    idempotency_key TEXT PRIMARY KEY, tool TEXT NOT NULL, args TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0, result TEXT, error TEXT, created_at TEXT NOT NULL, next_attempt_at TEXT NOT NULL, delivered_at TEXT)`);
  const insert = legacy.prepare('INSERT INTO mcp_outbox VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  insert.run('copilot:c1:call-a', 'carrier__reschedule_delivery', '{"orderId":"1"}', 'pending', 2, null, 'carrier is not reachable', '2026-01-01T00:00:00Z', '2026-01-01T00:05:00Z', null);
  insert.run('copilot:c1:call-b', 'carrier__reschedule_delivery', '{"orderId":"2"}', 'delivered', 1, 'done', null, '2026-01-01T00:01:00Z', '2026-01-01T00:01:00Z', '2026-01-01T00:01:01Z');
  insert.run('copilot:c2:call-c', 'carrier__cancel', '{}', 'failed', 1, null, 'Too late to cancel.', '2026-01-01T00:02:00Z', '2026-01-01T00:02:00Z', null);
  insert.run('copilot:c3:call-d', 'carrier__cancel', '{}', 'dead', 8, null, 'timed out', '2026-01-01T00:03:00Z', '2026-01-01T00:03:00Z', null);
  legacy.close();
}

describe('migration 006: one outbox', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('upgrades a cache at the previous version: rows keep their state, replies get their thread\'s lane, a dead item gets a reason', () => {
    const db = new Database(':memory:');
    expect(migrate(db, previous)).toBe(previous.at(-1)?.version);
    const insert = db.prepare("INSERT INTO outbox (customer_id, kind, payload, idempotency_key, state, last_error, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, '2026-01-01', '2026-01-01')");
    insert.run('c1', 'send_reply', JSON.stringify({ conversationId: 't1', text: 'hi' }), 'reply-1', 'pending', null);
    insert.run('c1', 'update_ticket', JSON.stringify({ ticketId: '42', status: 'closed' }), 'update-1', 'pending', null);
    insert.run('c1', 'create_ticket', JSON.stringify({ subject: 's' }), 'create-1', 'dead', 'HTTP 400');
    insert.run('c1', 'send_reply', 'not json', 'broken', 'pending', null);
    expect(migrate(db)).toBe(migrations.at(-1)?.version);
    const rows = db.prepare('SELECT idempotency_key AS key, target, lane, state, dead_reason AS deadReason FROM outbox ORDER BY id').all();
    expect(rows).toEqual([
      { key: 'reply-1', target: 'crm', lane: 'thread:t1', state: 'pending', deadReason: null },
      { key: 'update-1', target: 'crm', lane: 'ticket:42', state: 'pending', deadReason: null },
      { key: 'create-1', target: 'crm', lane: null, state: 'dead', deadReason: 'HTTP 400' },
      { key: 'broken', target: 'crm', lane: null, state: 'pending', deadReason: null },
    ]);
    db.close();
  });

  it('imports an existing mcp-outbox.db once, next to cache.db: pending stays pending, a refusal is dead with the server\'s words', () => {
    dir = mkdtempSync(join(tmpdir(), 'one-outbox-'));
    const file = join(dir, 'cache.db');
    const before = new Database(file);
    migrate(before, previous);
    before.close();
    writeLegacyMcpOutbox(join(dir, 'mcp-outbox.db'));

    const cache = openCacheDatabase(file);
    const imported = cache.outbox.list({ targets: ['mcp'], states: ['pending', 'delivering', 'delivered', 'dead', 'discarded'] }).reverse();
    expect(imported.map(({ idempotencyKey, target, kind, tool, state, attempts, deadReason, result, payload }) => ({ idempotencyKey, target, kind, tool, state, attempts, deadReason, result, payload }))).toEqual([
      { idempotencyKey: 'copilot:c1:call-a', target: 'mcp', kind: 'mcp_tool', tool: 'carrier__reschedule_delivery', state: 'pending', attempts: 2, deadReason: null, result: null, payload: { orderId: '1' } },
      { idempotencyKey: 'copilot:c1:call-b', target: 'mcp', kind: 'mcp_tool', tool: 'carrier__reschedule_delivery', state: 'delivered', attempts: 1, deadReason: null, result: 'done', payload: { orderId: '2' } },
      { idempotencyKey: 'copilot:c2:call-c', target: 'mcp', kind: 'mcp_tool', tool: 'carrier__cancel', state: 'dead', attempts: 1, deadReason: 'The server refused it: Too late to cancel.', result: null, payload: {} },
      { idempotencyKey: 'copilot:c3:call-d', target: 'mcp', kind: 'mcp_tool', tool: 'carrier__cancel', state: 'dead', attempts: 8, deadReason: 'Gave up after 8 tries: timed out', result: null, payload: {} },
    ]);
    expect(cache.outbox.byKey('copilot:c1:call-a')?.nextAttemptAt).toBe('2026-01-01T00:05:00Z');
    // Once: a row the old file still holds is not imported again on the next start.
    const pending = cache.outbox.byKey('copilot:c1:call-a');
    cache.outbox.markDelivered(pending?.id ?? 0, 'sent');
    cache.close();
    const again = openCacheDatabase(file);
    expect(again.outbox.list({ targets: ['mcp'] })).toHaveLength(4);
    expect(again.outbox.byKey('copilot:c1:call-a')?.state).toBe('delivered');
    again.close();
  });

  it('opens a data folder without mcp-outbox.db, and rolls back whole when the old file cannot be read', () => {
    dir = mkdtempSync(join(tmpdir(), 'one-outbox-'));
    const fresh = openCacheDatabase(join(dir, 'cache.db'));
    expect(fresh.outbox.list({ targets: ['mcp'] })).toEqual([]);
    fresh.close();

    const broken = join(dir, 'broken');
    mkdirSync(broken);
    const before = new Database(join(broken, 'cache.db'));
    migrate(before, previous);
    before.close();
    writeFileSync(join(broken, 'mcp-outbox.db'), 'this is not a database, and the approved actions in it must not be dropped silently');
    expect(() => openCacheDatabase(join(broken, 'cache.db'))).toThrow(/not a database/);
    const after = new Database(join(broken, 'cache.db'));
    expect(after.pragma('user_version', { simple: true })).toBe(previous.at(-1)?.version);
    after.close();
  });
});
