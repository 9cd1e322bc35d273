import { caseForDrafts } from './drafting/case-view';
import { composeDrafts } from './drafting/compose';
import type { CopilotStateType } from './state';
import type { Suggestion } from './types';

/**
 * With no LLM, replies are composed from the case: the move the flow needs next, in the conversation's
 * language, from help-centre sentences (cited) and move templates only.
 */
export function offlineSuggestions(state: CopilotStateType): Suggestion[] {
  return composeDrafts({ caseState: caseForDrafts(state), customer: state.customer, knowledge: state.knowledge, proposals: state.proposals, turns: state.turns });
}
