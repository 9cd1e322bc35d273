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
  /**
   * `day`: the window's local day, its date and the instants its midnights fall on (a day the clocks change is 23 or
   * 25 hours long, which no single offset describes). `timezoneOffsetMinutes` (Date#getTimezoneOffset) is the fallback.
   */
  'insights.today': method(
    z.strictObject({
      timezoneOffsetMinutes: z.number().int().min(-840).max(840).optional(),
      day: z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }).optional(),
    }),
  ).returns<InsightsDayView>(),
  'insights.conversation': method(z.strictObject({ conversationId: z.string().min(1).max(64) })).returns<ConversationInsightsView>(),
};
