import type { Proposal } from '../types';
import type { CaseState } from './case-types';
import { checkCasePolicy, type CasePolicyContext } from './case-policy';

/**
 * A conversation checkpointed before cases existed: it has customer lines but its case never read one. Its
 * pending proposals were checked under the tool's policy alone, when they were made.
 */
export function isPreCaseState(state: { caseState?: CaseState | null; turns: { role: string }[] }): boolean {
  return (state.caseState?.acts.length ?? 0) === 0 && state.turns.some((turn) => turn.role === 'customer');
}

/**
 * The pending proposals of a pre-case conversation, re-checked by the current policy against the case its
 * lines make (`context.caseState`, derived): one that fails now is withdrawn with the reason; one that passes
 * joins the case, so that from now on it is checked like any other (at approval, and on every later line).
 * `checked` says which tools the case policy covers (the built-in ones; an MCP tool keeps its server's policy).
 * Returns only the proposals that changed.
 */
export function recheckRestoredProposals(context: CasePolicyContext, checked: (tool: string) => boolean): Proposal[] {
  const caseKey = context.caseState.caseKey;
  const changed: Proposal[] = [];
  const restored = (proposal: Proposal): boolean => proposal.status === 'pending' && proposal.sideEffect && !proposal.caseKey && checked(proposal.tool);
  // Checked oldest first, each against what stands before it: a later restored refund does not count against an
  // earlier one, and a withdrawn one no longer counts towards its order's total.
  const standing = context.proposals.filter((proposal) => !restored(proposal));
  for (const proposal of context.proposals) {
    if (!restored(proposal)) continue;
    const policy = checkCasePolicy(proposal.tool, proposal.args, { ...context, proposals: standing }, proposal.id);
    let next: Proposal = proposal;
    if (!policy.allowed) next = { ...proposal, status: 'withdrawn', decisionReason: `Withdrawn: made before the copilot followed cases, and the current policy refuses it. ${policy.reason}` };
    else if (caseKey) next = { ...proposal, caseKey };
    standing.push(next);
    if (next !== proposal) changed.push(next);
  }
  return changed;
}
