import { extractEntities } from '../../language/index';
import { emptyCaseState, type CaseState } from '../case/case-types';
import { updateCaseState, type CaseContext } from '../case/update-case';
import type { NodeDeps } from '../deps';
import type { CopilotStateType, CopilotStateUpdate } from '../state';

function caseContext(state: CopilotStateType, deps: Pick<NodeDeps, 'ports' | 'now'>, caseKey: string | undefined): CaseContext {
  const doneTools = state.proposals.filter((proposal) => (proposal.status === 'approved' || proposal.status === 'executed') && (!caseKey || !proposal.caseKey || proposal.caseKey === caseKey)).map((proposal) => proposal.tool);
  return { conversationId: state.conversationId, lookup: deps.ports, now: deps.now(), doneTools, orderKnown: (state.customer?.orders.length ?? 0) > 0 };
}

/**
 * A conversation checkpointed before the case existed has turns but an empty case: its earlier customer
 * lines are folded in first, so the case (and its identity) is what it would have been.
 */
export function derivedCaseState(state: CopilotStateType, deps: Pick<NodeDeps, 'ports' | 'now'>, upTo: number): CaseState {
  let caseState = state.caseState ?? emptyCaseState();
  if (caseState.acts.length > 0) return caseState;
  const earlier = state.turns.filter((turn) => turn.role === 'customer').slice(0, upTo);
  earlier.forEach((turn, index) => {
    const intent = state.intents[index];
    caseState = updateCaseState(caseState, { text: turn.text, intent, entities: extractEntities(turn.text), language: { code: state.language, confidence: 0.4 } }, caseContext(state, deps, undefined));
  });
  return caseState;
}

/** The one writer of `caseState`: what the new line does to the case (act, request, identity, slots, steps). */
export function updateCaseNode(deps: NodeDeps) {
  return (state: CopilotStateType): CopilotStateUpdate => {
    const customerLines = state.turns.filter((turn) => turn.role === 'customer').length;
    const previous = derivedCaseState(state, deps, Math.max(0, customerLines - 1));
    const lastIntent = state.intents.at(-1);
    const caseState = updateCaseState(
      previous,
      { text: state.incoming, intent: lastIntent ? { intent: lastIntent.intent, confidence: lastIntent.confidence } : undefined, entities: state.entities, language: { code: state.language, confidence: state.incoming.length >= 20 ? 0.6 : 0.3 } },
      caseContext(state, deps, previous.caseKey),
    );
    return { caseState };
  };
}
