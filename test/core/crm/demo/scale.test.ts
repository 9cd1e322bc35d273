import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../../src-main/core/crm/demo/index';
import { demoClient, type WireMessage, type WirePage, type WireRecord, type WireThread } from './client';

describe('demo CRM with a million contacts', () => {
  let crm: DemoCrm;
  let client: ReturnType<typeof demoClient>;
  let heapBefore: number;
  beforeAll(async () => {
    heapBefore = process.memoryUsage().heapUsed;
    crm = await startDemoCrm({ seed: 1, contacts: 1_000_000, searchIndexLagMs: 0, now: Date.UTC(2026, 0, 1) });
    client = demoClient(crm.url);
  });
  afterAll(async () => crm.close());

  it('reports proportionate counts', () => {
    const counts = crm.stats().counts;
    expect(counts.contacts).toBe(1_000_000);
    expect(counts.orders).toBe(2_000_000);
    expect(counts.line_items).toBe(4_000_000);
    expect(counts.tickets).toBe(500_000);
    expect(counts.conversations).toBe(1_000_000);
    expect(counts.messages).toBe(6_000_000);
  });

  it('serves the first page and the very last record of every type', async () => {
    const first = await client.get<WirePage>('/crm/v3/objects/contacts?limit=100');
    expect(first.body.results).toHaveLength(100);
    expect(first.body.paging?.next.after).toBe('100');
    for (const type of ['contacts', 'orders', 'line_items', 'tickets'] as const) {
      const count = crm.stats().counts[type];
      const last = await client.get<WirePage>(`/crm/v3/objects/${type}?limit=100&after=${count - 1}`);
      expect(last.body.results).toHaveLength(1);
      expect(last.body.paging).toBeUndefined();
      const record = last.body.results[0] as WireRecord;
      const read = await client.post<{ results: WireRecord[] }>(`/crm/v3/objects/${type}/batch/read`, { inputs: [{ id: record.id }] });
      expect(read.body.results[0]?.properties).toEqual(record.properties);
      const modified = type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
      const search = await client.post<WirePage>(`/crm/v3/objects/${type}/search`, {
        filterGroups: [{ filters: [{ propertyName: modified, operator: 'GTE', value: String(Date.parse(record.updatedAt)) }] }],
        sorts: [{ propertyName: modified, direction: 'ASCENDING' }],
        limit: 10,
      });
      // Generated record i was modified i + 1 seconds before the clock, so it and every lower index match; ABCD's order ids list last but are low indices.
      const index = (Date.UTC(2026, 0, 1) - Date.parse(record.updatedAt)) / 1000 - 1;
      expect(search.body.total).toBe(index + 1);
      expect(search.body.results[0]?.id).toBe(record.id);
    }
    expect((await client.get<WirePage>('/crm/v3/objects/contacts?limit=1&after=999999')).body.results[0]?.id).toBe('9007199255740992');
  });

  it('serves the last conversation and finds a change among a million threads', async () => {
    const last = await client.get<WirePage<WireThread>>('/conversations/v3/conversations/threads?limit=10&after=999999');
    const thread = last.body.results[0] as WireThread;
    expect(thread.id).toBe('8000999999');
    const messages = await client.get<WirePage<WireMessage>>(`/conversations/v3/conversations/threads/${thread.id}/messages`);
    expect(messages.body.results.length).toBeGreaterThanOrEqual(4);
    const before = new Date().toISOString();
    await client.post('/__demo/customer-message', { threadId: '8000500000', text: 'Still waiting on my order' });
    const changed = await client.get<WirePage<WireThread>>(`/conversations/v3/conversations/threads?latestMessageTimestampAfter=${encodeURIComponent(before)}`);
    expect(changed.body.results.map((item) => item.id)).toEqual(['8000500000']);
  });

  it('touches 0.1% of contacts and an incremental search returns exactly those', async () => {
    const before = Date.now();
    const touched = await client.post<{ touched: number }>('/__demo/touch', { type: 'contacts', fraction: 0.001 });
    expect(touched.body.touched).toBe(1000);
    const page = await client.post<WirePage>('/crm/v3/objects/contacts/search', {
      filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(before) }] }],
      limit: 200,
    });
    expect(page.body.total).toBe(1000);
    expect(page.body.results).toHaveLength(200);
  });

  it('lists deletions among a million contacts in one dense page', async () => {
    const ids = ['9007199254900000', '9007199255700000'];
    expect((await client.post<{ archived: number }>('/__demo/archive', { type: 'contacts', ids })).body.archived).toBe(2);
    const archived = await client.get<WirePage>('/crm/v3/objects/contacts?archived=true&limit=100');
    expect(archived.body.results.map((record) => record.id)).toEqual(ids);
    expect(archived.body.paging).toBeUndefined();
  });

  it('keeps memory small: records are generated, not stored', () => {
    // A million materialised contacts alone would take several hundred megabytes.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(150 * 1024 * 1024);
  });
});
