import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '@contract/errors';
import { firstPage, useConversationStore } from '@renderer/stores/conversation';
import { useQueueStore } from '@renderer/stores/queue';
import { installFakeClient, settle, type FakeClient } from '../support/fake-client';
import { message, queueItem } from '../support/samples';

let client: FakeClient;

beforeEach(() => {
  setActivePinia(createPinia());
  client = installFakeClient();
});

describe('queue store', () => {
  beforeEach(() => {
    client.answer('workspace.listConversations', [
      queueItem('a', { waitingSince: '2026-11-25T08:00:00.000Z', unread: 2 }),
      queueItem('b', { customerName: 'Zed Shaw', channel: 'email' }),
      queueItem('c', { unread: 1 }),
    ]);
  });

  it('filters by waiting, unread and escalation, and searches names, subjects and channels', async () => {
    const queue = useQueueStore();
    await queue.load();
    expect(queue.visible.map((item) => item.id)).toEqual(['a', 'b', 'c']);
    queue.filter = 'waiting';
    expect(queue.visible.map((item) => item.id)).toEqual(['a']);
    queue.filter = 'unread';
    expect(queue.visible.map((item) => item.id)).toEqual(['a', 'c']);
    queue.filter = 'escalated';
    expect(queue.visible).toEqual([]);
    queue.setSignals('c', { escalated: true, sentiment: -0.6 });
    expect(queue.visible.map((item) => item.id)).toEqual(['c']);
    queue.filter = 'all';
    queue.search = 'zed';
    expect(queue.visible.map((item) => item.id)).toEqual(['b']);
    queue.search = 'EMAIL';
    expect(queue.visible.map((item) => item.id)).toEqual(['b']);
  });

  it('steps through the visible rows and clears the unread count of the row it lands on', async () => {
    const queue = useQueueStore();
    await queue.load();
    expect(queue.step(1)).toBe('a');
    expect(queue.active?.unread).toBe(0);
    expect(queue.step(1)).toBe('b');
    expect(queue.step(1)).toBe('c');
    expect(queue.step(1)).toBe('c');
    expect(queue.step(-1)).toBe('b');
  });

  it('moves a row on a live message: unread counts only for other conversations, our reply ends the wait', async () => {
    const queue = useQueueStore();
    await queue.load();
    queue.select('b');
    queue.noteMessage('b', { id: 'm1', direction: 'incoming', text: 'hello?', createdAt: '2026-11-25T09:10:00.000Z' });
    queue.noteMessage('c', { id: 'm2', direction: 'incoming', text: 'anyone?', createdAt: '2026-11-25T09:11:00.000Z' });
    const [a, b, c] = queue.items;
    expect(b?.unread).toBe(0);
    expect(b?.waitingSince).toBe('2026-11-25T09:10:00.000Z');
    expect(c?.unread).toBe(2);
    expect(c?.lastMessage).toBe('anyone?');
    queue.noteMessage('a', { id: 'm3', direction: 'outgoing', text: 'done', createdAt: '2026-11-25T09:12:00.000Z' });
    expect(a?.waitingSince).toBeNull();
  });

  it('shows the core’s own words when the queue cannot load, and drops answers that arrive out of order', async () => {
    const queue = useQueueStore();
    client.answer('workspace.listConversations', () => {
      throw new ContractError({ code: 'UNAVAILABLE', message: 'The cache is locked.', hint: 'Close the other window.' });
    });
    await queue.load();
    expect(queue.error).toEqual({ message: 'The cache is locked.', hint: 'Close the other window.' });

    let release: (value: ReturnType<typeof queueItem>[]) => void = () => undefined;
    client.answer('workspace.listConversations', () => new Promise((resolve) => (release = resolve)));
    const slow = queue.load();
    client.answer('workspace.listConversations', [queueItem('fresh')]);
    await queue.load();
    release([queueItem('stale')]);
    await slow;
    expect(queue.items.map((item) => item.id)).toEqual(['fresh']);
    expect(queue.error).toBeUndefined();
  });
});

describe('conversation store', () => {
  beforeEach(() => {
    client.answer('workspace.getConversation', ({ id }) => ({ id, customerId: `c-${id}`, messages: [message('m1'), message('m2', { direction: 'outgoing' })] }));
    client.answer('workspace.watchConversation', ({ id }) => ({ watching: id }));
  });

  it('opens a thread, watches it and applies live messages and delivery updates', async () => {
    const conversation = useConversationStore();
    await conversation.open('x');
    expect(conversation.customerId).toBe('c-x');
    expect(conversation.messages).toHaveLength(2);
    expect(client.calls.map((call) => call.method)).toContain('workspace.watchConversation');
    expect(conversation.apply({ conversationId: 'x', message: message('m3', { text: 'new' }) })).toBe(true);
    expect(conversation.lastIncoming?.id).toBe('m3');
    expect(conversation.apply({ conversationId: 'x', message: message('m2', { direction: 'outgoing', delivery: 'failed' }) })).toBe(false);
    expect(conversation.messages.find((item) => item.id === 'm2')?.delivery).toBe('failed');
    expect(conversation.apply({ conversationId: 'other', message: message('m9') })).toBe(false);
    expect(conversation.messages).toHaveLength(3);
  });

  it('sends the trimmed draft through the outbox, shows it pending and tells whether a suggestion was used', async () => {
    const conversation = useConversationStore();
    await conversation.open('x');
    client.answer('conversation.sendReply', ({ text }) => message('out-1', { direction: 'outgoing', text, delivery: 'pending' }));
    conversation.insert('Suggested reply', true);
    conversation.draft = 'Suggested reply, edited ';
    const sent = await conversation.send();
    expect(sent).toEqual({ text: 'Suggested reply, edited', suggestion: 'Suggested reply' });
    expect(conversation.draft).toBe('');
    expect(conversation.messages.at(-1)).toMatchObject({ id: 'out-1', delivery: 'pending' });
    expect(await conversation.send()).toBeUndefined();
  });

  it('keeps the draft when the reply cannot be queued', async () => {
    const conversation = useConversationStore();
    await conversation.open('x');
    client.answer('conversation.sendReply', () => {
      throw new Error('socket closed');
    });
    conversation.draft = 'Please keep me';
    expect(await conversation.send()).toBeUndefined();
    expect(conversation.draft).toBe('Please keep me');
    expect(conversation.sendError?.message).toBe('The reply could not be queued.');
  });

  it('retries an unanswered send with the same idempotency key, and a new reply with a new one', async () => {
    const conversation = useConversationStore();
    await conversation.open('x');
    const keys: string[] = [];
    let fail = true;
    client.answer('conversation.sendReply', ({ text, idempotencyKey }) => {
      keys.push(idempotencyKey);
      if (fail) throw new Error('socket closed');
      return message(`out-${keys.length}`, { direction: 'outgoing', text, delivery: 'pending' });
    });
    conversation.draft = 'Your parcel left the depot';
    await conversation.send();
    fail = false;
    await conversation.send();
    conversation.draft = 'Anything else I can do?';
    await conversation.send();
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
  });

  it('opens with the newest page and loads older pages without skipping messages that share the boundary timestamp', async () => {
    // 250 messages, two per timestamp: pages cut inside a pair must still show both.
    const all = Array.from({ length: 250 }, (_, index) => message(`m${String(index).padStart(3, '0')}`, { createdAt: new Date(Date.UTC(2026, 0, 1, 0, Math.floor(index / 2))).toISOString() }));
    client.answer('workspace.getConversation', ({ id, before, limit = 200 }) => {
      const upTo = before ? all.filter((item) => item.createdAt < before) : all;
      return { id, customerId: null, messages: upTo.slice(Math.max(0, upTo.length - limit)) };
    });
    const conversation = useConversationStore();
    await conversation.open('x');
    expect(conversation.messages).toHaveLength(firstPage);
    expect(conversation.hasOlder).toBe(true);
    const added = await conversation.loadOlder();
    expect(added).toBe(150);
    expect(conversation.messages.map((item) => item.id)).toEqual(all.map((item) => item.id));
    expect(conversation.hasOlder).toBe(false);
    expect(await conversation.loadOlder()).toBe(0);
  });

  it('appends a knowledge passage below what the agent wrote', () => {
    const conversation = useConversationStore();
    conversation.append('Passage one');
    expect(conversation.draft).toBe('Passage one');
    conversation.draft = 'Hello,  ';
    conversation.append('Passage two');
    expect(conversation.draft).toBe('Hello,\n\nPassage two');
  });

  it('ignores a thread that finishes loading after the agent moved on', async () => {
    let release: () => void = () => undefined;
    client.answer('workspace.getConversation', ({ id }) =>
      id === 'slow' ? new Promise((resolve) => (release = () => resolve({ id, customerId: null, messages: [message('late')] }))) : { id, customerId: null, messages: [message('fast')] },
    );
    const conversation = useConversationStore();
    const slow = conversation.open('slow');
    await conversation.open('fast');
    release();
    await slow;
    await settle();
    expect(conversation.id).toBe('fast');
    expect(conversation.messages.map((item) => item.id)).toEqual(['fast']);
  });
});
