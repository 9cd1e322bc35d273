import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../../src-main/core/crm/demo/index';
import { demoClient, pageAll, type WireMessage, type WirePage, type WireThread } from './client';

describe('demo CRM conversations', () => {
  let crm: DemoCrm;
  let client: ReturnType<typeof demoClient>;
  beforeAll(async () => {
    crm = await startDemoCrm({ seed: 4, contacts: 90 });
    client = demoClient(crm.url);
  });
  afterAll(async () => crm.close());

  const messagesOf = (threadId: string) =>
    pageAll<WireMessage>((after) => client.get(`/conversations/v3/conversations/threads/${threadId}/messages?limit=4${after ? `&after=${after}` : ''}`));

  it('lists every thread once, each with its messages in ascending time, adding up to the stats', async () => {
    const { items: threads } = await pageAll<WireThread>((after) => client.get(`/conversations/v3/conversations/threads?limit=25${after ? `&after=${after}` : ''}`));
    const stats = crm.stats().counts;
    expect(threads).toHaveLength(stats.conversations);
    expect(new Set(threads.map((thread) => thread.id)).size).toBe(threads.length);
    let total = 0;
    const lengths = new Set<number>();
    const channels = new Set<string>();
    for (const thread of threads) {
      const { items } = await messagesOf(thread.id);
      total += items.length;
      lengths.add(items.length);
      channels.add(thread.channel);
      expect(items.map((message) => message.createdAt)).toEqual(items.map((message) => message.createdAt).sort());
      expect(items.at(-1)?.createdAt).toBe(thread.latestMessageTimestamp);
      expect(items[0]?.createdAt).toBe(thread.createdAt);
      for (const message of items) {
        expect(message.text).not.toMatch(/\{\w+\}/);
        expect(message.senders[0]?.actorId).toEqual(message.direction === 'INCOMING' ? `V-${thread.associatedContactId}` : expect.stringMatching(/^A-/));
      }
      expect(items.some((message) => message.direction === 'INCOMING')).toBe(true);
    }
    expect(total).toBe(stats.messages);
    expect(lengths.size).toBeGreaterThan(1);
    expect([...channels].sort()).toEqual(['chat', 'email', 'phone']);
    expect(threads.some((thread) => thread.status === 'OPEN') && threads.some((thread) => thread.status === 'CLOSED')).toBe(true);
  });

  it('posts a customer message that shows up last, bumps the thread and is found by latestMessageTimestampAfter', async () => {
    const before = new Date().toISOString();
    const threadId = '8000000050';
    const countBefore = crm.stats().counts.messages;
    const none = await client.get<WirePage<WireThread>>(`/conversations/v3/conversations/threads?latestMessageTimestampAfter=${encodeURIComponent(before)}`);
    expect(none.body.results).toHaveLength(0);
    const posted = await client.post<WireMessage>('/__demo/customer-message', { threadId, text: 'Is my refund done yet?' });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ direction: 'INCOMING', text: 'Is my refund done yet?', type: 'MESSAGE' });
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

  it('sends an agent reply once per idempotency key', async () => {
    const threadId = '8000000061';
    const body = { type: 'MESSAGE', text: 'Your refund was approved.', direction: 'OUTGOING', senderActorId: 'A-102' };
    const first = await client.post<WireMessage>(`/conversations/v3/conversations/threads/${threadId}/messages`, body, { 'Idempotency-Key': 'reply-61' });
    const again = await client.post<WireMessage>(`/conversations/v3/conversations/threads/${threadId}/messages`, body, { 'Idempotency-Key': 'reply-61' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(first.body.senders[0]).toEqual({ actorId: 'A-102', name: expect.stringContaining('Kofi') });
    const { items } = await messagesOf(threadId);
    expect(items.filter((message) => message.text === body.text)).toHaveLength(1);
    const effects = (await client.get<{ idempotencyKey: string; path: string }[]>('/__demo/side-effects')).body.filter((effect) => effect.idempotencyKey === 'reply-61');
    expect(effects).toEqual([expect.objectContaining({ idempotencyKey: 'reply-61', path: `/conversations/v3/conversations/threads/${threadId}/messages` })]);
    expect((await client.post(`/conversations/v3/conversations/threads/${threadId}/messages`, { text: '' })).status).toBe(400);
    expect((await client.post('/conversations/v3/conversations/threads/42/messages', { text: 'hi' })).status).toBe(404);
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
        const messages = (await client.get<WirePage<WireMessage>>(`/conversations/v3/conversations/threads/${thread.id}/messages?limit=100`)).body.results;
        const last = messages.at(-1) as WireMessage;
        expect(last.direction).toBe('INCOMING');
        expect(last.createdAt).toBe(thread.latestMessageTimestamp);
        expect(last.text).not.toMatch(/\{\w+\}/);
      }
    } finally {
      await crm.close();
    }
  });
});
