import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceRegistry } from '../../../src-main/core/app/service-registry';
import { coreConfigSchema } from '../../../src-main/core/config';
import { EventBus } from '../../../src-main/core/events/event-bus';
import { silentLogger } from '../../../src-main/core/log/logger';
import { startCrmService, type CrmService } from '../../../src-main/core/workspace/crm-service';
import { createWorkspaceHandlers } from '../../../src-main/core/workspace/handlers';

describe('workspace handlers on the demo workspace (demo CRM on 127.0.0.1, real sync)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'copilot-workspace-'));
  const events = new EventBus();
  let service: CrmService;
  let handlers: ReturnType<typeof createWorkspaceHandlers>;
  beforeAll(async () => {
    service = await startCrmService(coreConfigSchema.parse({ dataDir: dir, host: 'test' }), new ServiceRegistry(events), events, silentLogger);
    handlers = createWorkspaceHandlers(() => Promise.resolve(service), events);
    // The service starts its first sync by itself; this waits for it (or runs it when already finished).
    await handlers['sync.now']({});
  }, 40_000);
  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists open conversations with names and opens one with its customer profile', async () => {
    const status = await handlers['sync.status']({});
    expect(status).toMatchObject({ state: 'idle', lastError: null, quarantined: 0 });
    const queue = await handlers['workspace.listConversations']({});
    expect(queue.length).toBeGreaterThan(0);
    const first = queue[0];
    expect(first?.customerName).toBeTruthy();
    expect(first?.lastMessage).toBeTruthy();
    const conversation = await handlers['workspace.getConversation']({ id: first?.id ?? '' });
    expect(conversation.messages.length).toBe(first?.messageCount);
    const profile = await handlers['customer.getProfile']({ id: conversation.customerId ?? '' });
    expect(profile.contact.name).toBe(first?.customerName);
    expect(profile.conversations.map((item) => item.id)).toContain(first?.id);
    await expect(handlers['customer.getProfile']({ id: '1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("shows a customer's earlier conversations in their profile, beside the open one", async () => {
    const queue = await handlers['workspace.listConversations']({});
    const profiles = await Promise.all(queue.filter((item) => item.customerId).map((item) => handlers['customer.getProfile']({ id: item.customerId ?? '' })));
    const withHistory = profiles.filter((profile) => profile.conversations.length > 1);
    expect(withHistory.length).toBeGreaterThan(0);
    for (const profile of withHistory) expect(profile.conversations.some((conversation) => conversation.status !== 'open')).toBe(true);
  });

  it('sends a reply through the outbox: shown at once as pending, then delivered exactly once', async () => {
    const [first] = await handlers['workspace.listConversations']({});
    const states: string[] = [];
    events.on('conversation.message', (event) => {
      if (event.message.text === 'We have shipped a replacement.') states.push(event.message.delivery);
    });
    const sent = await handlers['conversation.sendReply']({ conversationId: first?.id ?? '', text: 'We have shipped a replacement.', idempotencyKey: 'reply-key-shipped-1' });
    expect(sent.delivery).toBe('pending');
    await expect.poll(() => states, { timeout: 10_000 }).toEqual(['pending', 'delivered']);
    const outbox = await handlers['outbox.list']({});
    expect(outbox.filter((item) => item.kind === 'send_reply')).toEqual([expect.objectContaining({ state: 'delivered', attempts: 1 })]);
    await handlers['sync.now']({});
    const messages = (await handlers['workspace.getConversation']({ id: first?.id ?? '' })).messages.filter((message) => message.text === 'We have shipped a replacement.');
    expect(messages).toEqual([expect.objectContaining({ id: sent.id, delivery: 'delivered' })]);
    const queue = await handlers['workspace.listConversations']({});
    expect(queue.find((item) => item.id === first?.id)).toMatchObject({ unread: 0, waitingSince: null });
  });

  it('sends a reply repeated with the same idempotency key once, and refuses the key for another text', async () => {
    const [, second] = await handlers['workspace.listConversations']({});
    const conversationId = second?.id ?? '';
    const input = { conversationId, text: 'Your refund is on its way.', idempotencyKey: 'reply-key-double-send' };
    const [one, two] = await Promise.all([handlers['conversation.sendReply'](input), handlers['conversation.sendReply'](input)]);
    const three = await handlers['conversation.sendReply'](input);
    expect(two.id).toBe(one.id);
    expect(three.id).toBe(one.id);
    await expect(handlers['conversation.sendReply']({ ...input, text: 'Something else' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const queued = (await handlers['outbox.list']({})).filter((item) => item.kind === 'send_reply' && item.customerId === (second?.customerId ?? 'unknown'));
    expect(queued).toHaveLength(1);
    const copies = (await handlers['workspace.getConversation']({ id: conversationId })).messages.filter((message) => message.text === input.text);
    expect(copies).toHaveLength(1);
  });

  it('deletes a memory fact of the customer it belongs to only', async () => {
    const [first] = await handlers['workspace.listConversations']({});
    const customerId = first?.customerId ?? '';
    service.db.memory.add(customerId, 'Prefers phone calls', 'test');
    const [fact] = (await handlers['customer.getProfile']({ id: customerId })).memory;
    expect(await handlers['customer.deleteMemory']({ customerId: 'someone-else', memoryId: fact?.id ?? 0 })).toEqual({ deleted: false });
    expect(await handlers['customer.deleteMemory']({ customerId, memoryId: fact?.id ?? 0 })).toEqual({ deleted: true });
    expect((await handlers['customer.getProfile']({ id: customerId })).memory).toEqual([]);
  });
});
