import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CrmConnector, PulledPage } from '../../../src-main/core/crm/connector';
import type { CrmLineItem, CrmObjectType } from '../../../src-main/core/crm/records';
import { createMainThreadPageWriter, openCacheDatabase, WriterOutOfMemoryError, type SyncPageWriter } from '../../../src-main/core/storage/index';
import { createSyncEngine, maxBatchPages } from '../../../src-main/core/sync/index';
import { dumpCache } from '../../fixtures/cache-dump';

const dir = mkdtempSync(join(tmpdir(), 'copilot-sync-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const item = (id: number, name: string | null = `item ${id}`): CrmLineItem =>
  ({ id: String(5_000_000_000 + id), orderId: null, name, sku: null, quantity: 1, price: 1, updatedAt: '2026-01-01T00:00:00.000Z' }) as CrmLineItem;

/** Line-item pages only; the page at `brokenAt` holds a record the cache refuses. Counts what was pulled and committed. */
function connector(pages: number, brokenAt: number): CrmConnector & { pulled: number; committed: number[] } {
  const state = { pulled: 0, committed: [] as number[] };
  return {
    source: 'stub',
    retries: 0,
    get pulled() {
      return state.pulled;
    },
    get committed() {
      return state.committed;
    },
    pullChanged: (async function* (type: CrmObjectType) {
      if (type !== 'line_items') return;
      for (let index = 1; index <= pages; index += 1) {
        state.pulled = index;
        const page: PulledPage<'line_items'> = {
          records: [item(index, index === brokenAt ? null : `item ${index}`)],
          messages: [],
          rejected: [],
          nextCursor: { phase: 'initial', cursor: String(index) },
          done: index === pages,
          committed: () => state.committed.push(index),
        };
        yield page;
      }
    }) as CrmConnector['pullChanged'],
    fetchConversation: () => Promise.resolve({ messages: [], rejected: [] }),
    pushAction: () => Promise.resolve(undefined),
  };
}

describe('pages written in the writer thread while the next is pulled', () => {
  it('commits every page in order and tells the connector only once each is committed', async () => {
    const db = openCacheDatabase(join(dir, 'ordered.db'));
    const crm = connector(5, 0);
    const report = await createSyncEngine({ db, connector: crm }).syncAll();
    expect(report.pages).toBe(5);
    expect(crm.committed).toEqual([1, 2, 3, 4, 5]);
    expect(db.syncState.cursor('stub', 'line_items')?.cursor).toBe('5');
    db.close();
  });

  it('stops at a page the cache refuses: its cursor and every later page stay unwritten', async () => {
    const db = openCacheDatabase(join(dir, 'broken.db'));
    const crm = connector(40, 3);
    await expect(createSyncEngine({ db, connector: crm }).syncAll()).rejects.toThrow(/could not store a synced page/);
    expect(crm.committed).toEqual([1, 2]);
    // The page before the refused one committed even if they were batched together. At most one batch more was
    // pulled while the refused page's batch was written (memory stays bounded), and none of it was committed.
    expect(crm.pulled).toBeLessThanOrEqual(3 + 2 * maxBatchPages);
    expect(db.syncState.cursor('stub', 'line_items')?.cursor).toBe('2');
    expect((dumpCache(db).line_items as { id: string }[]).map((row) => row.id)).toEqual(['5000000001', '5000000002']);
    db.close();
  });

  it('reads again, from the committed cursor, the pages lost with a writer that ran out of memory, and skips none', async () => {
    const db = openCacheDatabase(join(dir, 'out-of-memory.db'));
    const pulledFrom: (string | undefined)[] = [];
    const crm: CrmConnector = {
      ...connector(0, 0),
      // Resumes after the committed cursor, as the real connectors do.
      pullChanged: (async function* (type: CrmObjectType, from?: { cursor?: string }) {
        if (type !== 'line_items') return;
        pulledFrom.push(from?.cursor);
        for (let index = Number(from?.cursor ?? 0) + 1; index <= 6; index += 1) {
          yield { records: [item(index)], messages: [], rejected: [], nextCursor: { phase: 'initial', cursor: String(index) }, done: index === 6 } satisfies PulledPage<'line_items'>;
        }
      }) as CrmConnector['pullChanged'],
    };
    const inMain = createMainThreadPageWriter(db);
    let calls = 0;
    // The second hand-over dies with its thread: nothing of it is committed.
    const pageWriter: SyncPageWriter = {
      ...inMain,
      writeAll: (source, type, pages, watch) => ((calls += 1) === 2 ? Promise.reject(new WriterOutOfMemoryError('out of memory')) : inMain.writeAll(source, type, pages, watch)),
    };
    const report = await createSyncEngine({ db, connector: crm, pageWriter }).syncAll();
    expect(pulledFrom).toEqual([undefined, '1']);
    expect(report.pages).toBe(6);
    expect((dumpCache(db).line_items as { id: string }[]).map((row) => Number(row.id) - 5_000_000_000)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(db.syncState.cursor('stub', 'line_items')?.cursor).toBe('6');
    db.close();
  });
});
