import type { CaseIdentity, CaseSlots, CaseStep } from './case-types';
import { stepLabel, subflowActions } from './flows';

/** Proposal tools that complete a kb.json step once the agent approved them. */
const stepTools: Record<string, string[]> = {
  'offer-refund': ['request_refund'],
  'update-order': ['create_ticket', 'request_refund'],
  'update-account': ['create_ticket'],
  'make-password': ['create_ticket'],
  'send-link': ['create_ticket'],
  'notify-team': ['escalate_to_human'],
  'search-faq': ['search_knowledge'],
  'select-faq': ['search_knowledge'],
  'shipping-status': ['lookup_orders'],
};

/** The subflow's steps (kb.json), each done, next or still to do, from what the case knows so far. */
export function caseSteps(subflow: string | null, identity: CaseIdentity, slots: CaseSlots, doneTools: string[], orderKnown: boolean, corrected: string[]): CaseStep[] {
  if (!subflow) return [];
  const identified = identity.status === 'identified' || identity.status === 'verified';
  const done = (action: string): boolean => {
    if (corrected.includes(action)) return true;
    switch (action) {
      case 'pull-up-account':
        return identified;
      case 'verify-identity':
      case 'validate-purchase':
        return identity.status === 'verified';
      case 'membership':
        return Boolean(slots.membership);
      case 'record-reason':
        return Boolean(slots.reason || slots.product);
      case 'enter-details':
        return Boolean(slots.address || slots.accountId || slots.details || slots.phone);
      case 'shipping-status':
        return orderKnown || doneTools.includes('lookup_orders');
      default:
        return (stepTools[action] ?? []).some((tool) => doneTools.includes(tool));
    }
  };
  const steps: CaseStep[] = subflowActions(subflow).map((action) => ({ action, label: stepLabel(action), status: done(action) ? 'done' : 'todo' }));
  const next = steps.find((step) => step.status === 'todo');
  if (next) next.status = 'next';
  return steps;
}
