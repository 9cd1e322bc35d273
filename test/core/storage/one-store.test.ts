import { emptyCheckpoint, uuid6, type Checkpoint } from '@langchain/langgraph-checkpoint';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importLegacyCheckpoints, openCheckpointSaver } from '../../../src-main/core/storage/checkpoints/index';
import { migrate, migrations, openCacheDatabase, recordApproval, type ApprovalRecord } from '../../../src-main/core/storage/index';

const dir = mkdtempSync(join(tmpdir(), 'one-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const approval = (proposalId: string, overrides: Partial<ApprovalRecord> = {}): ApprovalRecord => ({
  conversationId: 'c1',
  proposalId,
  action: 'approve',
  status: 'executed',
  proposal: { id: proposalId, tool: 'create_ticket', status: 'executed', args: { subject: 'Late parcel' } },
  decidedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});
const ticket = (key: string) => ({ customerId: '1', kind: 'create_ticket' as const, payload: { subject: 'Late parcel' }, idempotencyKey: key });

/** A checkpoint as LangGraph writes one, with a value in a channel. */
function checkpointWith(text: string): Checkpoint {
  return { ...emptyCheckpoint(), id: uuid6(-1), channel_values: { incoming: text }, channel_versions: { incoming: 1 } };
}

describe('the cache is the one owner of SQLite', () => {
  it('hands no connection out: nothing it exposes is a better-sqlite3 handle', () => {
    const cache = openCacheDatabase(':memory:');
    const exposed = Object.entries(cache).flatMap(([name, value]) => [[name, value], ...(value && typeof value === 'object' ? Object.entries(value as object).map(([inner, v]) => [`${name}.${inner}`, v]) : [])]);
    expect(exposed.filter(([, value]) => value instanceof Database).map(([name]) => name)).toEqual([]);
    expect('db' in cache).toBe(false);
    cache.close();
  });

  it('answers the sync report counts and the replay lookup through repositories', () => {
    const cache = openCacheDatabase(':memory:');
    cache.records.upsert('conversations', [{ id: 't1', contactId: null, channel: 'chat', status: 'open', subject: null, createdAt: '2026-01-01', lastMessageAt: '2026-01-01', updatedAt: '2026-01-01' }]);
    cache.records.upsertMessages([{ id: 'm1', conversationId: 't1', direction: 'incoming', sender: 'Ann', text: 'Where is my parcel?', createdAt: '2026-01-01' }]);
    expect(cache.counts()).toEqual({ contacts: 0, orders: 0, line_items: 0, tickets: 0, conversations: 1, messages: 1 });
    expect(cache.conversations.withIncomingText('Where is my parcel?')).toBe('t1');
    expect(cache.conversations.withIncomingText('where is my parcel')).toBeUndefined();
    expect(cache.integrityCheck()).toBe('ok');
    cache.close();
  });
});

describe('migration 005: checkpoints and approvals in the cache', () => {
  it('upgrades a version 4 cache file, keeps its rows, and adds the tables with SqliteSaver’s columns', () => {
    const file = join(dir, 'v4.db');
    const old = new Database(file);
    expect(migrate(old, migrations.filter((migration) => migration.version <= 4))).toBe(4);
    old.prepare("INSERT INTO outbox (customer_id, kind, payload, idempotency_key, state, created_at, next_attempt_at) VALUES ('1', 'create_ticket', '{}', 'k-old', 'pending', 'x', 'x')").run();
    old.close();

    const cache = openCacheDatabase(file);
    expect(cache.outbox.byKey('k-old')).toMatchObject({ state: 'pending' });
    cache.close();
    const upgraded = new Database(file, { readonly: true });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version);
    // The stock saver's own schema, made in an empty file, is the one the migration wrote.
    const stock = SqliteSaver.fromConnString(join(dir, 'stock-schema.db'));
    (stock as unknown as { setup(): void }).setup();
    const columns = (db: Database.Database, table: string) => db.prepare(`PRAGMA table_info(${table})`).all();
    expect(columns(upgraded, 'checkpoints')).toEqual(columns(stock.db, 'checkpoints'));
    expect(columns(upgraded, 'writes')).toEqual(columns(stock.db, 'writes'));
    expect((columns(upgraded, 'approvals') as { name: string }[]).map((column) => column.name)).toEqual(['conversation_id', 'proposal_id', 'action', 'status', 'proposal', 'decided_at']);
    stock.db.close();
    upgraded.close();
  });
});

describe('an approval and its outbox rows', () => {
  it('commit together; the first decision stands and a repeat queues nothing', () => {
    const cache = openCacheDatabase(':memory:');
    expect(recordApproval(cache, approval('p1'), [ticket('copilot:c1:p1'), ticket('copilot:c1:p1:handoff')])).toBe(true);
    expect(cache.outbox.list().map((item) => item.idempotencyKey).sort()).toEqual(['copilot:c1:p1', 'copilot:c1:p1:handoff']);
    expect(recordApproval(cache, approval('p1', { action: 'reject', status: 'rejected' }), [ticket('copilot:c1:p1:again')])).toBe(false);
    expect(cache.outbox.byKey('copilot:c1:p1:again')).toBeUndefined();
    expect(cache.approvals.forConversation('c1')).toEqual([approval('p1')]);
    cache.close();
  });

  it('roll back together: an outbox write that fails leaves no approval', () => {
    const cache = openCacheDatabase(':memory:');
    const outbox = cache.outbox as { enqueue: (typeof cache.outbox)['enqueue'] };
    const enqueue = outbox.enqueue;
    outbox.enqueue = () => {
      throw new Error('disk full');
    };
    expect(() => recordApproval(cache, approval('p2'), [ticket('copilot:c1:p2')])).toThrow(/disk full/);
    outbox.enqueue = enqueue;
    expect(cache.approvals.forConversation('c1')).toEqual([]);
    // An invalid action is refused before anything is written.
    expect(() => recordApproval(cache, approval('p3'), [{ ...ticket(''), idempotencyKey: '' }])).toThrow(/idempotency key/);
    expect(cache.approvals.forConversation('c1')).toEqual([]);
    cache.close();
  });

  it('queue an approved MCP tool call in the same transaction, for the outbox’s mcp target', () => {
    const cache = openCacheDatabase(':memory:');
    const call = { idempotencyKey: 'copilot:c1:p4', tool: 'carrier__reschedule_delivery', args: { shipment: 'S1' } };
    expect(recordApproval(cache, approval('p4'), [], [call])).toBe(true);
    expect(cache.outbox.byKey('copilot:c1:p4')).toMatchObject({ target: 'mcp', tool: 'carrier__reschedule_delivery', payload: { shipment: 'S1' }, state: 'pending' });
    // A second decision on the same proposal queues no second call.
    expect(recordApproval(cache, approval('p4'), [], [{ ...call, idempotencyKey: 'copilot:c1:p4:again' }])).toBe(false);
    expect(cache.outbox.byKey('copilot:c1:p4:again')).toBeUndefined();
    // And a failing write of the call leaves no decision behind.
    const outbox = cache.outbox as { enqueue: (typeof cache.outbox)['enqueue'] };
    const enqueue = outbox.enqueue;
    outbox.enqueue = () => {
      throw new Error('disk full');
    };
    expect(() => recordApproval(cache, approval('p5'), [], [{ ...call, idempotencyKey: 'copilot:c1:p5' }])).toThrow(/disk full/);
    outbox.enqueue = enqueue;
    expect(cache.approvals.forConversation('c1').map((record) => record.proposalId)).toEqual(['p4']);
    cache.close();
  });
});

describe('copilot-checkpoints.db of the previous version', () => {
  it('is imported once into the cache and kept as .migrated; the cache then reads the same tuples', async () => {
    const data = join(dir, 'legacy');
    const legacy = join(data, 'copilot-checkpoints.db');
    const cache = openCacheDatabase(join(data, 'cache.db'));
    // The previous version wrote this file with SqliteSaver's tables (its own saver kept that format byte for byte).
    const previous = SqliteSaver.fromConnString(legacy);
    const thread = { configurable: { thread_id: 'conversation:7', checkpoint_ns: '' } };
    const first = await previous.put(thread, checkpointWith('Hi, my parcel is late'), { source: 'input', step: -1, parents: {} });
    const second = await previous.put(first, checkpointWith('Can you open a ticket?'), { source: 'loop', step: 0, parents: {} });
    await previous.putWrites(second, [['__interrupt__', [{ value: { pending: ['call_1'] } }]]], 'task-1');
    const expected = await previous.getTuple(thread);
    const expectedFirst = await previous.getTuple(first);
    previous.db.close();

    expect(importLegacyCheckpoints(cache, legacy)).toEqual({ checkpoints: 2, writes: 1, keptAs: `${legacy}.migrated` });
    expect(existsSync(legacy)).toBe(false);
    expect(existsSync(`${legacy}.migrated`)).toBe(true);
    const saver = openCheckpointSaver(cache);
    expect(await saver.getTuple(thread)).toEqual(expected);
    expect(await saver.getTuple(first)).toEqual(expectedFirst);
    // Once: there is nothing left to import, and the kept file still holds the rows.
    expect(importLegacyCheckpoints(cache, legacy)).toBeUndefined();
    const kept = new Database(`${legacy}.migrated`, { readonly: true });
    expect((kept.prepare('SELECT count(*) AS n FROM checkpoints').get() as { n: number }).n).toBe(2);
    kept.close();
    cache.close();
  });

  it('left unreadable stays where it is, and the error says so', () => {
    const data = join(dir, 'broken');
    const cache = openCacheDatabase(join(data, 'cache.db'));
    const legacy = join(data, 'copilot-checkpoints.db');
    writeFileSync(legacy, 'this is not a database, it is a note someone saved under the wrong name');
    expect(() => importLegacyCheckpoints(cache, legacy)).toThrow(/could not be moved into the cache.*kept as it is/);
    expect(existsSync(legacy)).toBe(true);
    cache.close();
  });
});
