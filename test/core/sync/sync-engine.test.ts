import fc from 'fast-check';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../src-main/core/crm/demo/index';
import { createHubSpotConnector, type CrmObjectType, type PulledPage } from '../../../src-main/core/crm/index';
import { EventBus } from '../../../src-main/core/events/event-bus';
import { openCacheDatabase } from '../../../src-main/core/storage/index';
import { createSyncEngine } from '../../../src-main/core/sync/index';
import { dumpCache } from '../../fixtures/cache-dump';

const dirs: string[] = [];
const tempDb = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'copilot-sync-'));
  dirs.push(dir);
  return join(dir, 'cache.db');
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('sync against the demo CRM over HTTP', () => {
  let crm: DemoCrm;
  beforeAll(async () => {
    // Searched right after each change: no index lag (the lag has its own tests).
    crm = await startDemoCrm({ seed: 7, contacts: 300, searchIndexLagMs: 0 });
  });
  afterAll(() => crm.close());

  it('lands every record, with the values the CRM holds and 64-bit ids intact', async () => {
    const db = openCacheDatabase(tempDb());
    const report = await createSyncEngine({ db, connector: createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'crm' }) }).syncAll();
    const server = crm.stats().counts;
    expect(report.counts).toEqual(server);
    expect(report.quarantined).toBe(0);
    const first = crm.state.generator.contact(0);
    const stored = db.customers.get(first.id);
    expect(first.id).toBe('9007199254740993');
    expect(stored).toMatchObject({ id: '9007199254740993', email: first.properties.email, firstName: first.properties.firstname, membership: first.properties.membership_level });
    const sample = crm.state.generator.contact(123);
    expect(db.customers.findByEmail(sample.properties.email ?? '')?.id).toBe(sample.id);
    const orders = db.orders.forContact(sample.id);
    expect(orders.length).toBeGreaterThan(0);
    for (const order of orders) {
      const response = await fetch(`${crm.url}/crm/v3/objects/orders/${order.id}?associations=line_items,contacts&properties=hs_total_price`, { headers: { Authorization: 'Bearer t' } });
      const held = (await response.json()) as { properties: Record<string, string>; associations?: { line_items?: { results: { id: string }[] } } };
      expect(order.total).toBeCloseTo(Number(held.properties.hs_total_price), 2);
      expect(order.lineItems.map((item) => item.id).sort()).toEqual((held.associations?.line_items?.results ?? []).map((item) => item.id).sort());
    }
    const crystal = db.customers.findByName('Crystal Minh')[0];
    expect(crystal?.email).toBe('cminh730@email.com');
    expect(db.customers.findByOrderId('3348917502')?.id).toBe(crystal?.id);
    db.close();
  });

  it('picks up only what changed on an incremental sync', async () => {
    const db = openCacheDatabase(tempDb());
    const engine = createSyncEngine({ db, connector: createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'crm' }) });
    const full = await engine.syncAll();
    const target = crm.state.generator.contact(42).id;
    crm.state.patch('contacts', target, { membership_level: 'gold' });
    const thread = crm.state.thread(5);
    crm.state.addMessage(5, 'Any news on my refund?', 'INCOMING');
    const report = await engine.syncAll();
    // The changes, plus what the minute of overlap reads again: a small fraction of the full sync.
    expect(report.records).toBeLessThan(full.records / 20);
    expect(db.customers.get(target)?.membership).toBe('gold');
    expect(db.conversations.messages(thread.id).at(-1)?.text).toBe('Any news on my refund?');
    db.close();
  });

  it('pushes a message of the open conversation live even when a sync stores it before the poll sees it', async () => {
    const db = openCacheDatabase(tempDb());
    const events = new EventBus();
    const live: { conversationId: string; text: string }[] = [];
    events.on('conversation.message', (event) => live.push({ conversationId: event.conversationId, text: event.message.text }));
    const engine = createSyncEngine({ db, events, connector: createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'crm' }) });
    await engine.syncAll();
    const open = crm.state.thread(8);
    const other = crm.state.thread(9);
    // The poll's next tick is an hour away, so only the sync can see what follows.
    // Stored by a sync after the UI drew the thread but before it began watching: the first tick repeats it.
    crm.state.addMessage(8, 'Are you there?', 'INCOMING');
    await engine.syncAll();
    expect(live).toEqual([]);
    const stop = engine.watchConversation(open.id, 3_600_000);
    await expect.poll(() => live.map((event) => event.text)).toContain('Are you there?');
    live.length = 0;
    crm.state.addMessage(8, 'Hello? Is anyone there?', 'INCOMING');
    crm.state.addMessage(9, 'A message in a conversation nobody has open', 'INCOMING');
    await engine.syncAll();
    stop();
    expect(live).toEqual([{ conversationId: open.id, text: 'Hello? Is anyone there?' }]);
    expect(db.conversations.messages(other.id).at(-1)?.text).toBe('A message in a conversation nobody has open');
    db.close();
  });

  it('leaves identical tables after replayed, duplicated and out-of-order pages', async () => {
    const connector = createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'replay' });
    const pages: { type: CrmObjectType; page: PulledPage<CrmObjectType> }[] = [];
    for (const type of ['contacts', 'orders', 'tickets', 'conversations'] as const) {
      for await (const page of connector.pullChanged(type, undefined)) pages.push({ type, page });
    }
    crm.state.patch('contacts', crm.state.generator.contact(7).id, { firstname: 'Renamed' });
    for await (const page of connector.pullChanged('contacts', { phase: 'incremental', cursor: JSON.stringify({ since: Date.now() - 5000, after: '', high: 0 }) })) pages.push({ type: 'contacts', page });
    const apply = (db: ReturnType<typeof openCacheDatabase>, list: typeof pages): void => {
      for (const { type, page } of list) db.transaction(() => {
        db.records.upsert(type, page.records);
        db.records.upsertMessages(page.messages);
      });
    };
    const inOrder = openCacheDatabase(tempDb());
    apply(inOrder, pages);
    const expected = dumpCache(inOrder);
    expect((expected.contacts as { first_name: string }[]).some((row) => row.first_name === 'Renamed')).toBe(true);
    fc.assert(
      fc.property(fc.shuffledSubarray(pages.map((_, index) => index), { minLength: pages.length, maxLength: pages.length }), fc.array(fc.nat(pages.length - 1), { maxLength: 10 }), (order, duplicates) => {
        const db = openCacheDatabase(':memory:');
        apply(db, [...order, ...duplicates].map((index) => pages[index] as (typeof pages)[number]));
        expect(dumpCache(db)).toEqual(expected);
        db.close();
      }),
      { numRuns: 15 },
    );
    inOrder.close();
  });
});

describe('sync under a rate limit and failures', () => {
  it('completes, never requests before Retry-After has passed, and stays within its retry budget', async () => {
    const crm = await startDemoCrm({ seed: 3, contacts: 60, rateLimitPerSecond: 15, failRate: 0.2 });
    const db = openCacheDatabase(tempDb());
    const budget = 400;
    const report = await createSyncEngine({
      db,
      connector: createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'crm', pageSize: 20, messageConcurrency: 4, retry: { budget, baseDelayMs: 20, maxDelayMs: 500, maxAttempts: 12 } }),
    }).syncAll();
    expect(report.counts).toEqual(crm.stats().counts);
    expect(report.retries).toBeGreaterThan(0);
    expect(report.retries).toBeLessThanOrEqual(budget);
    const log = (await (await fetch(`${crm.url}/__demo/requests`, { headers: { Authorization: 'Bearer t' } })).json()) as { at: number; status: number; path: string }[];
    const api = log.filter((entry) => !entry.path.startsWith('/__demo'));
    const limited = api.filter((entry) => entry.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    // Requests already in flight when the 429 was sent may land just after it; nothing new may follow within the second.
    for (const hit of limited) {
      const early = api.filter((entry) => entry.at > hit.at + 150 && entry.at < hit.at + 950);
      expect(early, `requests within Retry-After of the 429 at ${hit.at}`).toEqual([]);
    }
    db.close();
    await crm.close();
  }, 120_000);
});

describe('malformed CRM data', () => {
  it('quarantines fuzzed records with their reason, keeps syncing and never pollutes prototypes', async () => {
    const good = { id: '100', properties: { email: 'ok@example.com', firstname: 'Ok' }, updatedAt: '2025-01-01T00:00:00.000Z' };
    const junk = fc.oneof(
      fc.anything({ withObjectString: true, withNullPrototype: true }),
      fc.record({ id: fc.oneof(fc.integer(), fc.string(), fc.constant(null)), properties: fc.anything(), updatedAt: fc.oneof(fc.string(), fc.integer()) }),
      fc.record({ id: fc.stringMatching(/^\d{1,5}$/), properties: fc.record({ email: fc.oneof(fc.integer(), fc.string({ minLength: 400, maxLength: 500 }), fc.constant(null)) }), updatedAt: fc.constant('2025-01-01T00:00:00Z') }),
      fc.constant({ id: '7', properties: { lifetime_value: { nested: { deeper: [1, [2, [3]]] } } }, updatedAt: '2025-01-01T00:00:00Z' }),
      fc.constant({ id: '8', properties: { preferences: '{"__proto__":{"polluted":true}}' }, updatedAt: '2025-01-01T00:00:00Z' }),
      fc.constant({ id: '9', properties: { firstname: 'x'.repeat(2_000_000) }, updatedAt: '2025-01-01T00:00:00Z' }),
    );
    const batches = fc.sample(fc.array(junk, { minLength: 1, maxLength: 30 }), 8);
    for (const batch of batches) {
      const body = `{"results":[${[...batch.map((item) => JSON.stringify(item) ?? 'null'), JSON.stringify(good), '{"id":"5","__proto__":{"polluted":true},"properties":{},"updatedAt":"2025-01-01T00:00:00Z"}'].join(',')}]}`;
      const server = createServer((request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(request.url?.startsWith('/crm/v3/objects/contacts') ? body : '{"results":[]}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const db = openCacheDatabase(':memory:');
      const report = await createSyncEngine({
        db,
        connector: createHubSpotConnector({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 't', source: 'fuzz' }),
      }).syncAll();
      expect(db.customers.get('100')?.email).toBe('ok@example.com');
      // Every record sent is either stored or quarantined; repeated ids collapse into one row, so rows are not the measure.
      expect(report.records + report.quarantined).toBe(batch.length + 2);
      expect(report.counts.contacts).toBeGreaterThanOrEqual(1);
      expect(db.syncState.quarantineCount()).toBe(report.quarantined);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      db.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 60_000);
});
