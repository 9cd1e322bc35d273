import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../../src-main/core/crm/demo/index';
import { compareIds, demoClient, pageAll, type WirePage, type WireRecord } from './client';

const since = (value: number | string, operator: 'GT' | 'GTE' = 'GTE') => ({
  filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator, value: String(value) }] }],
  sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
});

const ascending = (records: WireRecord[]): boolean =>
  records.every((record, i) => {
    const previous = records[i - 1];
    if (!previous) return true;
    const time = Date.parse(record.properties.hs_lastmodifieddate ?? '') - Date.parse(previous.properties.hs_lastmodifieddate ?? '');
    return time > 0 || (time === 0 && compareIds(previous.id, record.id) < 0);
  });

describe('demo CRM search by hs_lastmodifieddate', () => {
  let crm: DemoCrm;
  let client: ReturnType<typeof demoClient>;
  beforeAll(async () => {
    crm = await startDemoCrm({ seed: 9, contacts: 120 });
    client = demoClient(crm.url);
  });
  afterAll(async () => crm.close());

  const searchAll = (type: string, body: object, limit = 50) =>
    pageAll<WireRecord>((after) => client.post(`/crm/v3/objects/${type}/search`, { ...body, limit, ...(after ? { after } : {}) }));

  it('returns every record once, oldest change first, with the total', async () => {
    const first = await client.post<WirePage>('/crm/v3/objects/orders/search', { ...since(0), limit: 200 });
    expect(first.body.total).toBe(crm.stats().counts.orders);
    const { items } = await searchAll('orders', since(0), 70);
    expect(items).toHaveLength(crm.stats().counts.orders);
    expect(new Set(items.map((record) => record.id)).size).toBe(items.length);
    expect(ascending(items)).toBe(true);
  });

  it('starts at the threshold: GTE includes it, GT does not', async () => {
    const { items } = await searchAll('contacts', since(0), 200);
    const pivot = items[40] as WireRecord;
    const at = Date.parse(pivot.updatedAt);
    const gte = await searchAll('contacts', since(at, 'GTE'));
    const gt = await searchAll('contacts', since(at, 'GT'));
    expect(gte.items[0]?.id).toBe(pivot.id);
    expect(gte.items.map((record) => record.id)).toEqual(items.slice(40).map((record) => record.id));
    expect(gt.items.map((record) => record.id)).toEqual(items.slice(41).map((record) => record.id));
    const iso = await client.post<WirePage>('/crm/v3/objects/contacts/search', { ...since(new Date(at).toISOString()), limit: 1 });
    expect(iso.body.results[0]?.id).toBe(pivot.id);
  });

  it('moves touched and patched records to the end, in the order they changed, and finds only them after the change', async () => {
    const before = Date.now();
    const { items: all } = await searchAll('tickets', since(0), 200);
    const chosen = [all[3], all[17], all[42]].map((record) => (record as WireRecord).id);
    expect((await client.post('/__demo/touch', { type: 'tickets', ids: [chosen[1], chosen[0]] })).body).toEqual({ touched: 2 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const patched = await client.patch<WireRecord>(`/crm/v3/objects/tickets/${chosen[2]}`, { properties: { hs_pipeline_stage: '4' } });
    expect(patched.status).toBe(200);
    expect(patched.body.properties.hs_pipeline_stage).toBe('4');

    const changed = await searchAll('tickets', since(before), 2);
    // The two touched in one call may share a millisecond (then id order decides); the patch came later.
    expect(changed.items.slice(0, 2).map((record) => record.id).sort(compareIds)).toEqual([chosen[0], chosen[1]]);
    expect(changed.items[2]?.id).toBe(chosen[2]);
    expect(ascending(changed.items)).toBe(true);
    for (const record of changed.items) expect(Date.parse(record.updatedAt)).toBeGreaterThanOrEqual(before);
    const total = await client.post<WirePage>('/crm/v3/objects/tickets/search', { ...since(before), limit: 1 });
    expect(total.body.total).toBe(3);

    const whole = await searchAll('tickets', since(0), 33);
    expect(whole.items).toHaveLength(all.length);
    expect(new Set(whole.items.map((record) => record.id)).size).toBe(all.length);
    expect(ascending(whole.items)).toBe(true);
    expect(whole.items.slice(-3).map((record) => record.id)).toEqual(changed.items.map((record) => record.id));
    // A list page shows the same change in place.
    const listed = await pageAll<WireRecord>((after) => client.get(`/crm/v3/objects/tickets?limit=100${after ? `&after=${after}` : ''}`));
    expect(listed.items.find((record) => record.id === chosen[2])?.properties.hs_pipeline_stage).toBe('4');
  });

  it('touches a fraction of a type spread over all of it', async () => {
    const before = Date.now();
    const touched = await client.post<{ touched: number }>('/__demo/touch', { type: 'line_items', fraction: 0.1 });
    expect(touched.body.touched).toBe(Math.ceil(crm.stats().counts.line_items / 10));
    const changed = await searchAll('line_items', since(before), 100);
    expect(changed.items).toHaveLength(touched.body.touched);
  });

  it('refuses searches it cannot answer faithfully', async () => {
    const bad = [
      { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'x' }] }] },
      { filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'LT', value: '1' }] }] },
      { ...since(0), sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'DESCENDING' }] },
      { filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: 'yesterday' }] }] },
      { ...since(0), after: 'x' },
    ];
    for (const body of bad) {
      const answer = await client.post('/crm/v3/objects/contacts/search', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    }
  });
});
