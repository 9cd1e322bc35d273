import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../../src-main/core/crm/demo/index';
import { compareIds, demoClient, pageAll, type WirePage, type WireRecord } from './client';

const types = ['contacts', 'orders', 'line_items', 'tickets'] as const;

describe('demo CRM objects API over HTTP', () => {
  let crm: DemoCrm;
  let client: ReturnType<typeof demoClient>;
  beforeAll(async () => {
    crm = await startDemoCrm({ seed: 5, contacts: 151 });
    client = demoClient(crm.url);
  });
  afterAll(async () => crm.close());

  it('refuses requests without a bearer token, and other tokens when one is configured', async () => {
    const bare = await fetch(`${crm.url}/crm/v3/objects/contacts`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION', correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const locked = await startDemoCrm({ contacts: 3, token: 'secret' });
    try {
      expect((await demoClient(locked.url, 'other').get('/crm/v3/objects/contacts')).status).toBe(401);
      expect((await demoClient(locked.url, 'other').get('/__demo/stats')).status).toBe(401);
      expect((await demoClient(locked.url, 'secret').get('/crm/v3/objects/contacts')).status).toBe(200);
    } finally {
      await locked.close();
    }
  });

  it.each(types)('pages %s: every record exactly once, ascending id, matching the stats', async (type) => {
    const stats = crm.stats().counts;
    const { items, pages } = await pageAll<WireRecord>((after) => client.get(`/crm/v3/objects/${type}?limit=37${after ? `&after=${after}` : ''}`));
    expect(items.length).toBe(stats[type]);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(pages).toBe(Math.ceil(stats[type] / 37));
    for (let i = 1; i < items.length; i += 1) expect(compareIds(items[i - 1]?.id ?? '', items[i]?.id ?? '')).toBe(-1);
    for (const item of items) {
      expect(item.id).toMatch(/^\d+$/);
      expect(item.properties.hs_object_id).toBe(item.id);
      // Contacts keep their modification time in lastmodifieddate; every other object in hs_lastmodifieddate.
      expect(item.properties[type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate']).toBe(item.updatedAt);
      expect(item.properties[type === 'contacts' ? 'hs_lastmodifieddate' : 'lastmodifieddate']).toBeUndefined();
      expect(item.archived).toBe(false);
    }
  });

  it('caps list pages at 100 and omits paging on the last page', async () => {
    const first = await client.get<WirePage>('/crm/v3/objects/contacts?limit=500');
    expect(first.body.results).toHaveLength(100);
    const last = await client.get<WirePage>('/crm/v3/objects/contacts?limit=100&after=100');
    expect(last.body.results).toHaveLength(51);
    expect(last.body.paging).toBeUndefined();
    expect((await client.get('/crm/v3/objects/contacts?after=abc')).status).toBe(400);
  });

  it('returns only the asked-for properties and associations on lists', async () => {
    const plain = await client.get<WirePage>('/crm/v3/objects/orders?limit=3&properties=hs_total_price');
    expect(Object.keys(plain.body.results[0]?.properties ?? {}).sort()).toEqual(['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id', 'hs_total_price']);
    // Without `properties`, HubSpot's default set: the id and the create / modify times.
    const defaults = await client.get<WirePage>('/crm/v3/objects/orders?limit=1');
    expect(Object.keys(defaults.body.results[0]?.properties ?? {}).sort()).toEqual(['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id']);
    expect(plain.body.results[0]?.associations).toBeUndefined();
    const linked = await client.get<WirePage>('/crm/v3/objects/orders?limit=3&associations=contacts,line_items');
    const order = linked.body.results[0];
    expect(order?.associations?.contacts?.results[0]?.id).toMatch(/^\d+$/);
    expect(order?.associations?.line_items?.results.length).toBeGreaterThan(0);
  });

  it('keeps ids above 2^53 exact as strings, through list and batch read', async () => {
    const page = await client.get<WirePage>('/crm/v3/objects/contacts?limit=5');
    const ids = page.body.results.map((record) => record.id);
    for (const id of ids) {
      expect(BigInt(id) > 2n ** 53n).toBe(true);
      // The raw JSON carries the id as a string, never as a number that would be rounded.
      expect(page.text).toContain(`"id":"${id}"`);
    }
    // 2^53 + 1 and every other odd id here cannot survive a trip through a JS number.
    expect(ids.some((id) => String(Number(id)) !== id)).toBe(true);
    const read = await client.post<{ status: string; results: WireRecord[] }>('/crm/v3/objects/contacts/batch/read', { inputs: ids.map((id) => ({ id })), properties: ['email'] });
    expect(read.body.status).toBe('COMPLETE');
    expect(read.body.results.map((record) => record.id)).toEqual(ids);
    expect(read.body.results[0]?.properties.email).toMatch(/@/);
  });

  it('batch-reads up to 100 ids, reports missing ones and refuses more than 100', async () => {
    const { items } = await pageAll<WireRecord>((after) => client.get(`/crm/v3/objects/line_items?limit=100${after ? `&after=${after}` : ''}`));
    const ids = items.slice(200, 299).map((record) => record.id);
    const read = await client.post<{ results: WireRecord[]; numErrors?: number; errors?: { status: string; category: string; context: { ids: string[] } }[] }>('/crm/v3/objects/line_items/batch/read', {
      inputs: [...ids, '1'].map((id) => ({ id })),
    });
    // A partial batch is a 207 multi-status, as HubSpot answers.
    expect(read.status).toBe(207);
    expect(read.body.results.map((record) => record.id)).toEqual(ids);
    expect(read.body.results[0]?.properties).toEqual(items[200]?.properties);
    expect(read.body.results[0]?.associations).toBeUndefined();
    expect(read.body.numErrors).toBe(1);
    expect(read.body.errors?.[0]).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND', context: { ids: ['1'] } });
    const whole = await client.post<{ status: string; startedAt: string; completedAt: string }>('/crm/v3/objects/line_items/batch/read', { inputs: ids.slice(0, 3).map((id) => ({ id })) });
    expect(whole.status).toBe(200);
    expect(whole.body).toMatchObject({ status: 'COMPLETE', startedAt: expect.any(String), completedAt: expect.any(String) });
    const tooMany = await client.post('/crm/v3/objects/line_items/batch/read', { inputs: items.slice(0, 101).map((record) => ({ id: record.id })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('answers 404 in HubSpot shape for unknown objects and endpoints', async () => {
    expect((await client.get('/crm/v3/objects/contacts/123')).body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    expect((await client.get('/crm/v3/objects/companies')).status).toBe(400);
    expect((await client.get('/crm/v3/nothing')).status).toBe(404);
    expect((await client.patch('/crm/v3/objects/tickets/999', { properties: { subject: 'x' } })).status).toBe(404);
  });

  it('links the line items, orders, contacts and tickets consistently', async () => {
    const all = Object.fromEntries(
      await Promise.all(
        types.map(async (type) => [type, (await pageAll<WireRecord>((after) => client.get(`/crm/v3/objects/${type}?limit=100&properties=amount,price,quantity,hs_total_price,hs_pipeline_stage,hs_ticket_priority,membership_level,preferences,email&associations=contacts,orders,line_items${after ? `&after=${after}` : ''}`))).items] as const),
      ),
    ) as Record<(typeof types)[number], WireRecord[]>;
    const contacts = new Set(all.contacts.map((record) => record.id));
    const orders = new Map(all.orders.map((record) => [record.id, record]));
    for (const order of all.orders) {
      expect(contacts.has(order.associations?.contacts?.results[0]?.id ?? '')).toBe(true);
      const items = order.associations?.line_items?.results.map((link) => link.id) ?? [];
      const lines = all.line_items.filter((item) => items.includes(item.id));
      expect(lines.length).toBe(items.length);
      const total = lines.reduce((sum, item) => sum + Number(item.properties.amount), 0);
      expect(Number(order.properties.hs_total_price)).toBeCloseTo(total, 2);
    }
    for (const item of all.line_items) {
      const order = orders.get(item.associations?.orders?.results[0]?.id ?? '');
      expect(order?.associations?.line_items?.results.some((link) => link.id === item.id)).toBe(true);
      expect(Number(item.properties.amount)).toBeCloseTo(Number(item.properties.price) * Number(item.properties.quantity), 2);
    }
    for (const ticket of all.tickets) {
      expect(contacts.has(ticket.associations?.contacts?.results[0]?.id ?? '')).toBe(true);
      const orderLink = ticket.associations?.orders?.results[0]?.id;
      if (orderLink) expect(orders.get(orderLink)?.associations?.contacts?.results[0]?.id).toBe(ticket.associations?.contacts?.results[0]?.id);
      expect(['1', '2', '3', '4']).toContain(ticket.properties.hs_pipeline_stage);
      expect(['LOW', 'MEDIUM', 'HIGH']).toContain(ticket.properties.hs_ticket_priority);
    }
    const levels = new Set(all.contacts.map((contact) => contact.properties.membership_level));
    expect([...levels].sort()).toEqual(['bronze', 'gold', 'guest', 'silver']);
    for (const contact of all.contacts) expect(JSON.parse(contact.properties.preferences ?? '')).toHaveProperty('contact_channel');
    expect(new Set(all.contacts.map((contact) => contact.properties.email)).size).toBe(all.contacts.length);
  });
});

describe('demo CRM associations v4 and thread settings', () => {
  it('creates, reads and deletes associations both ways, and archives and restores threads', async () => {
    const crm = await startDemoCrm({ seed: 8, contacts: 12 });
    try {
      const client = demoClient(crm.url);
      const [ticket] = (await client.get<WirePage>('/crm/v3/objects/tickets?limit=1')).body.results as [WireRecord];
      const orders = (await client.get<WirePage>('/crm/v3/objects/orders?limit=3&after=6')).body.results;
      const order = orders[0] as WireRecord;
      const created = await client.post<{ results: { fromObjectId: string; toObjectId: string; fromObjectTypeId: string }[] }>('/crm/v4/associations/tickets/orders/batch/create', {
        inputs: [{ from: { id: ticket.id }, to: { id: order.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 526 }] }],
      });
      expect(created.status).toBe(201);
      expect(created.body.results[0]).toMatchObject({ fromObjectId: ticket.id, toObjectId: order.id, fromObjectTypeId: '0-5' });
      const wrongType = await client.post('/crm/v4/associations/tickets/orders/batch/create', { inputs: [{ from: { id: ticket.id }, to: { id: order.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 16 }] }] });
      expect(wrongType.status).toBe(207);
      const reverse = await client.get<{ results: { toObjectId: string; associationTypes: { typeId: number }[] }[] }>(`/crm/v4/objects/orders/${order.id}/associations/tickets`);
      expect(reverse.body.results).toContainEqual({ toObjectId: ticket.id, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 525 }] });
      expect((await client.call('DELETE', `/crm/v4/objects/tickets/${ticket.id}/associations/orders/${order.id}`)).status).toBe(204);
      const after = await client.get<{ results: { toObjectId: string }[] }>(`/crm/v4/objects/orders/${order.id}/associations/tickets`);
      expect(after.body.results.map((item) => item.toObjectId)).not.toContain(ticket.id);
      const byDefault = await client.call('PUT', `/crm/v4/objects/0-5/${ticket.id}/associations/default/0-123/${(orders[1] as WireRecord).id}`);
      expect(byDefault.status).toBe(200);

      const thread = '8000000004';
      expect((await client.patch(`/conversations/v3/conversations/threads/${thread}`, { status: 'CLOSED' })).body).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
      expect((await client.patch(`/conversations/v3/conversations/threads/${thread}`, { direction: 'x' })).status).toBe(400);
      expect((await client.call('DELETE', `/conversations/v3/conversations/threads/${thread}`)).status).toBe(204);
      const live = (await client.get<{ results: { id: string }[] }>('/conversations/v3/conversations/threads?limit=100')).body.results.map((item) => item.id);
      expect(live).not.toContain(thread);
      const archived = (await client.get<{ results: { id: string }[] }>('/conversations/v3/conversations/threads?limit=100&archived=true')).body.results.map((item) => item.id);
      expect(archived).toEqual([thread]);
      expect((await client.patch(`/conversations/v3/conversations/threads/${thread}`, { archived: false })).status).toBe(200);
      expect((await client.get<{ results: { id: string }[] }>('/conversations/v3/conversations/threads?limit=100')).body.results.map((item) => item.id)).toContain(thread);
    } finally {
      await crm.close();
    }
  });
});
