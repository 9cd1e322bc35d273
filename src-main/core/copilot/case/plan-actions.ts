import type { CustomerContext, ToolName } from '../types';
import type { CaseSlotName, CaseState } from './case-types';
import { isFaqSubflow, subflowActions } from './flows';
import { foldText } from './fold-text';
import { samePhone } from './identity';
import { returnAllowed } from './return-window';

export interface PlannedCall {
  tool: ToolName;
  args: Record<string, unknown>;
  why: string;
}

type Order = CustomerContext['orders'][number];
const shipped = new Set(['shipped', 'delivered', 'returned', 'in transit', 'out for delivery']);

function caseOrder(caseState: CaseState, customer: CustomerContext): Order | undefined {
  const named = caseState.slots.orderId ? customer.orders.find((order) => order.id === caseState.slots.orderId) : undefined;
  return named ?? customer.orders[0];
}

const dollars = (cents: number): number => Math.round(cents) / 100;

/** What the retailer refunds for a service added to an account by mistake (guidelines: "The amount should be for $40"). */
const serviceRefundCents = 4000;

function amountCents(caseState: CaseState): number | undefined {
  const value = Number(caseState.slots.amountCents);
  return Number.isFinite(value) && value >= 1 ? value : undefined;
}

/** The new value a change ticket carries, under the label the team reads. */
const changeLabels: [CaseSlotName, string][] = [
  ['newName', 'New name'],
  ['deliveryTime', 'New delivery time'],
  ['paymentMethod', 'New payment method'],
];

/** The value a ticket written by `ticket` carries for a change slot ("New name: …"), if any. */
export function ticketChangeValue(content: unknown, slot: CaseSlotName): string | undefined {
  const label = slot === 'address' ? 'New address' : slot === 'phone' ? 'Phone' : changeLabels.find(([name]) => name === slot)?.[1];
  if (!label || typeof content !== 'string') return undefined;
  return content.split('\n').find((line) => line.startsWith(`${label}: `))?.slice(label.length + 2);
}

function ticket(customer: CustomerContext, caseState: CaseState, order: Order | undefined, subject: string, why: string): PlannedCall {
  const slots = caseState.slots;
  const changes = changeLabels.filter(([slot]) => slots[slot]).map(([slot, label]) => `${label}: ${slots[slot] ?? ''}`);
  // An address or phone the customer gave to prove who they are is the record's own: on a name change it would
  // read as a second change the team should make.
  const address = slots.address && !valueOnFile('address', slots.address, customer) ? `New address: ${slots.address}` : '';
  const phone = slots.phone && !valueOnFile('phone', slots.phone, customer) ? `Phone: ${slots.phone}` : '';
  const details = [slots.reason, ...changes, slots.membership ? `Membership: ${slots.membership}` : '', address, phone].filter(Boolean).join('\n');
  return { tool: 'create_ticket', args: { customerId: customer.id, subject: `${subject}${order ? ` (order ${order.id})` : ''}`, content: details.slice(0, 1000), priority: 'MEDIUM' }, why };
}

function refund(customer: CustomerContext, caseState: CaseState, order: Order, cents: number, why: string): PlannedCall {
  return { tool: 'request_refund', args: { customerId: customer.id, orderId: order.id, amount: dollars(cents), reason: (caseState.slots.reason ?? caseState.request?.label ?? 'Refund').slice(0, 300) }, why };
}

/**
 * The membership level the policy may use. Where the subflow's flow has a `membership` step (kb.json), the
 * agent asks for it before acting, so nothing that depends on it is proposed until that step is done (the
 * customer said it, or the agent marked it); the record's level, when there is one, is what counts.
 */
function membershipOf(caseState: CaseState, customer: CustomerContext, subflow: string | null): string | undefined {
  const asked = subflow !== null && subflowActions(subflow).includes('membership');
  const stepDone = caseState.steps.some((step) => step.action === 'membership' && step.status === 'done');
  if (asked && !stepDone && !caseState.slots.membership) return undefined;
  return customer.membership || caseState.slots.membership;
}

/**
 * The slot a ticket's change is about: the ticket is proposed on the line that fills it, and carries it,
 * never before (an address change without the new address is a ticket the team cannot act on).
 */
const ticketNeeds: Partial<Record<string, CaseSlotName>> = {
  manage: 'address',
  manage_change_address: 'address',
  manage_change_phone: 'phone',
  manage_change_name: 'newName',
  status_delivery_time: 'deliveryTime',
  status_payment_method: 'paymentMethod',
  manage_payment_method: 'paymentMethod',
};

/** The slot whose new value the subflow's change ticket waits for, if any. */
export function changeSlotOf(subflow: string | null | undefined): CaseSlotName | undefined {
  return subflow ? ticketNeeds[subflow] : undefined;
}

const wordsOf = (value: string | null | undefined): string => (value ?? '').toLowerCase().replace(/[^\p{L}\d]+/gu, ' ').trim();

/**
 * The case's value for a change is the one already on file: a phone number or address the customer gave to
 * identify themselves fills the same slot as the new one, and a ticket with it would change nothing. The
 * drafts use it too, so that they ask for the new value while the ticket waits for it.
 */
export function changeValueOnFile(slot: CaseSlotName, caseState: CaseState, customer: CustomerContext | null | undefined): boolean {
  return valueOnFile(slot, caseState.slots[slot], customer);
}

/** This value of a change slot is the record's own: a change to it would change nothing. */
export function valueOnFile(slot: CaseSlotName, value: string | undefined, customer: CustomerContext | null | undefined): boolean {
  if (!value || !customer) return false;
  if (slot === 'phone') return samePhone(customer.phone, value);
  if (slot === 'address') return Boolean(customer.address) && wordsOf(customer.address).startsWith(wordsOf(value));
  if (slot === 'newName') return foldText(customer.name) === foldText(value);
  return false;
}

/** Subflows whose flow changes an order or an account: the product logs them on a ticket (conversations-dev README). */
const ticketSubflows: Record<string, string> = {
  missing: 'Reship the missing item',
  manage: 'Change the shipping address',
  status_delivery_time: 'Change the delivery time',
  status_payment_method: 'Change the payment method',
  manage_upgrade: 'Upgrade to overnight shipping',
  manage_downgrade: 'Move delivery to next week',
  manage_create: 'Add an item to the order',
  manage_change_address: 'Update the account address',
  manage_change_name: 'Update the account name',
  manage_change_phone: 'Update the account phone number',
  manage_payment_method: 'Update the payment method on file',
  recover_password: 'Generate a new password',
  reset_2fa: 'Send a two-factor reset link',
  status_service_removed: 'Restore the removed service',
  manage_pay_bill: 'Take the subscription payment',
};

const generalTickets: Record<string, string> = {
  create_account: 'Create an account',
  delete_account: 'Close the account',
  edit_account: 'Edit the account',
  switch_account: 'Switch accounts',
  registration_problems: 'Registration problem',
};

/**
 * The actions the retailer's flow calls for now, from the case and its policy (guidelines.json), never from
 * the last line alone. Called every turn; the caller drops what was already proposed in this case.
 */
export function planCaseActions(caseState: CaseState, customer: CustomerContext | undefined, now: Date, lastText: string): PlannedCall[] {
  const request = caseState.request;
  if (!request || caseState.resolved) return [];
  const plans: PlannedCall[] = [];
  const subflow = request.subflow;
  // A manager asked for is notified whatever the case, an FAQ question included (guidelines: notify-team),
  // and after the customer turned an offer down too: "no coupon, get me your supervisor" wants a person.
  if (caseState.humanRequested && customer) {
    plans.push({ tool: 'escalate_to_human', args: { customerId: customer.id, reason: `The customer asked for a manager (${request.label}).`, handoffNote: '' }, why: 'The customer asked for a manager or a person (guidelines: notify the manager).' });
  }
  // Turned down: nothing else is offered in this case until the customer asks again.
  if (caseState.declined) return plans;
  const identified = caseState.identity.status === 'identified' || caseState.identity.status === 'verified';
  // Promotional e-mails stopped on the side of another request, once the account is known.
  if (caseState.optOut && customer && identified && request.intent !== 'newsletter_subscription') {
    plans.push({ tool: 'update_preferences', args: { customerId: customer.id, preferences: { newsletter: false } }, why: 'The customer asked, beside their request, to stop promotional e-mails.' });
  }
  if (subflow && isFaqSubflow(subflow)) {
    // A new question (or the one that opened the case) is looked up; thanks and small talk are not.
    if (caseState.lastAct !== 'request' && caseState.lastAct !== 'information') return plans;
    return [...plans, { tool: 'search_knowledge', args: { query: lastText.slice(0, 500) }, why: `A ${request.label.toLowerCase()} question: answer it from the FAQ.` }];
  }
  if (!customer) return plans;
  const verified = caseState.identity.status === 'verified';
  if (!identified) return plans;
  const order = caseOrder(caseState, customer);
  const membership = membershipOf(caseState, customer, subflow);
  const cents = amountCents(caseState);
  const orderCents = order ? Math.round(order.total * 100) : undefined;
  switch (subflow) {
    case 'refund_initiate':
    case 'return_size':
    case 'return_color':
    case 'return_stain': {
      if (subflow === 'refund_initiate' && request.intent !== 'return') {
        if (verified && order && orderCents) plans.push(refund(customer, caseState, order, Math.min(cents ?? orderCents, orderCents), 'Purchase validated: offer the refund.'));
        break;
      }
      if (!verified || !order || !orderCents) break;
      const decision = returnAllowed({ membership, purchaseDate: order.placedAt?.slice(0, 10) ?? caseState.slots.purchaseDate, receipt: caseState.slots.receipt, packaging: caseState.slots.packaging, now });
      if (decision.allowed === true) plans.push(refund(customer, caseState, order, Math.min(cents ?? orderCents, orderCents), `Purchase validated; ${decision.why}`));
      // Outside the window, or not known yet (receipt, packaging): the agent needs the return policy, not a refund.
      else plans.push({ tool: 'search_knowledge', args: { query: 'return policy membership window receipt original packaging' }, why: decision.allowed === false ? `No refund: ${decision.why} Explain the return policy.` : `Before any refund: ${decision.why}` });
      break;
    }
    case 'refund_update':
      if (verified && order && cents) plans.push(refund(customer, caseState, order, cents, 'Purchase validated: the new item is added to the refund.'));
      break;
    case 'refund_status':
      plans.push({ tool: 'lookup_orders', args: { customerId: customer.id }, why: 'The customer asks where their refund is: look up its status (never a new refund).' });
      // Guidelines: a customer who does not like the refund's payment method has it changed (update-order "change method").
      if (verified && caseState.slots.paymentMethod) plans.push(ticket(customer, caseState, order, "Change the refund's payment method", 'The customer wants the refund paid another way: the change is logged on a ticket for the team.'));
      break;
    case 'cost':
      if (!verified || !order) break;
      if (shipped.has(order.status) && membership && membership !== 'guest' && cents) plans.push(refund(customer, caseState, order, Math.min(cents, orderCents ?? cents), `Already ${order.status}: ${membership} members get the shipping fee credited back.`));
      else if (!shipped.has(order.status)) plans.push(ticket(customer, caseState, order, 'Delay the shipping date', 'Not shipped yet: the shipping date can be moved at no cost.'));
      break;
    case 'mistimed_billing_already_returned':
    case 'mistimed_billing_never_bought':
      if (verified && order && membership === 'gold') plans.push(refund(customer, caseState, order, Math.min(cents ?? orderCents ?? 0, orderCents ?? 0) || (orderCents ?? 0), 'Gold member: give the credit now (guidelines).'));
      break;
    case 'status_service_added':
      plans.push(ticket(customer, caseState, order, 'Remove the service added by mistake', 'The customer never signed up for this service: remove it from the account.'));
      // Guidelines: the refund for a service added by mistake is $40 unless the customer says what it cost.
      if (order) plans.push(refund(customer, caseState, order, Math.min(cents ?? serviceRefundCents, orderCents ?? serviceRefundCents), cents ? 'Refund what the unwanted service cost.' : 'Refund the unwanted service: $40, the standard amount (guidelines).'));
      break;
    case 'status_mystery_fee':
      if (verified && order && cents && (membership === 'gold' || membership === 'silver')) plans.push(refund(customer, caseState, order, cents, `${membership} members always get extra fees removed (guidelines).`));
      break;
    case 'manage_cancel':
    case 'status_quantity':
      if (verified && order && cents && membership && (!shipped.has(order.status) || membership !== 'guest')) plans.push(refund(customer, caseState, order, Math.min(cents, orderCents ?? cents), 'Refund the unwanted item.'));
      break;
    case 'manage_extension':
      if (verified && (membership === 'gold' || membership === 'silver')) plans.push(ticket(customer, caseState, order, 'Extend the subscription', `${membership} member: an extension is allowed.`));
      break;
    case 'manage_dispute_bill':
      if (verified && order && cents && (membership === 'gold' || (membership === 'silver' && cents < 1000))) plans.push(refund(customer, caseState, order, cents, 'The disputed amount is refunded (membership policy).'));
      break;
    default: {
      const subject = subflow ? ticketSubflows[subflow] : request.intent ? generalTickets[request.intent] : undefined;
      const needsVerified = subflow !== null && !['recover_password', 'reset_2fa', 'status_service_removed'].includes(subflow) && subflow !== 'missing' && subflow !== 'manage';
      const ready = subflow === 'missing' || subflow === 'manage' ? verified : needsVerified ? verified : identified;
      const needed = subflow ? ticketNeeds[subflow] : undefined;
      // A flow that asks the membership level (an upgrade's cost, a downgrade) logs its change once it is known.
      const membershipWanted = subflow !== null && subflowActions(subflow).includes('membership') && !membership;
      if (subject && ready && (!needed || (caseState.slots[needed] && !changeValueOnFile(needed, caseState, customer))) && !membershipWanted) plans.push(ticket(customer, caseState, order, subject, `${request.label}: the change is logged on a ticket for the team.`));
      if (request.intent === 'newsletter_subscription' && subflow === null) {
        plans.push({ tool: 'update_preferences', args: { customerId: customer.id, preferences: { newsletter: false } }, why: 'The customer does not want promotional e-mails.' });
      }
      break;
    }
  }
  return plans;
}
