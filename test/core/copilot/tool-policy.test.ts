import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTool, toolCatalog } from '../../../src-main/core/copilot/tools/catalog';
import type { CustomerContext, ToolName } from '../../../src-main/core/copilot/types';

const customer: CustomerContext = {
  id: 'c-1',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  username: 'ada1815',
  phone: null,
  membership: 'gold',
  lifetimeValue: 900,
  orders: [
    { id: '1000000001', status: 'delivered', total: 120, placedAt: null, items: ['boots'] },
    { id: '1000000002', status: 'processing', total: 60, placedAt: null, items: ['scarf'] },
    { id: '1000000003', status: 'shipped', total: 35.5, placedAt: null, items: ['hat'] },
  ],
  openTickets: [{ id: 't-1', subject: 'Late parcel', stage: 'new' }],
  memory: [],
  identifiedBy: 'email',
};

const sideEffecting = (Object.keys(toolCatalog) as ToolName[]).filter((name) => toolCatalog[name].sideEffect);

describe('tool policies run whatever the model says', () => {
  it('never allows a refund above the order total, on an order of someone else, or in a state that is not refunded', () => {
    fc.assert(
      fc.property(fc.constantFrom(...customer.orders.map((order) => order.id), '1000000009'), fc.integer({ min: 1, max: 10_000_000 }).map((cents) => cents / 100), (orderId, amount) => {
        const { policy } = checkTool('request_refund', { customerId: customer.id, orderId, amount, reason: 'r' }, customer, 'conv-1');
        const order = customer.orders.find((item) => item.id === orderId);
        const shouldAllow = order !== undefined && amount <= order.total && ['delivered', 'shipped', 'returned'].includes(order.status);
        expect(policy.allowed).toBe(shouldAllow);
      }),
    );
  });

  it('refuses a refund amount that is not whole cents, or below one cent', () => {
    const orderId = customer.orders.find((order) => order.status === 'delivered')?.id ?? customer.orders[0]?.id;
    for (const amount of [0.001, 0.005, 1.234, 0]) {
      expect(checkTool('request_refund', { customerId: customer.id, orderId, amount, reason: 'r' }, customer, 'conv-1').policy.allowed).toBe(false);
    }
    expect(checkTool('request_refund', { customerId: customer.id, orderId, amount: 0.01, reason: 'r' }, customer, 'conv-1').policy.allowed).toBe(true);
  });

  it('blocks every side-effecting tool aimed at another customer, or before the customer is known', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sideEffecting.filter((name) => name !== 'send_reply')), fc.string({ minLength: 1, maxLength: 20 }).filter((id) => id !== customer.id), (name, otherId) => {
        const args = { customerId: otherId, orderId: '1000000001', amount: 1, reason: 'r', subject: 's', ticketId: 't-1', preferences: {} };
        expect(checkTool(name, args, customer, 'conv-1').policy.allowed).toBe(false);
        expect(checkTool(name, { ...args, customerId: customer.id }, undefined, 'conv-1').policy.allowed).toBe(false);
      }),
    );
  });

  it('sends a reply only to the conversation it was drafted for', () => {
    expect(checkTool('send_reply', { conversationId: 'conv-1', text: 'hi' }, customer, 'conv-1').policy.allowed).toBe(true);
    expect(checkTool('send_reply', { conversationId: 'conv-2', text: 'hi' }, customer, 'conv-1').policy).toMatchObject({ allowed: false });
  });

  it('updates only open tickets of this customer', () => {
    expect(checkTool('update_ticket', { customerId: customer.id, ticketId: 't-1', note: 'n' }, customer, 'conv-1').policy.allowed).toBe(true);
    expect(checkTool('update_ticket', { customerId: customer.id, ticketId: 't-9', note: 'n' }, customer, 'conv-1').policy.allowed).toBe(false);
  });

  it('rejects unknown tools and arguments that fail the schema, with a reason', () => {
    fc.assert(
      fc.property(fc.anything(), (args) => {
        const result = checkTool('request_refund', args, customer, 'conv-1');
        const valid = toolCatalog.request_refund.schema.safeParse(args).success;
        if (!valid) expect(result.policy).toMatchObject({ allowed: false, reason: expect.stringMatching(/Invalid arguments/) });
      }),
    );
    expect(checkTool('delete_everything', {}, customer, 'conv-1').policy).toMatchObject({ allowed: false, reason: expect.stringMatching(/Unknown tool/) });
  });

  it('lets read-only tools run at once and keeps every side-effecting tool behind approval', () => {
    expect(sideEffecting.sort()).toEqual(['create_ticket', 'escalate_to_human', 'request_refund', 'send_reply', 'update_preferences', 'update_ticket']);
    for (const name of ['search_knowledge', 'lookup_orders', 'lookup_customer'] as const) expect(toolCatalog[name].sideEffect).toBe(false);
    for (const name of sideEffecting) expect(toolCatalog[name].outboxKind).toBeDefined();
  });
});
