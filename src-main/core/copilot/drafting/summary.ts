import type { CaseState } from '../case/case-types';
import type { CustomerContext, Proposal, Turn } from '../types';
import { givenFacts } from './signals';

/**
 * The case in five parts, for the agent (always in English, the app's language): what the customer wants,
 * whether their identity is checked, the facts, what was done, what is pending. The summary on the panel
 * and the hand-off note are both this, so the next agent reads what this one saw.
 */
export interface CaseSummary {
  wants: string;
  identity: string;
  facts: string[];
  done: string[];
  pending: string[];
}

export interface SummaryInput {
  caseState: CaseState;
  customer: CustomerContext | null;
  proposals: Proposal[];
  turns: Turn[];
  language: string;
}

const languageNames: Record<string, string> = { en: 'English', es: 'Spanish', fr: 'French', de: 'German', pt: 'Portuguese' };

function money(value: unknown): string {
  const amount = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(amount) ? `$${amount.toFixed(2)}` : String(value);
}

/** One action in plain words: "refund of $94.00 on order 3925018476". */
export function describeAction(proposal: Proposal): string {
  const args = proposal.args;
  switch (proposal.tool) {
    case 'request_refund':
      return `refund of ${money(args.amount)} on order ${String(args.orderId ?? '?')}`;
    case 'create_ticket':
      return `ticket "${String(args.subject ?? 'untitled')}"`;
    case 'update_ticket':
      return `update of ticket ${String(args.ticketId ?? '?')}`;
    case 'escalate_to_human':
      return `escalation to a manager (${String(args.reason ?? 'no reason given')})`;
    case 'update_preferences':
      return 'contact preferences updated';
    case 'send_reply':
      return 'reply sent';
    default:
      return proposal.tool.replace(/__/g, ': ').replace(/_/g, ' ');
  }
}

export function summarizeCase(input: SummaryInput): CaseSummary {
  const { caseState, customer, proposals } = input;
  const lines = input.turns.filter((turn) => turn.role === 'customer').map((turn) => turn.text);
  const given = givenFacts(lines, caseState, customer);
  const request = caseState.request;
  const wants = request ? `${request.label}${request.confidence < 0.45 ? ' (unsure, check with the customer)' : ''}` : lines.length ? 'not clear yet' : 'no message yet';
  const identity = caseState.identity;
  const who = identity.customerName ?? customer?.name;
  const matched = identity.matched.length ? `, matched on ${identity.matched.join(', ').replace(/_/g, ' ')}` : '';
  const identityText =
    identity.status === 'unknown' && !customer
      ? 'not identified yet'
      : `${identity.status === 'unknown' ? 'identified' : identity.status}${who ? `: ${who}` : ''}${customer ? ` (${customer.membership}, id ${customer.id})` : ''}${matched}${identity.conflict ? `. Warning: ${identity.conflict}` : ''}`;
  const facts: string[] = [];
  for (const [slot, value] of Object.entries(caseState.slots)) if (value) facts.push(`${slot.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${slot === 'amountCents' ? money(Number(value) / 100) : value}`);
  if (given.membership && !caseState.slots.membership) facts.push(`membership: ${given.membership}`);
  if (given.purchaseDate && !caseState.slots.purchaseDate) facts.push(`purchase date: ${given.purchaseDate}`);
  if (given.item && !caseState.slots.product) facts.push(`item: ${given.item}`);
  const orderId = caseState.slots.orderId;
  const order = customer?.orders.find((item) => item.id === orderId);
  if (order) facts.push(`order ${order.id}: ${order.status}, total ${money(order.total)}`);
  facts.push(`language: ${languageNames[input.language] ?? input.language}`);
  const done: string[] = [];
  for (const step of caseState.steps) if (step.status === 'done') done.push(step.label || step.action);
  for (const proposal of proposals) {
    if (proposal.status === 'executed' && proposal.sideEffect) done.push(`${describeAction(proposal)}, approved and sent`);
    else if (proposal.status === 'approved') done.push(`${describeAction(proposal)}, approved`);
    else if (proposal.status === 'rejected') done.push(`${describeAction(proposal)}, rejected${proposal.decisionReason ? `: ${proposal.decisionReason}` : ''}`);
    else if (proposal.status === 'executed' && proposal.result) done.push(`looked up ${describeAction(proposal)}`);
  }
  const pending: string[] = [];
  for (const proposal of proposals) if (proposal.status === 'pending') pending.push(`${describeAction(proposal)}, waiting for approval`);
  const next = caseState.steps.find((step) => step.status === 'next');
  if (next) pending.push(`next step: ${next.label || next.action}`);
  if (caseState.resolved) pending.push('nothing, the case is resolved');
  return { wants, identity: identityText, facts, done, pending };
}

export function summaryText(summary: CaseSummary): string {
  return [
    `Wants: ${summary.wants}`,
    `Identity: ${summary.identity}`,
    `Facts: ${summary.facts.join('; ') || 'none yet'}`,
    `Done: ${summary.done.join('; ') || 'nothing yet'}`,
    `Pending: ${summary.pending.join('; ') || 'nothing'}`,
  ].join('\n');
}

/** Cuts at the last sentence or word end before `max` characters, never inside a word. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('\n'));
  const cut = sentenceEnd > max * 0.6 ? sentenceEnd + 1 : head.search(/\s+\S*$/);
  return `${head.slice(0, cut > 0 ? cut : head.length).trimEnd()}…`;
}

/**
 * The note the next agent reads on escalation or transfer: the summary's five parts, why it was handed
 * over, and the customer's last words. Each part is whole; only a very long quote is shortened, at a word.
 */
export function handoffNoteText(input: SummaryInput, reasons: string[]): string {
  const summary = summarizeCase(input);
  const last = input.turns.filter((turn) => turn.role === 'customer').slice(-2).map((turn) => `"${cutAtWord(turn.text.replace(/\s+/g, ' '), 300)}"`);
  return [summaryText(summary), `Why handed over: ${reasons.join(' ') || 'the agent asked for it'}`, `Last messages: ${last.join(' / ') || 'none'}`].join('\n');
}
