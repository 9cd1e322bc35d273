import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abcdCustomers, startDemoCrm, type DemoCrm } from '../../../../src-main/core/crm/demo/index';
import { abcdDir } from '../../../../src-main/core/crm/demo/abcd';
import { demoClient, pageAll, type WireMessage, type WireRecord, type WireThread } from './client';

interface Sample {
  scenario: { personal: { customer_name: string; email?: string; username?: string; phone?: string; member_level: string }; order: { order_id?: string; purchase_date?: string }; product: { amounts: number[] } };
  original: [string, string][];
}

describe('the ABCD sample customers in the demo CRM', () => {
  const samples = JSON.parse(readFileSync(join(abcdDir(), 'abcd_sample.json'), 'utf8')) as Sample[];
  let crm: DemoCrm;
  let client: ReturnType<typeof demoClient>;
  let contacts: WireRecord[];
  beforeAll(async () => {
    crm = await startDemoCrm({ seed: 123, contacts: 50, now: Date.UTC(2026, 5, 15, 12) });
    client = demoClient(crm.url);
    contacts = (await pageAll<WireRecord>((after) => client.get(`/crm/v3/objects/contacts?limit=100&properties=firstname,lastname,email,username,phone,membership_level${after ? `&after=${after}` : ''}`))).items;
  });
  afterAll(async () => crm.close());

  it('ships the sample and ontology with the MIT licence', () => {
    expect(readFileSync(join(abcdDir(), 'LICENSE'), 'utf8')).toMatch(/MIT License/);
    expect(abcdCustomers).toHaveLength(samples.length);
    expect(samples.length).toBe(3);
  });

  it.each([0, 1, 2])('holds sample customer %i with the identifiers the conversation gives, their order and their opening', async (n) => {
    const sample = samples[n] as Sample;
    const personal = sample.scenario.personal;
    const [first, ...rest] = personal.customer_name.split(' ');
    const contact = contacts.find(
      (record) => record.properties.firstname?.toLowerCase() === first && record.properties.lastname?.toLowerCase() === rest.join(' '),
    ) as WireRecord;
    expect(contact).toBeDefined();
    expect(contact.properties.membership_level).toBe(personal.member_level);
    if (personal.email) expect(contact.properties.email).toBe(personal.email);
    if (personal.username) expect(contact.properties.username).toBe(personal.username);
    if (personal.phone) expect(contact.properties.phone).toBe(personal.phone);

    const orderId = sample.scenario.order.order_id;
    if (orderId) {
      const order = (await client.get<WireRecord>(`/crm/v3/objects/orders/${orderId}?properties=hs_total_price,hs_createdate&associations=contacts,line_items`)).body;
      expect(order.id).toBe(orderId);
      expect(order.associations?.contacts?.results[0]?.id).toBe(contact.id);
      const lines = order.associations?.line_items?.results ?? [];
      expect(lines).toHaveLength(1);
      const item = (await client.post<{ results: WireRecord[] }>('/crm/v3/objects/line_items/batch/read', { inputs: lines.map((line) => ({ id: line.id })), properties: ['amount'] })).body.results[0];
      expect(Number(item?.properties.amount)).toBe(sample.scenario.product.amounts[0]);
      expect(Number(order.properties.hs_total_price)).toBe(sample.scenario.product.amounts[0]);
    }

    // Replaying the conversation finds its thread by the customer's first line.
    const firstLine = sample.original.find(([speaker]) => speaker === 'customer')?.[1];
    const threads = (await pageAll<WireThread>((after) => client.get(`/conversations/v3/conversations/threads?limit=100${after ? `&after=${after}` : ''}`))).items;
    const thread = threads.find((item) => item.associatedContactId === contact.id) as WireThread;
    expect(thread.status).toBe('OPEN');
    const messages = (await client.get<{ results: WireMessage[] }>(`/conversations/v3/conversations/threads/${thread.id}/messages?limit=100&sort=createdAt`)).body.results;
    expect(messages.find((message) => message.direction === 'INCOMING')?.text).toBe(firstLine);

    // The ABCD purchase keeps its distance from the conversation (ABCD's conversations are taken to be on 2020-01-01).
    const purchase = sample.scenario.order.purchase_date;
    if (orderId && purchase) {
      const order = (await client.get<WireRecord>(`/crm/v3/objects/orders/${orderId}?properties=hs_createdate`)).body;
      const daysBefore = (Date.parse(thread.createdAt) - Date.parse(order.properties.hs_createdate ?? '')) / 86_400_000;
      expect(daysBefore).toBeCloseTo((Date.UTC(2020, 0, 1) - Date.parse(purchase)) / 86_400_000, 3);
      expect(Date.parse(thread.createdAt)).toBeLessThan(Date.UTC(2026, 5, 15, 12));
      expect(Date.parse(thread.createdAt)).toBeGreaterThan(Date.UTC(2026, 5, 15, 11));
    }
  });
});
