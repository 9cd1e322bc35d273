import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../../src-main/core/crm/demo/index';
import { contractLimits, endpointFor, validateContract } from '../../../fixtures/hubspot-contract/validate';
import { demoClient, replyBody, type WireMessage, type WireRecord, type WireThread } from './client';

/**
 * The demo CRM's answers held to the facts of HubSpot's published specs (test/fixtures/hubspot-contract):
 * every response body is checked against the schema its endpoint and status have there, and every
 * request these tests send against the request schema, so the tests cannot drift from the spec either.
 */
describe('demo CRM against the HubSpot contract', () => {
  let crm: DemoCrm;
  const problems: string[] = [];
  const checked = new Set<string>();
  let client: ReturnType<typeof demoClient>;

  async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }> {
    const bare = path.split('?')[0] ?? path;
    const endpoint = endpointFor(method, bare);
    if (!endpoint) {
      problems.push(`${method} ${bare}: not an endpoint of the specs`);
    } else if (body !== undefined && endpoint.request) {
      problems.push(...validateContract(body, endpoint.request, `request ${method} ${endpoint.path}`));
    }
    const answer = await client.call<T>(method, path, body);
    if (endpoint && answer.status !== 204) {
      const schema = endpoint.responses[String(answer.status)] ?? (answer.status >= 400 ? endpoint.responses.default === null ? 'Error' : endpoint.responses.default : undefined);
      if (!schema) problems.push(`${method} ${endpoint.path}: status ${answer.status} is not one the spec lists (${Object.keys(endpoint.responses).join(', ')})`);
      else if (schema !== 'array') problems.push(...validateContract(answer.body, schema, `${answer.status} ${method} ${endpoint.path}`));
      checked.add(`${method} ${endpoint.path} ${answer.status}`);
    }
    return answer;
  }

  beforeAll(async () => {
    crm = await startDemoCrm({ seed: 21, contacts: 60, searchIndexLagMs: 0, searchResultCap: 50 });
    client = demoClient(crm.url);
  });
  afterAll(async () => crm.close());

  it('answers a sync, settings reads and one action of each kind in the shapes the specs give, with 0 violations', async () => {
    const ids: Record<string, string[]> = {};
    for (const type of ['contacts', 'orders', 'line_items', 'tickets']) {
      const modified = contractLimits.lastModifiedProperty[type] ?? '';
      const listed = await call<{ results: WireRecord[] }>('GET', `/crm/v3/objects/${type}?limit=100&properties=${modified},email,subject`);
      ids[type] = listed.body.results.map((record) => record.id);
      for (const record of listed.body.results) expect(record.properties[modified]).toBe(record.updatedAt);
      const searched = await call<{ results: WireRecord[] }>('POST', `/crm/v3/objects/${type}/search`, {
        filterGroups: [{ filters: [{ propertyName: modified, operator: 'GTE', value: '0' }] }],
        sorts: [modified],
        properties: [modified],
        limit: contractLimits.search.maxLimit,
        after: '0',
      });
      expect(searched.body.results.every((record) => record.associations === undefined)).toBe(true);
      await call('POST', `/crm/v3/objects/${type}/search`, { filterGroups: [], sorts: [modified], properties: [], limit: 10, after: '50' });
      await call('POST', `/crm/v3/objects/${type}/batch/read`, { inputs: [...(ids[type] ?? []).slice(0, 5).map((id) => ({ id })), { id: '1' }], properties: [modified], propertiesWithHistory: [] });
      await call('GET', `/crm/v3/objects/${type}/${ids[type]?.[0] ?? ''}?associations=contacts`);
      await call('GET', `/crm/v3/objects/${type}/1`);
    }
    await call('POST', '/crm/v4/associations/orders/line_items/batch/read', { inputs: (ids.orders ?? []).slice(0, 10).map((id) => ({ id })) });
    await call('POST', '/crm/v4/associations/tickets/contacts/batch/read', { inputs: [{ id: ids.tickets?.[0] ?? '' }, { id: '1' }] });
    await call('GET', `/crm/v4/objects/contacts/${ids.contacts?.[0] ?? ''}/associations/orders`);
    await call('GET', '/crm/v3/pipelines/tickets');
    await call('GET', '/crm/v3/pipelines/tickets/0/stages');
    await call('GET', '/crm/v3/pipelines/tickets/0/stages/4');
    await call('GET', '/crm/v3/properties/tickets');
    await call('POST', '/crm/v3/properties/tickets', { name: 'copilot_action_key', label: 'Copilot action key', type: 'string', fieldType: 'text', groupName: 'ticketinformation', hasUniqueValue: true });
    await call('POST', '/crm/v3/properties/tickets', { name: 'copilot_action_key', label: 'Copilot action key', type: 'string', fieldType: 'text', groupName: 'ticketinformation' });
    await call('GET', '/crm/v3/properties/tickets/copilot_action_key');
    const owners = await call<{ results: { id: string; userId: number }[] }>('GET', '/crm/v3/owners?limit=10');
    await call('GET', `/crm/v3/owners/${owners.body.results[0]?.id ?? ''}`);
    await call('GET', '/conversations/v3/conversations/inboxes');
    await call('GET', '/conversations/v3/conversations/channels');
    await call('GET', '/conversations/v3/conversations/channel-accounts');

    const threads = (await call<{ results: WireThread[] }>('GET', '/conversations/v3/conversations/threads?limit=60')).body.results;
    const types = new Set<string>();
    for (const thread of threads) {
      const entries = (await call<{ results: WireMessage[] }>('GET', `/conversations/v3/conversations/threads/${thread.id}/messages?limit=100`)).body.results;
      for (const entry of entries) types.add(entry.type);
    }
    expect([...types].every((type) => contractLimits.conversations.messageTypes.includes(type))).toBe(true);
    expect(types.size).toBe(5);

    // One action of each kind, in the request shapes the specs require.
    const email = threads.find((thread) => thread.originalChannelId === '1002') as WireThread;
    const entries = (await call<{ results: WireMessage[] }>('GET', `/conversations/v3/conversations/threads/${email.id}/messages?sort=createdAt`)).body.results;
    const customer = entries.find((entry) => entry.direction === 'INCOMING')?.senders[0];
    const agent = `A-${owners.body.results[0]?.userId ?? 0}`;
    expect(agent).toMatch(new RegExp(contractLimits.conversations.agentActorIdPattern));
    const reply = await call<WireMessage>('POST', `/conversations/v3/conversations/threads/${email.id}/messages`, replyBody(email, 'Your refund is on its way.', agent, customer?.deliveryIdentifier));
    expect(reply.status).toBe(201);
    await call('GET', `/conversations/v3/conversations/threads/${email.id}/messages/${reply.body.id}`);
    expect((await call('POST', `/conversations/v3/conversations/threads/${email.id}/messages`, { type: 'COMMENT', text: 'Hand-off: refund approved.', attachments: [] })).status).toBe(201);
    const contactLink = [{ to: { id: ids.contacts?.[0] ?? '' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 16 }] }];
    const ticket = await call<WireRecord>('POST', '/crm/v3/objects/tickets', { properties: { subject: 'Refund request', hs_pipeline: '0', hs_pipeline_stage: '1', copilot_action_key: 'k-1' }, associations: contactLink });
    expect(ticket.status).toBe(201);
    expect((await call('POST', '/crm/v3/objects/tickets', { properties: { subject: 'Refund request', hs_pipeline_stage: '1', copilot_action_key: 'k-1' }, associations: contactLink })).status).toBe(409);
    expect((await call('POST', '/crm/v3/objects/tickets', { properties: { subject: 'x', hs_pipeline_stage: '1', refund_amount: '5' }, associations: [] })).status).toBe(400);
    await call('PATCH', `/crm/v3/objects/tickets/${ticket.body.id}`, { properties: { hs_pipeline_stage: '3', hs_ticket_priority: 'HIGH' } });
    await call('PATCH', `/crm/v3/objects/contacts/${ids.contacts?.[0] ?? ''}`, { properties: { preferences: '{"contact_channel":"email"}' } });
    // The hand-off note on the ticket: a notes object associated note → ticket.
    const { noteToTicket, ticketToNote } = contractLimits.notes.associationTypeIds;
    const noteLink = [{ to: { id: ticket.body.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: noteToTicket }] }];
    const note = await call<WireRecord>('POST', '/crm/v3/objects/notes', { properties: { hs_note_body: 'Hand-off: refund approved.', hs_timestamp: new Date().toISOString() }, associations: noteLink });
    expect(note.status).toBe(201);
    expect(note.body.properties.hs_note_body).toBe('Hand-off: refund approved.');
    expect((await call('POST', '/crm/v3/objects/notes', { properties: { hs_note_body: 'no time' }, associations: noteLink })).status).toBe(400);
    expect((await call('POST', '/crm/v3/objects/notes', { properties: { hs_note_body: 'x', hs_timestamp: '1700000000000', refund_amount: '5' }, associations: [] })).status).toBe(400);
    const onTicket = await call<{ results: { toObjectId: string; associationTypes: { typeId: number }[] }[] }>('GET', `/crm/v4/objects/tickets/${ticket.body.id}/associations/notes?limit=500`);
    expect(onTicket.body.results).toEqual([{ toObjectId: note.body.id, associationTypes: [expect.objectContaining({ typeId: ticketToNote })] }]);
    await call('POST', '/crm/v4/associations/notes/tickets/batch/read', { inputs: [{ id: note.body.id }] });
    const read = await call<{ results: WireRecord[] }>('POST', '/crm/v3/objects/notes/batch/read', { inputs: [{ id: note.body.id }, { id: '1' }], properties: ['hs_note_body', 'hs_timestamp'], propertiesWithHistory: [] });
    expect(read.status).toBe(207);
    expect(read.body.results[0]?.properties.hs_note_body).toBe('Hand-off: refund approved.');
    await call('POST', '/crm/v4/associations/tickets/orders/batch/create', { inputs: [{ from: { id: ticket.body.id }, to: { id: ids.orders?.[0] ?? '' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 526 }] }] });
    await call('PUT', `/crm/v4/objects/tickets/${ticket.body.id}/associations/default/orders/${ids.orders?.[1] ?? ''}`);
    await call('PATCH', `/conversations/v3/conversations/threads/${email.id}`, { status: 'CLOSED' });
    await call('DELETE', `/crm/v3/objects/orders/${ids.orders?.[3] ?? ''}`);
    await call('GET', '/crm/v3/objects/orders?archived=true');

    expect(problems).toEqual([]);
    // Enough of the contract was exercised for the zero to mean something.
    expect(checked.size).toBeGreaterThanOrEqual(30);
  });

  it('answers a 429 with the documented body and headers, and the search endpoints without rate-limit headers', async () => {
    const limited = await startDemoCrm({ contacts: 3, portalLimits: { enforce: true, tenSecondly: 2 } });
    try {
      const limitedClient = demoClient(limited.url);
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await limitedClient.get('/crm/v3/objects/contacts?limit=1'));
      for (const header of contractLimits.rateLimits.headers) expect(answers[0]?.headers.get(header)).not.toBeNull();
      const refused = answers[2];
      expect(refused?.status).toBe(429);
      const body = refused?.body as Record<string, unknown>;
      for (const field of contractLimits.rateLimits.tooManyRequestsBody.required) expect(body[field]).toEqual(expect.any(String));
      expect(body.errorType).toBe(contractLimits.rateLimits.tooManyRequestsBody.errorType);
      expect(contractLimits.rateLimits.policyNames).toContain(body.policyName);
      expect(validateContract(body, 'Error')).toEqual([]);
      const search = await limitedClient.post('/crm/v3/objects/contacts/search', { limit: 1 });
      for (const header of contractLimits.rateLimits.headers) expect(search.headers.get(header)).toBeNull();
    } finally {
      await limited.close();
    }
  });

  it('the validator itself catches what breaks the contract', () => {
    expect(validateContract({ id: 5, properties: { a: null } }, 'SimplePublicObject').length).toBeGreaterThanOrEqual(4);
    expect(validateContract({ type: 'MESSAGE', id: 'x' }, 'PublicMessage')).not.toEqual([]);
    expect(validateContract({ type: 'MESSAGE', text: 'hi', direction: 'OUTGOING', senderActorId: 'A-1' }, 'PublicMessageEgg')).not.toEqual([]);
    expect(validateContract({ status: 'error', message: 'm', category: 'c', correlationId: 'x' }, 'Error')).toEqual([]);
  });
});
