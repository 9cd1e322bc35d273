import type { NodeDeps } from '../deps';
import type { CopilotStateType, CopilotStateUpdate } from '../state';

/**
 * The customer the case has identified (the thread's CRM contact, what they said, or the agent's correction),
 * with orders, tickets and memory fresh from the cache. Nobody is loaded on a claim that matched no one.
 */
export function gatherContextNode(deps: NodeDeps) {
  return (state: CopilotStateType): CopilotStateUpdate => {
    const identity = state.caseState.identity;
    if (!identity.customerId || (identity.status !== 'identified' && identity.status !== 'verified')) return { customer: null };
    const customer = deps.ports.customerById(identity.customerId);
    if (!customer) return { customer: null };
    const identifiedBy = identity.source === 'thread' ? 'conversation' : identity.source === 'agent' ? 'agent' : (identity.matched.filter((kind) => kind !== 'name')[0] ?? identity.matched[0] ?? 'name').replace('_', ' ');
    return { customer: { ...customer, identifiedBy } };
  };
}
