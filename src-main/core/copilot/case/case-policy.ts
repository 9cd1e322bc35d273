import type { CustomerContext, PolicyResult, Proposal } from '../types';
import type { CaseState } from './case-types';
import { checkChangeTicket } from './change-ticket-policy';
import { verificationStep } from './flows';
import { returnAllowed } from './return-window';

export interface CasePolicyContext {
  caseState: CaseState;
  customer: CustomerContext | undefined;
  now: Date;
  /** Every proposal of the conversation, including this turn's so far. */
  proposals: Proposal[];
  /** Cents already in the outbox as refunds of this order (sent or waiting), from any conversation. */
  refundedCents(orderId: string): number;
}

const returnSubflows = new Set(['return_size', 'return_color', 'return_stain']);
/** Side effects that need no verification: a person to talk to is never held back (issue: escalation). */
const noVerification = new Set(['escalate_to_human', 'send_reply', 'search_knowledge', 'lookup_orders', 'lookup_customer']);

export function toCents(amount: unknown): number | undefined {
  const value = typeof amount === 'number' ? amount : typeof amount === 'string' ? Number(amount) : Number.NaN;
  if (!Number.isFinite(value)) return undefined;
  const cents = Math.round(value * 100);
  return Math.abs(cents - value * 100) < 1e-6 ? cents : undefined;
}

/** The identity a side effect of this case needs: verified where the subflow has a verification step (kb.json). */
export function requiredIdentity(caseState: CaseState, tool: string): 'identified' | 'verified' {
  if (noVerification.has(tool)) return 'identified';
  const subflow = caseState.request?.subflow;
  return subflow && verificationStep(subflow) ? 'verified' : 'identified';
}

export function purchaseDateOf(caseState: CaseState, customer: CustomerContext | undefined, orderId: string | undefined): string | undefined {
  const order = customer?.orders.find((item) => item.id === orderId);
  return order?.placedAt?.slice(0, 10) ?? caseState.slots.purchaseDate;
}

/** Cents this order has had refunded or proposed for refund so far, other than proposal `exceptId`. */
export function refundedSoFar(context: CasePolicyContext, orderId: string, exceptId: string | null): number {
  const open = context.proposals.filter((item) => item.tool === 'request_refund' && item.id !== exceptId && String(item.args.orderId) === orderId && (item.status === 'pending' || item.status === 'approved'));
  // Executed proposals are in the outbox already, so they are counted there, once.
  return context.refundedCents(orderId) + open.reduce((sum, item) => sum + (toCents(item.args.amount) ?? 0), 0);
}

/**
 * The case's rules for a side effect, whoever proposed it (the offline planner, the model, or the agent's
 * edit): the identity the flow requires, the new value a change ticket carries, the refund policy of the open
 * case, and the order's refund total.
 */
export function checkCasePolicy(tool: string, args: Record<string, unknown>, context: CasePolicyContext, proposalId: string | null): PolicyResult {
  const { caseState, customer } = context;
  if (!customer) return { allowed: true };
  const needed = requiredIdentity(caseState, tool);
  const status = caseState.identity.status;
  const sideEffect = !['search_knowledge', 'lookup_orders', 'lookup_customer'].includes(tool);
  if (sideEffect && tool !== 'send_reply') {
    if (status !== 'identified' && status !== 'verified' && caseState.identity.source !== 'thread') return { allowed: false, reason: 'The customer has not been identified yet: ask for their full name, username, email or order id.' };
    if (needed === 'verified' && status !== 'verified') {
      return { allowed: false, reason: `This ${caseState.request?.label ?? 'request'} needs a verified identity first (${verificationStep(caseState.request?.subflow ?? '') ?? 'verification'}): identifiers from the customer that match the same account.` };
    }
  }
  const change = checkChangeTicket(tool, args, caseState, customer, context.now);
  if (!change.allowed) return change;
  if (tool !== 'request_refund') return { allowed: true };
  const subflow = caseState.request?.subflow ?? null;
  if (subflow === 'refund_status') return { allowed: false, reason: 'The customer asks where an existing refund is: look up its status; a new refund would pay twice.' };
  const orderId = String(args.orderId ?? '');
  const cents = toCents(args.amount);
  if (cents === undefined || cents < 1) return { allowed: false, reason: 'A refund amount must be at least $0.01, in whole cents.' };
  const order = customer.orders.find((item) => item.id === orderId);
  if (order) {
    const total = toCents(order.total) ?? Math.round(order.total * 100);
    const before = refundedSoFar(context, orderId, proposalId);
    if (before + cents > total) {
      return { allowed: false, reason: `Order ${orderId} totals ${(total / 100).toFixed(2)} and ${(before / 100).toFixed(2)} is already refunded or proposed: ${(cents / 100).toFixed(2)} more would exceed it.` };
    }
  }
  if (subflow && (returnSubflows.has(subflow) || (subflow === 'refund_initiate' && caseState.request?.intent === 'return'))) {
    const decision = returnAllowed({ membership: customer.membership || caseState.slots.membership, purchaseDate: purchaseDateOf(caseState, customer, orderId), receipt: caseState.slots.receipt, packaging: caseState.slots.packaging, now: context.now });
    if (decision.allowed !== true) return { allowed: false, reason: `Return policy: ${decision.why}` };
    return { allowed: true, note: decision.why };
  }
  return { allowed: true };
}
