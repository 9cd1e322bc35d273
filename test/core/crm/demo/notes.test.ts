import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../../src-main/core/crm/demo/index';
import { createHubSpotConnector } from '../../../../src-main/core/crm/index';
import { contractLimits } from '../../../fixtures/hubspot-contract/validate';
import { demoClient, type WireRecord } from './client';

/**
 * The hand-off note reaches the ticket as a HubSpot note (notes object, associated to the ticket), and a
 * delivery sent again after an ambiguous failure finds the first note instead of writing a second.
 */
describe('hand-off notes on tickets in the demo CRM', () => {
  let crm: DemoCrm;
  let client: ReturnType<typeof demoClient>;
  beforeAll(async () => {
    crm = await startDemoCrm({ seed: 7, contacts: 20, searchIndexLagMs: 0 });
    client = demoClient(crm.url);
  });
  afterAll(async () => crm.close());

  const notesOf = async (ticketId: string): Promise<WireRecord[]> => {
    const linked = await client.get<{ results: { toObjectId: string }[] }>(`/crm/v4/objects/tickets/${ticketId}/associations/notes`);
    if (linked.body.results.length === 0) return [];
    const read = await client.post<{ results: WireRecord[] }>('/crm/v3/objects/notes/batch/read', { inputs: linked.body.results.map((link) => ({ id: link.toObjectId })), properties: ['hs_note_body', 'hs_timestamp'], propertiesWithHistory: [] });
    return read.body.results;
  };

  it('posts the hand-off as a COMMENT on the thread and a note on the ticket, once even when delivered again', async () => {
    const ticket = (await client.get<{ results: WireRecord[] }>('/crm/v3/objects/tickets?limit=1')).body.results[0];
    const threadId = (await client.get<{ results: { id: string }[] }>('/conversations/v3/conversations/threads?limit=1')).body.results[0]?.id ?? '';
    const connector = createHubSpotConnector({ baseUrl: crm.url, token: 't', searchLagMs: 0, senderUserId: () => 101, sleep: () => Promise.resolve() });
    const action = { kind: 'handoff_note' as const, customerId: '1', payload: { conversationId: threadId, ticketId: ticket?.id ?? '', text: 'Hand-off: the customer waits for a replacement.' } };
    const approvedAt = new Date().toISOString();
    await connector.pushAction(action, 'handoff-key-1', undefined, { previouslyAttempted: false, approvedAt });
    await connector.pushAction(action, 'handoff-key-1', undefined, { previouslyAttempted: true, approvedAt });
    const notes = await notesOf(ticket?.id ?? '');
    expect(notes.map((note) => note.properties.hs_note_body)).toEqual(['Hand-off: the customer waits for a replacement.']);
    expect(Date.parse(notes[0]?.properties.hs_timestamp ?? '')).toBeGreaterThan(0);
    const effects = (await client.get<{ path: string; body: unknown }[]>('/__demo/side-effects')).body;
    const writes = effects.filter((effect) => effect.path === '/crm/v3/objects/notes');
    expect(writes).toHaveLength(1);
    expect(writes[0]?.body).toMatchObject({ associations: [{ types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: contractLimits.notes.associationTypeIds.noteToTicket }] }] });
    const comments = effects.filter((effect) => effect.path === `/conversations/v3/conversations/threads/${threadId}/messages`);
    expect(comments).toHaveLength(1);
  });

  it('refuses a note without its time or on a ticket that does not exist, and answers 404 for an unknown note', async () => {
    const body = { hs_note_body: 'x' };
    expect((await client.post('/crm/v3/objects/notes', { properties: body, associations: [] })).status).toBe(400);
    const missing = [{ to: { id: '1' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 228 }] }];
    expect((await client.post('/crm/v3/objects/notes', { properties: { ...body, hs_timestamp: '1700000000000' }, associations: missing })).status).toBe(400);
    expect((await client.get('/crm/v3/objects/notes/1')).status).toBe(404);
  });
});
