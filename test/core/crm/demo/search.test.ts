import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../../src-main/core/crm/demo/index';
import { compareIds, demoClient, pageAll, type WirePage, type WireRecord } from './client';

/** Contacts keep their modification time in lastmodifieddate; every other object in hs_lastmodifieddate. */
const modified = (type: string): string => (type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate');

const sinceFor = (type: string, value: number | string, operator: 'GT' | 'GTE' = 'GTE') => ({
  filterGroups: [{ filters: [{ propertyName: modified(type), operator, value: String(value) }] }],
  sorts: [{ propertyName: modified(type), direction: 'ASCENDING' }],
});

const ascending = (records: WireRecord[]): boolean =>
  records.every((record, i) => {
    const previous = records[i - 1];
    if (!previous) return true;
    const time = Date.parse(record.updatedAt) - Date.parse(previous.updatedAt);
    return time > 0 || (time === 0 && compareIds(previous.id, record.id) < 0);
  });

describe('demo CRM search by the last-modified property', () => {
  let crm: DemoCrm;
  let client: ReturnType<typeof demoClient>;
  beforeAll(async () => {
    crm = await startDemoCrm({ seed: 9, contacts: 120, searchIndexLagMs: 0 });
    client = demoClient(crm.url);
  });
  afterAll(async () => crm.close());

  const searchAll = (type: string, body: object, limit = 50) =>
    pageAll<WireRecord>((after) => client.post(`/crm/v3/objects/${type}/search`, { ...body, limit, ...(after ? { after } : {}) }));
  const since = (value: number | string, operator: 'GT' | 'GTE' = 'GTE') => sinceFor('tickets', value, operator);

  it('returns every record once, oldest change first, with the total', async () => {
    const first = await client.post<WirePage>('/crm/v3/objects/orders/search', { ...sinceFor('orders', 0), limit: 200 });
    expect(first.body.total).toBe(crm.stats().counts.orders);
    // HubSpot's search answers without associations.
    expect(first.body.results.every((record) => record.associations === undefined)).toBe(true);
    const { items } = await searchAll('orders', sinceFor('orders', 0), 70);
    expect(items).toHaveLength(crm.stats().counts.orders);
    expect(new Set(items.map((record) => record.id)).size).toBe(items.length);
    expect(ascending(items)).toBe(true);
    // Contacts have no hs_lastmodifieddate: filtering on it is a 400, as HubSpot answers.
    const wrong = await client.post('/crm/v3/objects/contacts/search', sinceFor('orders', 0));
    expect(wrong.status).toBe(400);
  });

  it('starts at the threshold: GTE includes it, GT does not', async () => {
    const { items } = await searchAll('contacts', sinceFor('contacts', 0), 200);
    const pivot = items[40] as WireRecord;
    const at = Date.parse(pivot.updatedAt);
    const gte = await searchAll('contacts', sinceFor('contacts', at, 'GTE'));
    const gt = await searchAll('contacts', sinceFor('contacts', at, 'GT'));
    expect(gte.items[0]?.id).toBe(pivot.id);
    expect(gte.items.map((record) => record.id)).toEqual(items.slice(40).map((record) => record.id));
    expect(gt.items.map((record) => record.id)).toEqual(items.slice(41).map((record) => record.id));
    const iso = await client.post<WirePage>('/crm/v3/objects/contacts/search', { ...sinceFor('contacts', new Date(at).toISOString()), limit: 1 });
    expect(iso.body.results[0]?.id).toBe(pivot.id);
    // Re-anchoring on the last record seen: (modified > T) OR (modified = T AND hs_object_id > id), in one query.
    const anchored = await searchAll('contacts', {
      filterGroups: [
        { filters: [{ propertyName: 'lastmodifieddate', operator: 'GT', value: String(at) }] },
        { filters: [{ propertyName: 'lastmodifieddate', operator: 'EQ', value: String(at) }, { propertyName: 'hs_object_id', operator: 'GT', value: pivot.id }] },
      ],
      sorts: ['lastmodifieddate', 'hs_object_id'],
    }, 30);
    expect(anchored.items.map((record) => record.id)).toEqual(items.slice(41).map((record) => record.id));
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
    expect(changed.items.slice(0, 2).map((record) => record.id).sort(compareIds)).toEqual([chosen[0] ?? '', chosen[1] ?? ''].sort(compareIds));
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
    const listed = await pageAll<WireRecord>((after) => client.get(`/crm/v3/objects/tickets?limit=100&properties=hs_pipeline_stage${after ? `&after=${after}` : ''}`));
    expect(listed.items.find((record) => record.id === chosen[2])?.properties.hs_pipeline_stage).toBe('4');
  });

  it('touches a fraction of a type spread over all of it', async () => {
    const before = Date.now();
    const touched = await client.post<{ touched: number }>('/__demo/touch', { type: 'line_items', fraction: 0.1 });
    expect(touched.body.touched).toBe(Math.ceil(crm.stats().counts.line_items / 10));
    const changed = await searchAll('line_items', sinceFor('line_items', before), 100);
    expect(changed.items).toHaveLength(touched.body.touched);
  });

  it('refuses searches it cannot answer faithfully', async () => {
    const bad = [
      { filterGroups: [{ filters: [{ propertyName: 'no_such_property', operator: 'EQ', value: 'x' }] }] },
      { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: 'x' }] }] },
      { ...sinceFor('contacts', 0), sorts: [{ propertyName: 'lastmodifieddate', direction: 'DESCENDING' }] },
      { ...sinceFor('contacts', 0), sorts: ['email'] },
      { filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: 'yesterday' }] }] },
      { ...sinceFor('contacts', 0), after: 'x' },
      { query: 'smith' },
    ];
    for (const body of bad) {
      const answer = await client.post('/crm/v3/objects/contacts/search', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    }
    // Other properties and operators filter as HubSpot's do.
    const { items } = await searchAll('contacts', { filterGroups: [{ filters: [{ propertyName: 'membership_level', operator: 'EQ', value: 'gold' }] }], properties: ['membership_level'] }, 100);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((record) => record.properties.membership_level === 'gold')).toBe(true);
  });
});

describe('demo CRM search limits: the result cap, index lag and deletions', () => {
  it('answers 400 past the result cap (10,000 on HubSpot, 25 here), so a backlog must be re-anchored, not paged', async () => {
    const crm = await startDemoCrm({ seed: 3, contacts: 40, searchResultCap: 25, searchIndexLagMs: 0 });
    try {
      const client = demoClient(crm.url);
      const body = sinceFor('contacts', 0);
      const first = await client.post<WirePage>('/crm/v3/objects/contacts/search', { ...body, limit: 20 });
      expect(first.body.total).toBe(40);
      const second = await client.post<WirePage>('/crm/v3/objects/contacts/search', { ...body, limit: 20, after: first.body.paging?.next.after });
      expect(second.body.results).toHaveLength(5);
      expect(second.body.paging?.next.after).toBe('25');
      const past = await client.post<{ category: string }>('/crm/v3/objects/contacts/search', { ...body, limit: 20, after: '25' });
      expect(past.status).toBe(400);
      expect(past.body.category).toBe('VALIDATION_ERROR');
      // Starting again from the last record seen reaches the rest.
      const last = second.body.results.at(-1) as WireRecord;
      const rest = await client.post<WirePage>('/crm/v3/objects/contacts/search', { ...sinceFor('contacts', Date.parse(last.updatedAt), 'GT'), limit: 20 });
      expect(rest.body.results).toHaveLength(15);
    } finally {
      await crm.close();
    }
  });

  it('finds a change only after the index lag, while reads see it at once', async () => {
    const crm = await startDemoCrm({ seed: 3, contacts: 10, searchIndexLagMs: 400 });
    try {
      const client = demoClient(crm.url);
      const before = Date.now();
      const ticket = (await client.get<WirePage>('/crm/v3/objects/tickets?limit=1')).body.results[0] as WireRecord;
      expect((await client.patch(`/crm/v3/objects/tickets/${ticket.id}`, { properties: { hs_ticket_priority: 'HIGH' } })).status).toBe(200);
      const soon = await client.post<WirePage>('/crm/v3/objects/tickets/search', sinceFor('tickets', before));
      expect(soon.body.results).toHaveLength(0);
      expect((await client.get<WireRecord>(`/crm/v3/objects/tickets/${ticket.id}?properties=hs_ticket_priority`)).body.properties.hs_ticket_priority).toBe('HIGH');
      await new Promise((resolve) => setTimeout(resolve, 450));
      const later = await client.post<WirePage>('/crm/v3/objects/tickets/search', sinceFor('tickets', before));
      expect(later.body.results.map((record) => record.id)).toEqual([ticket.id]);
    } finally {
      await crm.close();
    }
  });

  it('archives deleted records: gone from reads and search, listed with archived=true', async () => {
    const crm = await startDemoCrm({ seed: 3, contacts: 10, searchIndexLagMs: 0 });
    try {
      const client = demoClient(crm.url);
      const [one, two] = (await client.get<WirePage>('/crm/v3/objects/orders?limit=2')).body.results as [WireRecord, WireRecord];
      expect((await client.call('DELETE', `/crm/v3/objects/orders/${one.id}`)).status).toBe(204);
      expect((await client.post<{ archived: number }>('/__demo/archive', { type: 'orders', ids: [two.id] })).body.archived).toBe(1);
      expect((await client.get(`/crm/v3/objects/orders/${one.id}`)).status).toBe(404);
      const searched = await pageAll<WireRecord>((after) => client.post('/crm/v3/objects/orders/search', { ...sinceFor('orders', 0), limit: 100, ...(after ? { after } : {}) }));
      expect(searched.items.map((record) => record.id)).not.toContain(one.id);
      expect(searched.items).toHaveLength(18);
      const archived = await pageAll<WireRecord>((after) => client.get(`/crm/v3/objects/orders?archived=true&limit=100${after ? `&after=${after}` : ''}`));
      expect(archived.items.map((record) => record.id).sort()).toEqual([one.id, two.id].sort());
      expect(archived.items.every((record) => record.archived && typeof (record as WireRecord & { archivedAt?: string }).archivedAt === 'string')).toBe(true);
      expect(crm.stats().counts.orders).toBe(18);
    } finally {
      await crm.close();
    }
  });
});
