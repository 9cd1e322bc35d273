import { z } from 'zod';
import type { OutboxKindForTool } from '../ports';
import type { CustomerContext, PolicyResult, ToolName } from '../types';

export interface ToolSpec {
  name: ToolName;
  description: string;
  schema: z.ZodObject;
  /** Side-effecting tools wait for the agent's approval; read-only ones run at once. */
  sideEffect: boolean;
  outboxKind?: OutboxKindForTool;
  /** Runs whatever the model says: the deterministic rules a side effect must pass. */
  policy(args: Record<string, unknown>, customer: CustomerContext | undefined, conversationId: string): PolicyResult;
}

const id = z.string().min(1).max(64);
const refundableStates = new Set(['delivered', 'shipped', 'returned']);

function ownsCustomer(args: Record<string, unknown>, customer: CustomerContext | undefined): PolicyResult {
  if (!customer) return { allowed: false, reason: 'The customer has not been identified yet.' };
  if (args.customerId !== undefined && args.customerId !== customer.id) return { allowed: false, reason: 'The action names a different customer than the one in this conversation.' };
  return { allowed: true };
}

const readOnly = (): PolicyResult => ({ allowed: true });

export const toolCatalog: Record<ToolName, ToolSpec> = {
  search_knowledge: {
    name: 'search_knowledge',
    description: 'Search the help articles and policies. Read-only.',
    schema: z.object({ query: z.string().min(1).max(500) }),
    sideEffect: false,
    policy: readOnly,
  },
  lookup_orders: {
    name: 'lookup_orders',
    description: "List the current customer's orders with status and totals. Read-only.",
    schema: z.object({ customerId: id.optional() }),
    sideEffect: false,
    policy: (args, customer) => ownsCustomer(args, customer),
  },
  lookup_customer: {
    name: 'lookup_customer',
    description: "Show the current customer's profile. Read-only.",
    schema: z.object({ customerId: id.optional() }),
    sideEffect: false,
    policy: (args, customer) => ownsCustomer(args, customer),
  },
  request_refund: {
    name: 'request_refund',
    description: 'Request a refund for one of the customer\'s orders. Needs the agent\'s approval.',
    // Money is whole cents (so at least $0.01): an amount with a fraction of a cent is refused, not rounded.
    schema: z.object({
      customerId: id,
      orderId: id,
      amount: z
        .number()
        .positive()
        .max(100_000)
        .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, 'the amount must be in whole cents'),
      reason: z.string().min(1).max(1000),
    }),
    sideEffect: true,
    outboxKind: 'request_refund',
    policy(args, customer) {
      const owner = ownsCustomer(args, customer);
      if (!owner.allowed || !customer) return owner;
      const order = customer.orders.find((item) => item.id === args.orderId);
      if (!order) return { allowed: false, reason: `Order ${String(args.orderId)} does not belong to ${customer.name}.` };
      const amount = Number(args.amount);
      if (!(amount > 0) || amount > order.total + 1e-9) return { allowed: false, reason: `The amount ${amount} is more than the order total of ${order.total.toFixed(2)}.` };
      if (!refundableStates.has(order.status)) return { allowed: false, reason: `Order ${order.id} is ${order.status}: only shipped, delivered or returned orders are refunded (cancel a processing order instead).` };
      return { allowed: true, note: `Within the order total of ${order.total.toFixed(2)}.` };
    },
  },
  create_ticket: {
    name: 'create_ticket',
    description: 'Open a support ticket for the customer. Needs approval.',
    schema: z.object({ customerId: id, subject: z.string().min(1).max(300), content: z.string().max(5000).default(''), priority: z.enum(['LOW', 'MEDIUM', 'HIGH']).default('MEDIUM') }),
    sideEffect: true,
    outboxKind: 'create_ticket',
    policy: (args, customer) => ownsCustomer(args, customer),
  },
  update_ticket: {
    name: 'update_ticket',
    description: "Update one of the customer's open tickets. Needs approval.",
    schema: z.object({ customerId: id, ticketId: id, status: z.enum(['new', 'waiting on contact', 'waiting on us', 'closed']).optional(), note: z.string().max(5000).optional() }),
    sideEffect: true,
    outboxKind: 'update_ticket',
    policy(args, customer) {
      const owner = ownsCustomer(args, customer);
      if (!owner.allowed || !customer) return owner;
      return customer.openTickets.some((ticket) => ticket.id === args.ticketId) ? { allowed: true } : { allowed: false, reason: `Ticket ${String(args.ticketId)} is not an open ticket of ${customer.name}.` };
    },
  },
  escalate_to_human: {
    name: 'escalate_to_human',
    description: 'Hand the conversation to a senior agent with a handoff note. Needs approval.',
    schema: z.object({ customerId: id, reason: z.string().min(1).max(1000), handoffNote: z.string().max(5000).default('') }),
    sideEffect: true,
    outboxKind: 'escalate',
    policy: (args, customer) => ownsCustomer(args, customer),
  },
  update_preferences: {
    name: 'update_preferences',
    description: "Change the customer's contact preferences. Needs approval.",
    schema: z.object({ customerId: id, preferences: z.object({ contact_channel: z.enum(['email', 'chat', 'phone']).optional(), newsletter: z.boolean().optional() }) }),
    sideEffect: true,
    outboxKind: 'update_preferences',
    policy: (args, customer) => ownsCustomer(args, customer),
  },
  send_reply: {
    name: 'send_reply',
    description: 'Send a reply to the customer in this conversation. Needs approval.',
    schema: z.object({ conversationId: id, text: z.string().min(1).max(10_000) }),
    sideEffect: true,
    outboxKind: 'send_reply',
    policy: (args, _customer, conversationId) =>
      args.conversationId === conversationId ? { allowed: true } : { allowed: false, reason: 'A reply can only go to the conversation it was drafted for.' },
  },
};

export function isToolName(name: string): name is ToolName {
  return Object.hasOwn(toolCatalog, name);
}

/** Validates arguments against the tool's schema, then its policy. */
export function checkTool(name: string, rawArgs: unknown, customer: CustomerContext | undefined, conversationId: string): { args: Record<string, unknown>; policy: PolicyResult } {
  if (!isToolName(name)) return { args: {}, policy: { allowed: false, reason: `Unknown tool ${name.slice(0, 50)}.` } };
  const spec = toolCatalog[name];
  const parsed = spec.schema.safeParse(rawArgs);
  if (!parsed.success) {
    const args = rawArgs && typeof rawArgs === 'object' ? { ...(rawArgs as Record<string, unknown>) } : {};
    return { args, policy: { allowed: false, reason: `Invalid arguments: ${parsed.error.issues.slice(0, 2).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}` } };
  }
  const args = parsed.data as Record<string, unknown>;
  return { args, policy: spec.policy(args, customer, conversationId) };
}
