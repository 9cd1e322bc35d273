import { z } from 'zod';
import { method } from './define';

/** The agent's day, worked out in main from the cache. Labels and numbers only. */
export interface InsightsDayView {
  /** The local day, YYYY-MM-DD, and its bounds as ISO instants. */
  date: string;
  from: string;
  to: string;
  conversationsHandled: number;
  medianFirstReplyMs: number | null;
  suggestions: { asIs: number; edited: number; ignored: number };
  actions: { approved: number; edited: number; rejected: number };
  intents: { intent: string; count: number }[];
  sentiment: { negative: number; neutral: number; positive: number };
}

export interface ConversationInsightsView {
  conversationId: string;
  turns: number;
  intents: { intent: string; count: number }[];
  averageSentiment: number | null;
  escalatedTurns: number;
  escalationReasons: string[];
}

export const insightsMethods = {
  /** `timezoneOffsetMinutes` as the window's Date#getTimezoneOffset gives it, so "today" is the agent's day. */
  'insights.today': method(z.strictObject({ timezoneOffsetMinutes: z.number().int().min(-840).max(840).optional() })).returns<InsightsDayView>(),
  'insights.conversation': method(z.strictObject({ conversationId: z.string().min(1).max(64) })).returns<ConversationInsightsView>(),
};
