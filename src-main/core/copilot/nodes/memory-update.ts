import type { NodeDeps } from '../deps';
import type { CopilotStateType, CopilotStateUpdate } from '../state';
import { estimateTokens } from '../text-safety';

const preferencePatterns: [RegExp, string][] = [
  [/\b(email me|by email|prefer (?:an )?email|contact me (?:by|via) email)\b/i, 'prefers email'],
  [/\b(call me|by phone|prefer (?:a )?(?:call|phone))\b/i, 'prefers phone calls'],
  [/\b(text me|by sms|by text)\b/i, 'prefers text messages'],
];

/**
 * Keeps what matters when old turns leave the prompt: facts (order numbers, amounts, stated
 * preferences) stay in the rolling summary for the whole conversation; lasting preferences
 * become the customer's long-term memory.
 */
export function memoryUpdateNode(deps: NodeDeps) {
  return (state: CopilotStateType): CopilotStateUpdate => {
    const turn = state.turnCount;
    const facts = [...state.facts];
    for (const entity of state.entities) {
      if (['order_id', 'amount', 'date', 'email', 'account_id', 'username'].includes(entity.type)) facts.push(`turn ${turn}: ${entity.type.replace('_', ' ')} ${entity.value}`);
    }
    const intent = state.intents.at(-1)?.intent;
    if (intent && intent !== 'unknown' && intent !== 'none' && state.intents.filter((entry) => entry.intent === intent).length === 1) facts.push(`turn ${turn}: asked about ${intent.replace(/_/g, ' ')}`);
    const unique = [...new Set(facts)].slice(-60);
    if (state.customer) {
      for (const [pattern, fact] of preferencePatterns) if (pattern.test(state.incoming)) deps.ports.rememberFact(state.customer.id, fact);
    }
    // Turns beyond half the budget are summarised; the facts list carries their details forward.
    const recentTokens = state.turns.slice(-8).reduce((sum, item) => sum + estimateTokens(item.text), 0);
    const overflow = state.turns.length > 8 || recentTokens > deps.tokenBudget / 2;
    const summary = overflow
      ? [
          `Conversation so far (${state.turnCount} customer messages).`,
          `Topics: ${[...new Set(state.intents.map((entry) => entry.intent).filter((name) => name !== 'unknown' && name !== 'none'))].join(', ') || 'unclear'}.`,
          `Facts: ${unique.join('; ')}.`,
        ].join(' ')
      : state.summary;
    return { facts: unique, summary: summary.slice(0, Math.max(400, deps.tokenBudget)) };
  };
}
