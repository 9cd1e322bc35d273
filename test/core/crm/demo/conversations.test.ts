import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../../src-main/core/crm/demo/index';
import { demoClient, pageAll, replyBody, type WireMessage, type WirePage, type WireThread } from './client';

describe('demo CRM conversations', () => {
  let crm: DemoCrm;
  let client: ReturnType<typeof demoClient>;
  beforeAll(async () => {
    crm = await startDemoCrm({ seed: 4, contacts: 90 });
    client = demoClient(crm.url);
  });
  afterAll(async () => crm.close());

  const messagesOf = (threadId: string) =>
    pageAll<WireMessage>((after) => client.get(`/conversations/v3/conversations/threads/${threadId}/messages?limit=4&sort=createdAt${after ? `&after=${after}` : ''}`));
  const onlyMessages = (items: WireMessage[]) => items.filter((item) => item.type === 'MESSAGE');

  it('lists every thread once, each with its messages in ascending time, adding up to the stats', async () => {
    const { items: threads } = await pageAll<WireThread>((after) => client.get(`/conversations/v3/conversations/threads?limit=25${after ? `&after=${after}` : ''}`));
    const stats = crm.stats().counts;
    expect(threads).toHaveLength(stats.conversations);
    expect(new Set(threads.map((thread) => thread.id)).size).toBe(threads.length);
    let total = 0;
    const lengths = new Set<number>();
    const channels = new Set<string>();
    const types = new Set<string>();
    for (const thread of threads) {
      const { items: entries } = await messagesOf(thread.id);
      const items = onlyMessages(entries);
      total += items.length;
      lengths.add(items.length);
      channels.add(thread.originalChannelId);
      for (const entry of entries) {
        types.add(entry.type);
        // HubSpot's message ids are free strings, not numbers.
        expect(entry.id).toMatch(/^[0-9a-f]{32}$/);
        expect(entry.conversationsThreadId).toBe(thread.id);
      }
      expect(entries.map((message) => message.createdAt)).toEqual(entries.map((message) => message.createdAt).sort());
      expect(items.at(-1)?.createdAt).toBe(thread.latestMessageTimestamp);
      expect(entries[0]?.createdAt).toBe(thread.createdAt);
      expect(entries.some((entry) => entry.type === 'THREAD_STATUS_CHANGE')).toBe(thread.status === 'CLOSED');
      for (const message of items) {
        expect(message.text).not.toMatch(/\{\w+\}/);
        expect(message.senders[0]?.actorId).toEqual(message.direction === 'INCOMING' ? `V-${thread.associatedContactId}` : expect.stringMatching(/^A-\d+$/));
        expect(message.channelId).toBe(thread.originalChannelId);
        expect(message.channelAccountId).toBe(thread.originalChannelAccountId);
      }
      expect(items.some((message) => message.direction === 'INCOMING')).toBe(true);
    }
    expect(total).toBe(stats.messages);
    expect(lengths.size).toBeGreaterThan(1);
    expect([...channels].sort()).toEqual(['1000', '1002', '1003']);
    expect([...types].sort()).toEqual(['ASSIGNMENT', 'COMMENT', 'MESSAGE', 'THREAD_STATUS_CHANGE', 'WELCOME_MESSAGE']);
    // Optional fields are sometimes missing, as in HubSpot's data.
    expect(threads.some((thread) => thread.assignedTo === undefined) && threads.some((thread) => thread.assignedTo !== undefined)).toBe(true);
    const sample = (await messagesOf(threads[5]?.id ?? '')).items.filter((entry) => entry.type === 'MESSAGE') as (WireMessage & { richText?: string })[];
    expect(sample.some((entry) => entry.richText === undefined) && sample.some((entry) => entry.richText !== undefined)).toBe(true);
    expect(threads.some((thread) => thread.status === 'OPEN') && threads.some((thread) => thread.status === 'CLOSED')).toBe(true);
    // Visitors who are not contacts yet: their thread carries a visitor id, which no contact has.
    const visitor = threads.find((thread) => !thread.associatedContactId.startsWith('90071992547'));
    expect(visitor).toBeDefined();
    expect((await client.get(`/crm/v3/objects/contacts/${visitor?.associatedContactId ?? ''}`)).status).toBe(404);
    // Newest first unless asked otherwise, as the spec's default sort is -createdAt.
    const newestFirst = (await client.get<WirePage<WireMessage>>(`/conversations/v3/conversations/threads/${threads[0]?.id ?? ''}/messages?limit=100`)).body.results;
    expect(newestFirst.map((entry) => entry.createdAt)).toEqual(newestFirst.map((entry) => entry.createdAt).sort().reverse());
  });

  it('gives some customers an earlier, closed conversation, listed for them by associatedContactId', async () => {
    const { items: threads } = await pageAll<WireThread>((after) => client.get(`/conversations/v3/conversations/threads?limit=50${after ? `&after=${after}` : ''}`));
    const byContact = new Map<string, WireThread[]>();
    for (const thread of threads) byContact.set(thread.associatedContactId, [...(byContact.get(thread.associatedContactId) ?? []), thread]);
    const withHistory = [...byContact.entries()].filter(([, list]) => list.length > 1);
    expect(withHistory.length).toBeGreaterThan(2);
    for (const [contactId, list] of withHistory) {
      expect(list).toHaveLength(2);
      // The earlier one is closed and older than the other.
      const [newer, older] = [...list].sort((a, b) => b.latestMessageTimestamp.localeCompare(a.latestMessageTimestamp));
      expect(older?.status).toBe('CLOSED');
      expect((older?.latestMessageTimestamp ?? '') < (newer?.latestMessageTimestamp ?? '')).toBe(true);
      const closed = await client.get<WirePage<WireThread>>(`/conversations/v3/conversations/threads?associatedContactId=${contactId}&threadStatus=CLOSED`);
      expect(closed.body.results.map((thread) => thread.id)).toContain(older?.id);
      // The customer who writes in the earlier conversation is this contact.
      const entries = (await messagesOf(older?.id ?? '')).items.filter((entry) => entry.type === 'MESSAGE');
      expect(entries.some((entry) => entry.direction === 'INCOMING')).toBe(true);
      expect(entries.every((entry) => entry.direction !== 'INCOMING' || entry.senders[0]?.actorId === `V-${contactId}`)).toBe(true);
    }
  });

  it('posts a customer message that shows up last, bumps the thread and is found by latestMessageTimestampAfter', async () => {
    const before = new Date().toISOString();
    const threadId = '8000000050';
    const countBefore = crm.stats().counts.messages;
    const none = await client.get<WirePage<WireThread>>(`/conversations/v3/conversations/threads?latestMessageTimestampAfter=${encodeURIComponent(before)}`);
    expect(none.body.results).toHaveLength(0);
    const posted = await client.post<WireMessage>('/__demo/customer-message', { threadId, text: 'Is my refund done yet?' });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ direction: 'INCOMING', text: 'Is my refund done yet?', type: 'MESSAGE', conversationsThreadId: threadId });
    const { items } = await messagesOf(threadId);
    expect(items.at(-1)).toEqual(posted.body);
    const changed = await client.get<WirePage<WireThread>>(`/conversations/v3/conversations/threads?latestMessageTimestampAfter=${encodeURIComponent(before)}`);
    expect(changed.body.results.map((thread) => thread.id)).toEqual([threadId]);
    expect(changed.body.results[0]).toMatchObject({ status: 'OPEN', latestMessageTimestamp: posted.body.createdAt });
    expect(crm.stats().counts.messages).toBe(countBefore + 1);
  });

  it('finds generated threads by their latest message time too', async () => {
    const { items: threads } = await pageAll<WireThread>((after) => client.get(`/conversations/v3/conversations/threads?limit=100${after ? `&after=${after}` : ''}`));
    const pivot = threads[30] as WireThread;
    const after = await pageAll<WireThread>((cursor) =>
      client.get(`/conversations/v3/conversations/threads?limit=7&latestMessageTimestampAfter=${encodeURIComponent(pivot.latestMessageTimestamp)}${cursor ? `&after=${cursor}` : ''}`),
    );
    const expected = threads.filter((thread) => thread.latestMessageTimestamp > pivot.latestMessageTimestamp).map((thread) => thread.id);
    expect(after.items.map((thread) => thread.id).sort()).toEqual(expected.sort());
    expect((await client.get('/conversations/v3/conversations/threads?latestMessageTimestampAfter=soon')).status).toBe(400);
  });

  it('sends an agent reply only in the shape HubSpot requires, and ignores Idempotency-Key as HubSpot does', async () => {
    const threadId = '8000000061';
    const thread = (await client.get<WireThread>(`/conversations/v3/conversations/threads/${threadId}`)).body;
    const customer = (await messagesOf(threadId)).items.find((entry) => entry.direction === 'INCOMING')?.senders[0];
    const body = replyBody(thread, 'Your refund was approved.', 'A-102', customer?.deliveryIdentifier);
    const path = `/conversations/v3/conversations/threads/${threadId}/messages`;
    const first = await client.post<WireMessage>(path, body, { 'Idempotency-Key': 'reply-61' });
    const again = await client.post<WireMessage>(path, body, { 'Idempotency-Key': 'reply-61' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
    expect(first.body).toMatchObject({ type: 'MESSAGE', direction: 'OUTGOING', client: { clientType: 'INTEGRATION' }, channelId: thread.originalChannelId, attachments: [] });
    expect(first.body.senders[0]).toMatchObject({ actorId: 'A-102', name: expect.stringContaining('Kofi') });
    const { items } = await messagesOf(threadId);
    expect(items.filter((message) => message.text === body.text)).toHaveLength(2);
    const effects = (await client.get<{ idempotencyKey: string; path: string }[]>('/__demo/side-effects')).body.filter((effect) => effect.idempotencyKey === 'reply-61');
    expect(effects).toHaveLength(2);

    // The old request shape is refused: `direction` is not in the schema, and the channel fields are required.
    const old = await client.post<{ message: string; correlationId: string }>(path, { type: 'MESSAGE', text: 'hi', direction: 'OUTGOING', senderActorId: 'A-1' });
    expect(old.status).toBe(400);
    expect(old.body.message).toMatch(/Unrecognized field "direction"/);
    expect(old.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const { channelId: _channel, ...withoutChannel } = body;
    void _channel;
    expect((await client.post(path, withoutChannel)).status).toBe(400);
    expect((await client.post(path, { ...body, senderActorId: 'A-1' })).status).toBe(400);
    expect((await client.post(path, { ...body, channelId: '1001' })).status).toBe(400);
    expect((await client.post(path, { ...body, text: '' })).status).toBe(400);
    expect((await client.post('/conversations/v3/conversations/threads/42/messages', body)).status).toBe(404);

    // An internal COMMENT needs only type, text and attachments, and does not move the thread's message times.
    const before = (await client.get<WireThread>(`/conversations/v3/conversations/threads/${threadId}`)).body;
    const note = await client.post<WireMessage>(path, { type: 'COMMENT', text: 'Handed over to billing.', attachments: [] });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ type: 'COMMENT', text: 'Handed over to billing.' });
    expect(note.body.direction).toBeUndefined();
    expect((await client.get<WireThread>(`/conversations/v3/conversations/threads/${threadId}`)).body.latestMessageTimestamp).toBe(before.latestMessageTimestamp);
    expect((await client.post(path, { type: 'COMMENT', text: 'x', attachments: [], senderActorId: 'A-102' })).status).toBe(400);
  });

  it('replays a repeated Idempotency-Key only when asked to (idempotencyKeys: true)', async () => {
    const old = await startDemoCrm({ seed: 4, contacts: 20, idempotencyKeys: true });
    try {
      const oldClient = demoClient(old.url);
      const thread = (await oldClient.get<WireThread>('/conversations/v3/conversations/threads/8000000003')).body;
      const path = `/conversations/v3/conversations/threads/${thread.id}/messages`;
      const first = await oldClient.post<WireMessage>(path, replyBody(thread, 'Once.', 'A-101', { type: 'HS_EMAIL_ADDRESS', value: 'x@example.com' }), { 'Idempotency-Key': 'k' });
      const again = await oldClient.post<WireMessage>(path, replyBody(thread, 'Once.', 'A-101', { type: 'HS_EMAIL_ADDRESS', value: 'x@example.com' }), { 'Idempotency-Key': 'k' });
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    } finally {
      await old.close();
    }
  });
});

describe('demo CRM live messages', () => {
  it('posts new customer messages into open conversations on a schedule', async () => {
    const crm = await startDemoCrm({ seed: 6, contacts: 400, liveMessagesEverySeconds: 0.05 });
    try {
      const client = demoClient(crm.url);
      const start = new Date(Date.now() - 1).toISOString();
      const base = crm.stats().counts.messages;
      for (let waited = 0; crm.stats().counts.messages < base + 3 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(crm.stats().counts.messages).toBeGreaterThanOrEqual(base + 3);
      const changed = (await client.get<WirePage<WireThread>>(`/conversations/v3/conversations/threads?latestMessageTimestampAfter=${encodeURIComponent(start)}`)).body.results;
      expect(changed.length).toBeGreaterThan(0);
      for (const thread of changed) {
        expect(thread.status).toBe('OPEN');
        const messages = (await client.get<WirePage<WireMessage>>(`/conversations/v3/conversations/threads/${thread.id}/messages?limit=100&sort=createdAt`)).body.results;
        const last = messages.filter((message) => message.type === 'MESSAGE').at(-1) as WireMessage;
        expect(last.direction).toBe('INCOMING');
        expect(last.createdAt).toBe(thread.latestMessageTimestamp);
        expect(last.text).not.toMatch(/\{\w+\}/);
      }
    } finally {
      await crm.close();
    }
  });
});
