import { loadIntentModel, type IntentModel } from '../../language/intent/model';
import { createRedactor } from '../../language/redaction/redactor';
import { analyzeSentiment, sentimentTrend } from '../../language/sentiment';
import { contactLiterals, literalScrubber } from './customer-view';
import type { CopilotMcpSources } from './sources';

export interface ConversationSummary {
  id: string;
  subject: string | null;
  channel: string;
  status: string;
  /** Only with sharing: without it the summary names no one, by name or by id. */
  customerId?: string | null;
  messageCount: number;
  /** The intent of the customer's latest message, from the offline model. */
  latestIntent: { intent: string; confidence: number } | null;
  sentiment: { latest: number; average: number; worsening: boolean };
  lastMessages: { direction: 'incoming' | 'outgoing'; text: string; at: string }[];
  redacted: boolean;
}

const recentMessages = 6;
const maxMessageChars = 1_000;
let intentModel: IntentModel | undefined;
const round = (value: number): number => Number(value.toFixed(3));

/**
 * An extractive summary, built offline: subject, the customer's intent and mood, the last few
 * messages. No LLM is involved, so the server works on a machine without one.
 */
export function summarizeConversation(sources: CopilotMcpSources, conversationId: string): ConversationSummary | undefined {
  const conversation = sources.conversations?.get(conversationId);
  if (!conversation || !sources.conversations) return undefined;
  const messages = sources.conversations.messages(conversationId, { limit: 200 });
  const contact = conversation.contactId ? sources.customers?.get(conversation.contactId) : undefined;
  const names = contact ? [`${contact.firstName ?? ''} ${contact.lastName ?? ''}`.trim(), contact.firstName ?? '', contact.lastName ?? ''] : [];
  const redactor = sources.shareCustomerData ? undefined : createRedactor({ knownNames: names });
  const orders = contact ? (sources.customers?.orders(contact.id) ?? []) : [];
  const scrub = literalScrubber(contact ? contactLiterals(contact, orders) : []);
  const hide = (text: string): string => (redactor ? redactor.redact(scrub(text)) : text);
  const incoming = messages.filter((message) => message.direction === 'incoming');
  const scores: number[] = [];
  for (const message of incoming) scores.push(analyzeSentiment(message.text, scores).score);
  const latest = incoming.at(-1);
  const trend = sentimentTrend(scores);
  intentModel ??= loadIntentModel();
  const intent = latest ? intentModel.classify(latest.text, 1) : undefined;
  return {
    id: conversation.id,
    subject: conversation.subject ? hide(conversation.subject) : conversation.subject,
    channel: conversation.channel,
    status: conversation.status,
    ...(sources.shareCustomerData ? { customerId: conversation.contactId } : {}),
    messageCount: messages.length,
    latestIntent: intent ? { intent: intent.intent, confidence: Number(intent.confidence.toFixed(3)) } : null,
    sentiment: { latest: round(trend.latest), average: round(trend.average), worsening: trend.worsening },
    lastMessages: messages.slice(-recentMessages).map((message) => {
      const text = message.text.slice(0, maxMessageChars);
      return { direction: message.direction, text: hide(text), at: message.createdAt };
    }),
    redacted: !sources.shareCustomerData,
  };
}
