import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src-main/core/events/event-bus';
import { openCacheDatabase } from '../../../src-main/core/storage/index';
import type { CrmService } from '../../../src-main/core/workspace/crm-service';
import { createWorkspaceHandlers } from '../../../src-main/core/workspace/handlers';

function cache() {
  const db = openCacheDatabase(':memory:');
  const updatedAt = '2026-11-25T00:00:00.000Z';
  const contact = { email: null, phone: null, username: null, accountId: null, address: null, city: null, state: null, zip: null, membership: 'gold', lifetimeValue: 10, preferences: {}, updatedAt } as const;
  db.records.upsert('contacts', [
    { ...contact, id: 'k1', firstName: 'Ana', lastName: 'Ruiz' },
    { ...contact, id: 'k2', firstName: 'Ben', lastName: 'Okafor' },
  ]);
  db.records.upsert('orders', [
    { id: '3348917502', contactId: 'k1', name: 'Order 3348917502', total: 80, currency: 'USD', status: 'delivered', shippingAddress: null, placedAt: updatedAt, updatedAt },
    { id: '7916676427', contactId: 'k2', name: null, total: 20, currency: 'USD', status: 'shipped', shippingAddress: null, placedAt: updatedAt, updatedAt },
  ]);
  db.records.upsert('conversations', [
    { id: 'c1', contactId: 'k1', channel: 'chat', status: 'open', subject: 'Wrong size', createdAt: updatedAt, lastMessageAt: updatedAt, updatedAt },
    { id: 'c2', contactId: 'k2', channel: 'email', status: 'open', subject: 'Late parcel', createdAt: updatedAt, lastMessageAt: updatedAt, updatedAt },
  ]);
  db.records.upsertMessages([
    { id: 'm1', conversationId: 'c1', direction: 'incoming', sender: null, text: 'It does not fit', createdAt: updatedAt },
    { id: 'm2', conversationId: 'c2', direction: 'incoming', sender: null, text: 'Still waiting', createdAt: updatedAt },
  ]);
  return db;
}

describe('workspace: what a new agent looks for', () => {
  it('queue search finds a conversation by the order id the customer gave', async () => {
    const db = cache();
    const handlers = createWorkspaceHandlers(async () => ({ db }) as unknown as CrmService, new EventBus());
    expect((await handlers['workspace.listConversations']({ query: '7916676427' })).map((row) => row.id)).toEqual(['c2']);
    expect((await handlers['workspace.listConversations']({ query: '33489' })).map((row) => row.id)).toEqual(['c1']);
    expect((await handlers['workspace.listConversations']({ query: '99999999' })).map((row) => row.id)).toEqual([]);
    db.close();
  });

  it("an approved refund leaves a trace in the customer's profile, with its delivery state", async () => {
    const db = cache();
    const handlers = createWorkspaceHandlers(async () => ({ db }) as unknown as CrmService, new EventBus());
    db.outbox.enqueue({ customerId: 'k1', kind: 'request_refund', payload: { customerId: 'k1', orderId: '3348917502', amount: 40, reason: 'wrong size' }, idempotencyKey: 'copilot:c1:call_1' });
    db.outbox.enqueue({ customerId: 'k2', kind: 'create_ticket', payload: { customerId: 'k2', subject: 'Late parcel' }, idempotencyKey: 'copilot:c2:call_2' });
    const profile = await handlers['customer.getProfile']({ id: 'k1' });
    expect(profile.actions).toEqual([expect.objectContaining({ kind: 'request_refund', summary: 'Refund of 40 for order 3348917502', state: 'pending' })]);
    const outbox = await handlers['outbox.list']({});
    expect(outbox.map((item) => item.idempotencyKey).sort()).toEqual(['copilot:c1:call_1', 'copilot:c2:call_2']);
    db.close();
  });
});
