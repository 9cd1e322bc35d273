import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../../src-main/core/crm/demo/index';
import { demoClient, type WirePage, type WireRecord } from './client';

interface SideEffect {
  idempotencyKey: string;
  method: string;
  path: string;
  body: unknown;
  at: string;
}

const contactLink = (id: string) => [{ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 16 }] }];

describe('demo CRM side effects and idempotency keys', () => {
  let crm: DemoCrm;
  let client: ReturnType<typeof demoClient>;
  let contactId: string;
  let orderId: string;
  beforeAll(async () => {
    crm = await startDemoCrm({ seed: 2, contacts: 30 });
    client = demoClient(crm.url);
    const order = (await client.get<WirePage>('/crm/v3/objects/orders?limit=1&associations=contacts')).body.results[0] as WireRecord;
    orderId = order.id;
    contactId = order.associations?.contacts?.results[0]?.id ?? '';
  });
  afterAll(async () => crm.close());

  const effects = async (key: string): Promise<SideEffect[]> => (await client.get<SideEffect[]>('/__demo/side-effects')).body.filter((effect) => effect.idempotencyKey === key);

  it('creates a refund request ticket once per key, linked to the customer and the order, and replays the stored answer', async () => {
    const before = crm.stats().counts.tickets;
    const body = {
      properties: { hs_ticket_category: 'REFUND_REQUEST', subject: `Refund request for order ${orderId}`, content: 'Arrived damaged', refund_amount: '94', order_id: orderId, hs_pipeline_stage: '1' },
      associations: contactLink(contactId),
    };
    const first = await client.post<WireRecord>('/crm/v3/objects/tickets', body, { 'Idempotency-Key': 'refund-1' });
    const second = await client.post<WireRecord>('/crm/v3/objects/tickets', body, { 'Idempotency-Key': 'refund-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.body.id).toMatch(/^\d+$/);
    expect(first.body.properties).toMatchObject({ hs_ticket_category: 'REFUND_REQUEST', refund_amount: '94', order_id: orderId, hs_object_id: first.body.id });
    expect(first.body.associations?.contacts?.results).toEqual([{ id: contactId, type: 'ticket_to_contact' }]);
    expect(first.body.associations?.orders?.results).toEqual([{ id: orderId, type: 'ticket_to_order' }]);
    expect(crm.stats().counts.tickets).toBe(before + 1);
    const recorded = await effects('refund-1');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ method: 'POST', path: '/crm/v3/objects/tickets', body });

    const other = await client.post<WireRecord>('/crm/v3/objects/tickets', body, { 'Idempotency-Key': 'refund-2' });
    expect(other.body.id).not.toBe(first.body.id);
    expect(crm.stats().counts.tickets).toBe(before + 2);
    // Created records are readable, listed after the generated ones and searchable as changes.
    const read = await client.post<{ results: WireRecord[] }>('/crm/v3/objects/tickets/batch/read', { inputs: [{ id: first.body.id }] });
    expect(read.body.results[0]?.properties.subject).toBe(body.properties.subject);
    const last = await client.get<WirePage>(`/crm/v3/objects/tickets?limit=100&after=${before}`);
    expect(last.body.results.map((record) => record.id)).toEqual([first.body.id, other.body.id]);
  });

  it('patches once per key; a repeat does not act again even after another change', async () => {
    const path = `/crm/v3/objects/contacts/${contactId}`;
    const first = await client.patch<WireRecord>(path, { properties: { preferences: '{"contact_channel":"phone"}' } }, { 'Idempotency-Key': 'prefs-1' });
    expect(first.status).toBe(200);
    await client.patch(path, { properties: { firstname: 'Changed' } }, { 'Idempotency-Key': 'name-1' });
    const replay = await client.patch<WireRecord>(path, { properties: { preferences: '{"contact_channel":"phone"}' } }, { 'Idempotency-Key': 'prefs-1' });
    expect(replay.body).toEqual(first.body);
    const now = (await client.get<WireRecord>(path)).body;
    expect(now.properties.firstname).toBe('Changed');
    expect(now.properties.preferences).toBe('{"contact_channel":"phone"}');
    expect(await effects('prefs-1')).toHaveLength(1);
  });

  it('does not record failed attempts, so a corrected retry with the same key acts', async () => {
    const bad = await client.post('/crm/v3/objects/tickets', { properties: { subject: 'x', hs_pipeline_stage: '1' }, associations: contactLink('123') }, { 'Idempotency-Key': 'k-bad' });
    expect(bad.status).toBe(400);
    expect(await effects('k-bad')).toHaveLength(0);
    const good = await client.post('/crm/v3/objects/tickets', { properties: { subject: 'x', hs_pipeline_stage: '1' }, associations: contactLink(contactId) }, { 'Idempotency-Key': 'k-bad' });
    expect(good.status).toBe(201);
    expect(await effects('k-bad')).toHaveLength(1);
  });

  it('validates bodies like HubSpot', async () => {
    const cases: [string, unknown][] = [
      ['/crm/v3/objects/tickets', { properties: { content: 'no subject', hs_pipeline_stage: '1' } }],
      ['/crm/v3/objects/tickets', { properties: 'subject=x' }],
      ['/crm/v3/objects/tickets', { properties: { subject: 'x', hs_pipeline_stage: '1', nested: { a: 1 } } }],
      ['/crm/v3/objects/contacts', { properties: { 'Bad Name': 'x' } }],
    ];
    for (const [path, body] of cases) {
      const answer = await client.post(path, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', message: expect.any(String) });
    }
    const raw = await fetch(`${crm.url}/crm/v3/objects/contacts`, { method: 'POST', headers: { Authorization: 'Bearer t' }, body: '{not json' });
    expect(raw.status).toBe(400);
    const sneaky = await client.post<WireRecord>('/crm/v3/objects/contacts', JSON.parse('{"properties":{"__proto__":{"polluted":"yes"},"email":"p@example.com","hs_object_id":"1"}}'));
    expect(sneaky.status).toBe(201);
    expect(sneaky.body.properties.hs_object_id).toBe(sneaky.body.id);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
