import { sentimentTrend } from '../../language/index';
import type { CopilotStateType, CopilotStateUpdate } from '../state';

const escalatingIntents = new Set(['complaint', 'contact_human_agent']);

/** The note the next agent reads, written offline from the state, so nobody asks the customer again. */
export function handoffNote(state: CopilotStateType): string {
  const customer = state.customer;
  const intents = [...new Set(state.intents.map((entry) => entry.intent).filter((intent) => intent !== 'unknown' && intent !== 'none'))];
  const tried = state.proposals.filter((proposal) => proposal.status !== 'pending').map((proposal) => `${proposal.tool} (${proposal.status}${proposal.decisionReason ? `: ${proposal.decisionReason}` : ''})`);
  const pending = state.proposals.filter((proposal) => proposal.status === 'pending').map((proposal) => proposal.tool);
  const lastWords = state.turns.filter((turn) => turn.role === 'customer').slice(-2).map((turn) => `"${turn.text.slice(0, 200)}"`);
  return [
    `Customer: ${customer ? `${customer.name} (${customer.membership}, id ${customer.id})` : 'not identified'}`,
    `Wants: ${intents.map((intent) => intent.replace(/_/g, ' ')).join(', ') || 'unclear'}`,
    `Tried: ${tried.join('; ') || 'nothing yet'}`,
    `Pending actions: ${pending.join(', ') || 'none'}`,
    `Sentiment: ${(state.sentiments.at(-1) ?? 0).toFixed(2)}, frustration ${state.frustration.toFixed(2)}${state.cues.length ? ` (${state.cues.join(', ')})` : ''}`,
    `Key facts: ${state.facts.slice(-6).join('; ') || 'none'}`,
    `Last messages: ${lastWords.join(' / ')}`,
  ].join('\n');
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
    return { escalation: { yes, reasons, handoffNote: yes ? handoffNote(state) : null } };
  };
}
