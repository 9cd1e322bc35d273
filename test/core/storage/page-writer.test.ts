import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CrmLineItem, CrmMessage } from '../../../src-main/core/crm/records';
import { createSyncPageWriter, openCacheDatabase, type SyncedPage } from '../../../src-main/core/storage/index';
import { writerHeapLimits, WriterOutOfMemoryError } from '../../../src-main/core/storage/worker/page-writer';
import { dumpCache } from '../../fixtures/cache-dump';

const dir = mkdtempSync(join(tmpdir(), 'copilot-page-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const message = (id: string, conversationId: string, text: string, extra: Partial<CrmMessage> = {}): CrmMessage => ({
  id,
  conversationId,
  direction: 'incoming',
  sender: 'Ana',
  text,
  createdAt: `2026-01-01T00:00:${id.padStart(2, '0').slice(-2)}.000Z`,
  ...extra,
});
const item = (id: number, updatedAt: string, name = `item ${id}`): CrmLineItem => ({ id: String(5_000_000_000 + id), orderId: '3200000000', name, sku: null, quantity: 1, price: 9.5, updatedAt });
const cursor = (after: number): SyncedPage['nextCursor'] => ({ phase: 'initial', cursor: JSON.stringify({ after: String(after) }) });

describe('the sync page writer thread', () => {
  it('commits pages and their cursors from its own thread, in order, and names the new messages', async () => {
    const file = join(dir, 'thread.db');
    const db = openCacheDatabase(file);
    const writer = createSyncPageWriter(db);
    // 150 line items: more than the largest multi-row chunk; an older copy of one later in the same page loses.
    const items = Array.from({ length: 150 }, (_, index) => item(index, '2026-01-02T00:00:00.000Z'));
    items.push(item(3, '2026-01-01T00:00:00.000Z', 'older copy'));
    await writer.write('crm', 'line_items', { records: items, messages: [], rejected: [], nextCursor: cursor(150) });
    expect(writer.where()).toBe('thread');
    const messages = [message('1', 't1', 'hello'), message('2', 't1', 'order 42?'), message('2', 't1', 'order 42?'), message('3', 't1', 'a note', { kind: 'note' })];
    const conversation = { id: 't1', contactId: null, channel: 'chat' as const, status: 'open' as const, subject: null, createdAt: null, lastMessageAt: null, updatedAt: '2026-01-01T00:00:00.000Z' };
    const written = await writer.write('crm', 'conversations', { records: [conversation], messages, rejected: [{ recordId: 'x', reason: 'bad', raw: { id: 'x' } }], nextCursor: cursor(1) }, ['t1']);
    // The duplicate is not new twice, and the note is not a customer message.
    expect(written.live.map((stored) => stored.id)).toEqual(['1', '2']);
    expect(written).toMatchObject({ fresh: 2, records: 1, messages: 4, rejected: 1 });
    expect(await writer.write('crm', 'conversations', { records: [], messages, rejected: [], nextCursor: cursor(2) }, ['t1'])).toMatchObject({ fresh: 0, live: [] });
    await writer.release();

    // The main thread's own connection sees what the thread committed.
    expect(db.syncState.cursor('crm', 'line_items')).toEqual(cursor(150));
    expect(db.syncState.cursor('crm', 'conversations')).toEqual(cursor(2));
    expect(db.syncState.quarantineCount()).toBe(1);
    const dump = dumpCache(db);
    expect(dump.line_items).toHaveLength(150);
    expect((dump.line_items as { id: string; name: string }[]).find((row) => row.id === '5000000003')?.name).toBe('item 3');
    expect(db.conversations.messages('t1').map((stored) => stored.text)).toEqual(['hello', 'order 42?']);
    db.close();
  });

  it('rejects a page the cache cannot store and commits nothing of it, cursor included', async () => {
    const db = openCacheDatabase(join(dir, 'failing.db'));
    const writer = createSyncPageWriter(db);
    await writer.write('crm', 'line_items', { records: [item(1, '2026-01-02T00:00:00.000Z')], messages: [], rejected: [], nextCursor: cursor(1) });
    // A line item without a name breaks the table's NOT NULL rule.
    const broken = { ...item(2, '2026-01-02T00:00:00.000Z'), name: null } as unknown as CrmLineItem;
    await expect(writer.write('crm', 'line_items', { records: [item(3, '2026-01-02T00:00:00.000Z'), broken], messages: [], rejected: [], nextCursor: cursor(3) })).rejects.toThrow(
      /could not store a synced page/,
    );
    await writer.release();
    expect(db.syncState.cursor('crm', 'line_items')).toEqual(cursor(1));
    expect((dumpCache(db).line_items as { id: string }[]).map((row) => row.id)).toEqual(['5000000001']);
    db.close();
  });

  it('starts its thread with a small heap: a page\'s garbage is collected before it takes tens of MB', async () => {
    const db = openCacheDatabase(join(dir, 'limits.db'));
    const writer = createSyncPageWriter(db, { entry: { url: new URL('./fixtures/limits-thread.mjs', import.meta.url), execArgv: [] } });
    const { fresh: youngGenerationMb } = await writer.write('crm', 'line_items', { records: [], messages: [], rejected: [], nextCursor: cursor(1) });
    await writer.release();
    db.close();
    expect(youngGenerationMb).toBe(writerHeapLimits.maxYoungGenerationSizeMb);
    // V8's default on 64-bit is 48 MB (three 16 MB semi-spaces).
    expect(youngGenerationMb).toBeGreaterThan(0);
    expect(youngGenerationMb).toBeLessThanOrEqual(16);
  });

  it('says so when its thread runs out of memory, commits nothing of those pages, and writes the next ones on the main thread', async () => {
    const db = openCacheDatabase(join(dir, 'hungry.db'));
    const writer = createSyncPageWriter(db, { entry: { url: new URL('./fixtures/hungry-thread.mjs', import.meta.url), execArgv: [] }, heapLimits: { maxOldGenerationSizeMb: 24 } });
    await expect(writer.write('crm', 'line_items', { records: [item(1, '2026-01-02T00:00:00.000Z')], messages: [], rejected: [], nextCursor: cursor(1) })).rejects.toBeInstanceOf(WriterOutOfMemoryError);
    expect(db.syncState.cursor('crm', 'line_items')).toBeUndefined();
    await writer.write('crm', 'line_items', { records: [item(1, '2026-01-02T00:00:00.000Z')], messages: [], rejected: [], nextCursor: cursor(1) });
    expect(writer.where()).toBe('main');
    await writer.release();
    expect(db.syncState.cursor('crm', 'line_items')).toEqual(cursor(1));
    db.close();
  });

  it('loses a whole batch with a thread that ran out of memory mid-transaction, and leaves the cache writable', async () => {
    const db = openCacheDatabase(join(dir, 'mid-transaction.db'));
    const writer = createSyncPageWriter(db, { heapLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 48 } });
    // Three million objects: far more than 48 MB once parsed, decoded inside the transaction after the first page's rows.
    const body = new TextEncoder().encode(`{"results":[${'{"a":1},'.repeat(3_000_000)}1]}`);
    const huge: SyncedPage<'line_items'> = { records: [], messages: [], rejected: [], nextCursor: cursor(2), encoded: [{ format: 'hubspot-list', type: 'line_items', body, after: undefined }] };
    const first: SyncedPage<'line_items'> = { records: [item(1, '2026-01-02T00:00:00.000Z')], messages: [], rejected: [], nextCursor: cursor(1) };
    await expect(writer.writeAll('crm', 'line_items', [first, huge])).rejects.toBeInstanceOf(WriterOutOfMemoryError);
    expect(db.syncState.cursor('crm', 'line_items')).toBeUndefined();
    expect(dumpCache(db).line_items).toHaveLength(0);
    await writer.write('crm', 'line_items', first);
    expect(writer.where()).toBe('main');
    expect(db.syncState.cursor('crm', 'line_items')).toEqual(cursor(1));
    await writer.release();
    db.close();
  });

  it('writes on the main thread for an in-memory cache, which a second connection cannot open', async () => {
    const db = openCacheDatabase(':memory:');
    const writer = createSyncPageWriter(db);
    await writer.write('crm', 'line_items', { records: [item(1, '2026-01-02T00:00:00.000Z')], messages: [], rejected: [], nextCursor: cursor(1) });
    expect(writer.where()).toBe('main');
    expect(db.syncState.cursor('crm', 'line_items')).toEqual(cursor(1));
    db.close();
  });
});
