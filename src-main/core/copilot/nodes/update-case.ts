import type { NodeDeps } from '../deps';
import type { CopilotStateType, CopilotStateUpdate } from '../state';

/** The one writer of `caseState`: what the new line does to the case (act, request, identity, slots, steps). */
export function updateCaseNode(deps: NodeDeps) {
  void deps;
  return (state: CopilotStateType): CopilotStateUpdate => ({ caseState: state.caseState });
}
