import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../../src-main/core/crm/demo/index';
import { demoClient, type WirePage, type WireRecord } from './client';

interface SideEffect {
  idempotencyKey: string | null;
  method: string;
  path: string;
  body: unknown;
  at: string;
}

const link = (id: string, associationTypeId: number) => ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }] });

describe('demo CRM writes as a standard HubSpot portal takes them', () => {
  let crm: DemoCrm;
  let client: ReturnType<typeof demoClient>;
  let contactId: string;
  let orderId: string;
  beforeAll(async () => {
    crm = await startDemoCrm({ seed: 2, contacts: 30, searchIndexLagMs: 0 });
    client = demoClient(crm.url);
    const order = (await client.get<WirePage>('/crm/v3/objects/orders?limit=1&associations=contacts')).body.results[0] as WireRecord;
    orderId = order.id;
    contactId = order.associations?.contacts?.results[0]?.id ?? '';
  });
  afterAll(async () => crm.close());

  const effects = async (path: string): Promise<SideEffect[]> => (await client.get<SideEffect[]>('/__demo/side-effects')).body.filter((effect) => effect.path === path);

  it('refuses properties the portal does not have until they are created, then keys a ticket by a unique-value property', async () => {
    const properties = { hs_ticket_category: 'BILLING_ISSUE', subject: `Refund request for order ${orderId}`, content: 'Arrived damaged', refund_amount: '94', order_id: orderId, hs_pipeline_stage: '1' };
    const refused = await client.post<{ status: string; category: string; message: string; correlationId: string; errors: { code: string; context: { propertyName: string[] } }[] }>('/crm/v3/objects/tickets', { properties });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(refused.body.errors.map((error) => error.context.propertyName[0]).sort()).toEqual(['order_id', 'refund_amount']);
    expect(refused.body.errors.every((error) => error.code === 'PROPERTY_DOESNT_EXIST')).toBe(true);

    for (const property of [
      { name: 'refund_amount', label: 'Refund amount', type: 'number', fieldType: 'number', groupName: 'ticketinformation' },
      { name: 'order_id', label: 'Order ID', type: 'string', fieldType: 'text', groupName: 'ticketinformation' },
      { name: 'copilot_action_key', label: 'Copilot action key', type: 'string', fieldType: 'text', groupName: 'ticketinformation', hasUniqueValue: true },
    ]) {
      const created = await client.post<{ name: string; hasUniqueValue: boolean }>('/crm/v3/properties/tickets', property);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: property.name, hasUniqueValue: property.hasUniqueValue === true });
    }
    expect((await client.post('/crm/v3/properties/tickets', { name: 'order_id', label: 'x', type: 'string', fieldType: 'text', groupName: 'ticketinformation' })).status).toBe(409);
    expect((await client.get<{ name: string }>('/crm/v3/properties/tickets/copilot_action_key')).body.name).toBe('copilot_action_key');

    const body = { properties: { ...properties, copilot_action_key: 'action-1' }, associations: [link(contactId, 16), link(orderId, 526)] };
    const first = await client.post<WireRecord>('/crm/v3/objects/tickets', body);
    expect(first.status).toBe(201);
    expect(first.body.properties).toMatchObject({ refund_amount: '94', order_id: orderId, hs_pipeline: '0', hs_object_id: first.body.id });
    // The unique value makes a resend after a timeout a 409 naming the ticket that exists, instead of a second ticket.
    const again = await client.post<{ message: string }>('/crm/v3/objects/tickets', body);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(first.body.id);
    // And finds it without waiting for the search index.
    const found = await client.get<WireRecord>('/crm/v3/objects/tickets/action-1?idProperty=copilot_action_key&properties=subject');
    expect(found.body.id).toBe(first.body.id);
    expect(await effects('/crm/v3/objects/tickets')).toHaveLength(1);

    // Associations come from v4, and both directions agree.
    const links = await client.post<{ results: { from: { id: string }; to: { toObjectId: string; associationTypes: { typeId: number }[] }[] }[] }>('/crm/v4/associations/tickets/orders/batch/read', { inputs: [{ id: first.body.id }] });
    expect(links.body.results[0]?.to).toEqual([{ toObjectId: orderId, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 526 }] }]);
    const back = await client.post<{ results: { to: { toObjectId: string }[] }[] }>('/crm/v4/associations/contacts/tickets/batch/read', { inputs: [{ id: contactId }] });
    expect(back.body.results[0]?.to.map((item) => item.toObjectId)).toContain(first.body.id);
  });

  it('ignores Idempotency-Key by default, as HubSpot does: a repeat acts again', async () => {
    const path = `/crm/v3/objects/contacts/${contactId}`;
    const body = { properties: { preferences: '{"contact_channel":"phone"}' } };
    expect((await client.patch(path, body, { 'Idempotency-Key': 'prefs-1' })).status).toBe(200);
    expect((await client.patch(path, body, { 'Idempotency-Key': 'prefs-1' })).status).toBe(200);
    const recorded = await effects(path);
    expect(recorded).toHaveLength(2);
    expect(recorded[0]).toMatchObject({ idempotencyKey: 'prefs-1', method: 'PATCH', body });
    const create = { properties: { subject: 'Same twice', hs_pipeline_stage: '1' } };
    const one = await client.post<WireRecord>('/crm/v3/objects/tickets', create, { 'Idempotency-Key': 'same' });
    const two = await client.post<WireRecord>('/crm/v3/objects/tickets', create, { 'Idempotency-Key': 'same' });
    expect(two.body.id).not.toBe(one.body.id);
  });

  it('checks tickets against the pipelines API and moves a stage on PATCH', async () => {
    const pipelines = (await client.get<{ results: { id: string; stages: { id: string; metadata: { ticketState: string } }[] }[] }>('/crm/v3/pipelines/tickets')).body.results;
    const returns = pipelines.find((pipeline) => pipeline.id !== '0');
    expect(returns).toBeDefined();
    const stage = returns?.stages[0]?.id ?? '';
    expect((await client.post('/crm/v3/objects/tickets', { properties: { subject: 'x', hs_pipeline: returns?.id, hs_pipeline_stage: '1' } })).status).toBe(400);
    const created = await client.post<WireRecord>('/crm/v3/objects/tickets', { properties: { subject: 'x', hs_pipeline: returns?.id, hs_pipeline_stage: stage } });
    expect(created.status).toBe(201);
    const done = returns?.stages.find((item) => item.metadata.ticketState === 'CLOSED')?.id ?? '';
    const moved = await client.patch<WireRecord>(`/crm/v3/objects/tickets/${created.body.id}`, { properties: { hs_pipeline_stage: done } });
    expect(moved.body.properties.hs_pipeline_stage).toBe(done);
    expect((await client.patch(`/crm/v3/objects/tickets/${created.body.id}`, { properties: { hs_ticket_priority: 'SOMEDAY' } })).status).toBe(400);
    expect((await client.post('/crm/v3/objects/tickets', { properties: { subject: 'x', hs_pipeline_stage: '1', hs_ticket_category: 'REFUND_REQUEST' } })).status).toBe(400);
  });

  it('validates bodies like HubSpot', async () => {
    const cases: [string, unknown][] = [
      ['/crm/v3/objects/tickets', { properties: { content: 'no subject', hs_pipeline_stage: '1' } }],
      ['/crm/v3/objects/tickets', { properties: { subject: 'no stage' } }],
      ['/crm/v3/objects/tickets', { properties: 'subject=x' }],
      ['/crm/v3/objects/tickets', { properties: { subject: 'x', hs_pipeline_stage: '1', nested: { a: 1 } } }],
      ['/crm/v3/objects/contacts', { properties: { 'Bad Name': 'x' } }],
      ['/crm/v3/objects/tickets', { properties: { subject: 'x', hs_pipeline_stage: '1' }, associations: [link('123', 16)] }],
    ];
    for (const [path, body] of cases) {
      const answer = await client.post(path, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', message: expect.any(String), correlationId: expect.any(String) });
    }
    const raw = await fetch(`${crm.url}/crm/v3/objects/contacts`, { method: 'POST', headers: { Authorization: 'Bearer t' }, body: '{not json' });
    expect(raw.status).toBe(400);
    const sneaky = await client.post<WireRecord>('/crm/v3/objects/contacts', JSON.parse('{"properties":{"__proto__":{"polluted":"yes"},"email":"p@example.com","hs_object_id":"1"}}'));
    expect(sneaky.status).toBe(201);
    expect(sneaky.body.properties.hs_object_id).toBe(sneaky.body.id);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('merges contacts: the survivor takes over the merged id, its threads and its links', async () => {
    const [a, b] = (await client.get<WirePage>('/crm/v3/objects/contacts?limit=2&after=10')).body.results as [WireRecord, WireRecord];
    const threadsOf = async (id: string): Promise<{ associatedContactId: string }[]> => {
      const lists = await Promise.all(['OPEN', 'CLOSED'].map((status) => client.get<{ results: { associatedContactId: string }[] }>(`/conversations/v3/conversations/threads?associatedContactId=${id}&threadStatus=${status}`)));
      return lists.flatMap((list) => list.body.results);
    };
    const before = (await threadsOf(a.id)).length + (await threadsOf(b.id)).length;
    expect(before).toBeGreaterThanOrEqual(2);
    const merged = await client.post<WireRecord>('/crm/v3/objects/contacts/merge', { primaryObjectId: a.id, objectIdToMerge: b.id });
    expect(merged.status).toBe(200);
    expect(merged.body.properties.hs_merged_object_ids).toBe(b.id);
    expect((await client.get<WireRecord>(`/crm/v3/objects/contacts/${b.id}`)).body.id).toBe(a.id);
    const after = await threadsOf(a.id);
    expect(after).toHaveLength(before);
    expect(after.every((thread) => thread.associatedContactId === a.id)).toBe(true);
    const orders = await client.post<{ results: { to: { toObjectId: string }[] }[] }>('/crm/v4/associations/contacts/orders/batch/read', { inputs: [{ id: a.id }] });
    expect(orders.body.results[0]?.to).toHaveLength(4);
  });
});

describe('demo CRM portal settings', () => {
  it('answers 403 MISSING_SCOPES when the token lacks the scope to create properties, and keeps a standard portal standard', async () => {
    const crm = await startDemoCrm({ seed: 2, contacts: 4, missingScopes: ['tickets'], standardPortal: true });
    try {
      const client = demoClient(crm.url);
      const refused = await client.post<{ category: string; errors: { context: { requiredGranularScopes: string[] } }[] }>('/crm/v3/properties/tickets', { name: 'copilot_action_key', label: 'Key', type: 'string', fieldType: 'text', groupName: 'ticketinformation', hasUniqueValue: true });
      expect(refused.status).toBe(403);
      expect(refused.body.category).toBe('MISSING_SCOPES');
      expect(refused.body.errors[0]?.context.requiredGranularScopes).toEqual(['tickets']);
      const contact = (await client.get<WirePage>('/crm/v3/objects/contacts?limit=1')).body.results[0] as WireRecord;
      expect((await client.patch(`/crm/v3/objects/contacts/${contact.id}`, { properties: { preferences: '{}' } })).status).toBe(400);
      const owners = (await client.get<{ results: { id: string; userId: number; email: string; type: string }[] }>('/crm/v3/owners')).body.results;
      expect(owners.length).toBeGreaterThan(1);
      for (const owner of owners) expect(owner).toMatchObject({ id: expect.stringMatching(/^\d+$/), userId: expect.any(Number), email: expect.stringContaining('@'), type: 'PERSON' });
    } finally {
      await crm.close();
    }
  });
});
