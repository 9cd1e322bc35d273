import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../../paths/repo-root';
import type { IdentifierKind } from './case-types';

/** The retailer's flows (resources/copilot/abcd-kb.json and abcd-ontology.json, ASAPP ABCD, MIT). */
interface Ontology {
  subflows: Record<string, string[]>;
  kb_query: Record<string, string[]>;
}

let kb: Record<string, string[]> | undefined;
let ontology: Ontology | undefined;
let flowOf: Map<string, string> | undefined;

function load(): { kb: Record<string, string[]>; ontology: Ontology; flowOf: Map<string, string> } {
  kb ??= JSON.parse(readFileSync(join(resourcesDir(), 'copilot', 'abcd-kb.json'), 'utf8')) as Record<string, string[]>;
  ontology ??= JSON.parse(readFileSync(join(resourcesDir(), 'copilot', 'abcd-ontology.json'), 'utf8')) as Ontology;
  if (!flowOf) {
    flowOf = new Map();
    for (const [flow, subflows] of Object.entries(ontology.subflows)) for (const subflow of subflows) flowOf.set(subflow, flow);
  }
  return { kb, ontology, flowOf };
}

export function subflowActions(subflow: string): string[] {
  return load().kb[subflow] ?? [];
}

export function flowOfSubflow(subflow: string): string | null {
  return load().flowOf.get(subflow) ?? null;
}

export function isKnownSubflow(subflow: string): boolean {
  return Boolean(load().kb[subflow]);
}

/** FAQ and troubleshooting subflows are answered, not acted on: no account is needed. */
export function needsAccount(subflow: string): boolean {
  const first = subflowActions(subflow)[0];
  return first === 'pull-up-account';
}

/**
 * Subflows a draft answers without first asking who the customer is: the FAQ and troubleshooting ones,
 * whose first step is not pull-up-account, and the promo-code ones. kb.json pulls up the account there
 * only to re-issue a code, which the retailer maps to no side effect, so asking first only delays the answer.
 */
export function answeredWithoutAccount(subflow: string): boolean {
  return isKnownSubflow(subflow) && (!needsAccount(subflow) || subflow.startsWith('promo_code_'));
}

/** A flow all of whose subflows are answered without the account (storewide and item questions, site trouble). */
export function flowAnsweredWithoutAccount(flow: string): boolean {
  const subflows = load().ontology.subflows[flow] ?? [];
  return subflows.length > 0 && subflows.every(answeredWithoutAccount);
}

export function isFaqSubflow(subflow: string): boolean {
  return subflowActions(subflow)[0] === 'search-faq';
}

/** The verification step of the subflow (kb.json), if it has one: what a side effect must wait for. */
export function verificationStep(subflow: string): 'verify-identity' | 'validate-purchase' | null {
  const actions = subflowActions(subflow);
  if (actions.includes('validate-purchase')) return 'validate-purchase';
  if (actions.includes('verify-identity')) return 'verify-identity';
  return null;
}

const fieldKinds: Record<string, IdentifierKind | 'zip'> = { customer_name: 'name', account_id: 'account_id', order_id: 'order_id', zip_code: 'zip', username: 'username', email: 'email' };

/**
 * The identifiers the verification step checks against the account (ontology.json's kb queries; guidelines:
 * "Verify Identity: 3 out of 4", validate-purchase: username, email, order id). Recover-username also accepts
 * a phone number or email (guidelines.json).
 */
export function verificationIdentifiers(step: 'verify-identity' | 'validate-purchase'): (IdentifierKind | 'zip')[] {
  const fields = load().ontology.kb_query[step] ?? [];
  const kinds = fields.map((field) => fieldKinds[field]).filter((kind): kind is IdentifierKind | 'zip' => Boolean(kind));
  return step === 'verify-identity' ? [...kinds, 'phone', 'email'] : kinds;
}

const labels: Record<string, string> = {
  'pull-up-account': 'Pull up account',
  'verify-identity': 'Verify identity',
  'validate-purchase': 'Validate purchase',
  'record-reason': 'Record reason',
  'enter-details': 'Enter details',
  'offer-refund': 'Offer refund',
  'update-order': 'Update order',
  'update-account': 'Update account',
  'ask-the-oracle': 'Check the system',
  'shipping-status': 'Shipping status',
  'subscription-status': 'Subscription status',
  membership: 'Membership level',
  'notify-team': 'Notify team',
  'make-password': 'New password',
  'send-link': 'Send link',
  'promo-code': 'Promo code',
  'make-purchase': 'Make purchase',
  'search-faq': 'Search the FAQ',
  'select-faq': 'Answer from the FAQ',
  'try-again': 'Try again',
  'log-out-in': 'Log out and in',
  instructions: 'Instructions',
};

export function stepLabel(action: string): string {
  if (labels[action]) return labels[action];
  if (action.startsWith('search-')) return `Search ${action.slice(7)}`;
  return action.replace(/-/g, ' ');
}

const subflowLabels: Record<string, string> = {
  return_size: 'Return (wrong size)',
  return_color: 'Return (wrong colour)',
  return_stain: 'Return (stained item)',
  refund_initiate: 'Refund',
  refund_update: 'Add an item to a refund',
  refund_status: 'Refund status',
  missing: 'Missing item',
  cost: 'Shipping cost',
  manage: 'Change shipping address',
  status: 'Shipping status',
};

export function subflowLabel(subflow: string): string {
  return subflowLabels[subflow] ?? subflow.replace(/_/g, ' ').replace(/^\w/, (char) => char.toUpperCase());
}
