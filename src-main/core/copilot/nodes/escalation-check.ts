import { sentimentTrend } from '../../language/index';
import { caseForDrafts } from '../drafting/case-view';
import { conversationLanguage } from '../drafting/signals';
import { handoffNoteText } from '../drafting/summary';
import type { CopilotStateType, CopilotStateUpdate } from '../state';

const escalatingIntents = new Set(['complaint', 'contact_human_agent']);

/** The note the next agent reads, written offline from the case, so nobody asks the customer again. */
export function handoffNote(state: CopilotStateType, reasons: string[] = []): string {
  const caseState = caseForDrafts(state);
  const language = conversationLanguage(state.turns.filter((turn) => turn.role === 'customer').map((turn) => turn.text), caseState.language);
  return handoffNoteText({ caseState, customer: state.customer, proposals: state.proposals, turns: state.turns, language }, reasons);
}

/** Whether to hand over, and why, in words the agent can check. */
export function escalationCheckNode() {
  return (state: CopilotStateType): CopilotStateUpdate => {
    const reasons: string[] = [];
    const intent = state.intents.at(-1)?.intent ?? '';
    if (escalatingIntents.has(intent)) reasons.push(intent === 'complaint' ? 'The customer is complaining.' : 'The customer asked for a person.');
    const trend = sentimentTrend(state.sentiments);
    if (trend.worsening) reasons.push('Sentiment is getting worse.');
    if (state.frustration >= 0.6) reasons.push(`High frustration (${state.cues.join(', ') || 'strong negative tone'}).`);
    const failed = state.proposals.filter((proposal) => proposal.status === 'rejected' || proposal.status === 'blocked').length;
    if (failed >= 2) reasons.push(`${failed} proposed resolutions were rejected or blocked.`);
    const sameIntent = state.intents.filter((entry) => entry.intent === intent && intent !== 'unknown' && intent !== 'none').length;
    if (sameIntent >= 3) reasons.push(`The customer has asked about "${intent.replace(/_/g, ' ')}" ${sameIntent} times.`);
    if (state.customer?.membership === 'gold' && (state.sentiments.at(-1) ?? 0) < -0.2) reasons.push('A gold member is unhappy.');
    if (state.turnCount >= 12) reasons.push(`Long conversation (${state.turnCount} customer messages).`);
    const yes = reasons.length > 0 && (escalatingIntents.has(intent) || reasons.length >= 2);
    return { escalation: { yes, reasons, handoffNote: yes ? handoffNote(state, reasons) : null } };
  };
}
