import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotConnector, type CrmRecordOf, type PulledPage } from '../../../src-main/core/crm/index';

/**
 * A stand-in for real HubSpot where it differs from the demo CRM: search answers without
 * associations and with only the properties asked for.
 */
const order = (id: string, modified: string, withAssociations: boolean) => ({
  id,
  properties: { hs_order_name: `Order ${id}`, hs_total_price: '10.50', hs_fulfillment_status: 'shipped', hs_lastmodifieddate: modified },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: modified,
  archived: false,
  ...(withAssociations ? { associations: { contacts: { results: [{ id: `9${id}`, type: 'order_to_contact' }] } } } : {}),
});

describe('HubSpot connector against HubSpot-shaped answers', () => {
  const requests: { method: string; url: string; body: unknown }[] = [];
  let url = '';
  const server = createServer((request: IncomingMessage, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      const body: unknown = raw ? JSON.parse(raw) : undefined;
      requests.push({ method: request.method ?? '', url: request.url ?? '', body });
      const path = (request.url ?? '').split('?')[0];
      let answer: unknown = { results: [] };
      if (path === '/crm/v3/objects/orders/search') answer = { total: 2, results: [order('11', '2025-02-01T00:00:00.000Z', false), order('12', '2025-02-01T00:00:00.000Z', false)] };
      else if (path === '/crm/v4/associations/orders/contacts/batch/read') {
        const ids = (body as { inputs: { id: string }[] }).inputs.map((input) => input.id);
        answer = { status: 'COMPLETE', results: ids.map((id) => ({ from: { id }, to: [{ toObjectId: `9${id}`, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 512, label: null }] }] })), startedAt: '2025-02-01T00:00:00Z', completedAt: '2025-02-01T00:00:00Z' };
      } else if (path === '/crm/v4/associations/orders/line_items/batch/read') {
        // No line items: a 207 lists each id as an error, which means "none".
        const ids = (body as { inputs: { id: string }[] }).inputs.map((input) => input.id);
        response.writeHead(207, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ status: 'COMPLETE', results: [], errors: ids.map((id) => ({ status: 'error', category: 'VALIDATION_ERROR', message: `No line_items for ${id}`, context: { fromObjectId: [id] } })), startedAt: 'x', completedAt: 'x' }));
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(answer));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('names the properties it needs and reads the associations the search left out through v4 batch reads', async () => {
    const connector = createHubSpotConnector({ baseUrl: url, token: 't', source: 'hs' });
    const pages: PulledPage<'orders'>[] = [];
    for await (const page of connector.pullChanged('orders', { phase: 'incremental', cursor: JSON.stringify({ ts: Date.parse('2025-01-31T00:01:00Z'), sweptAt: Date.now() }) })) pages.push(page);
    const records: CrmRecordOf['orders'][] = pages.flatMap((page) => page.records);
    expect(records.map((record) => [record.id, record.contactId, record.total])).toEqual([
      ['11', '911', 10.5],
      ['12', '912', 10.5],
    ]);
    const search = requests.find((request) => request.url.endsWith('/search'));
    expect(search?.body).toMatchObject({
      filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(Date.parse('2025-01-31T00:00:00Z')) }] }],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
      properties: expect.arrayContaining(['hs_total_price', 'hs_fulfillment_status', 'hs_lastmodifieddate']),
    });
    const batch = requests.find((request) => request.url === '/crm/v4/associations/orders/contacts/batch/read');
    expect(batch?.body).toEqual({ inputs: [{ id: '11' }, { id: '12' }] });
    // The next run starts at the newest change seen (less the overlap it applies itself).
    expect(JSON.parse(pages.at(-1)?.nextCursor.cursor ?? '{}')).toMatchObject({ ts: Date.parse('2025-02-01T00:00:00Z') });
    await connector.pullChanged('contacts', undefined)[Symbol.asyncIterator]().next();
    const list = requests.find((request) => request.url.startsWith('/crm/v3/objects/contacts?'));
    expect(new URL(list?.url ?? '', url).searchParams.get('properties')?.split(',')).toEqual(expect.arrayContaining(['email', 'membership_level', 'preferences', 'lifetime_value']));
  });
});
