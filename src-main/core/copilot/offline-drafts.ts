import type { CopilotStateType } from './state';
import type { Suggestion } from './types';

const openers: Record<string, string> = {
  complaint: "I'm really sorry about this experience, and I want to put it right.",
  get_refund: "I'm sorry the order didn't work out; let me help with the refund.",
  track_refund: 'Let me check where your refund is.',
  track_order: 'Let me check where your order is.',
  cancel_order: 'I can help you cancel that order.',
  contact_human_agent: "I'm here and happy to help you personally.",
  recover_password: "Let's get you back into your account.",
  payment_issue: "I'm sorry about the trouble with your payment.",
};

function sentences(text: string): string[] {
  return text
    .replace(/\*\*|__|`|^#+\s*/gm, '')
    .replace(/^\s*(?:\d+\.|[-*])\s+/gm, '')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 25 && sentence.length < 320 && !/\[[A-Z][a-z]+ [a-z]/.test(sentence));
}

function overlap(sentence: string, words: Set<string>): number {
  return (sentence.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((word) => words.has(word)).length;
}

/**
 * With no LLM, replies are composed from the best knowledge passages and the customer's data:
 * every sentence is one an article says, and the article is cited.
 */
export function offlineSuggestions(state: CopilotStateType): Suggestion[] {
  const customerText = state.turns.filter((turn) => turn.role === 'customer').slice(-2).map((turn) => turn.text).join(' ');
  const words = new Set(customerText.toLowerCase().match(/[a-z]{4,}/g) ?? []);
  const intent = state.intents.at(-1);
  const name = state.customer?.name.split(' ')[0];
  const greeting = name ? `Hi ${name},` : 'Hi,';
  const rawOpener = openers[intent?.intent ?? ''] ?? 'Thanks for reaching out.';
  // "I" stays capital; any other opener continues the greeting's sentence.
  const opener = rawOpener.startsWith('I ') || rawOpener.startsWith("I'") ? rawOpener : rawOpener.charAt(0).toLowerCase() + rawOpener.slice(1);
  const order = state.customer?.orders.find((item) => customerText.includes(item.id)) ?? undefined;
  const orderLine = order ? ` I can see order ${order.id} is ${order.status}.` : '';
  const identify = state.customer ? '' : ' Could you share your full name, email or order number so I can pull up your account?';
  const out: Suggestion[] = [];
  for (const hit of state.knowledge.slice(0, 2)) {
    const best = sentences(hit.chunkText)
      .map((sentence, index) => ({ sentence, score: overlap(sentence, words) * 10 - index }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 2)
      .map((entry) => entry.sentence);
    if (best.length === 0) continue;
    out.push({
      text: `${greeting} ${opener}${orderLine}${identify} ${best.join(' ')}`.replace(/\s+/g, ' ').trim(),
      citations: [{ articleId: hit.articleId, title: hit.title, section: hit.section, ...(hit.url ? { url: hit.url } : {}) }],
      source: 'offline',
      confidence: Number(Math.min(0.9, (intent?.confidence ?? 0.3) * 0.6 + Math.min(0.4, hit.score * 8)).toFixed(2)),
    });
  }
  if (out.length === 0) out.push({ text: `${greeting} ${opener}${orderLine}${identify}`.trim(), citations: [], source: 'offline', confidence: 0.3 });
  return out;
}
