import { CoreError } from '../contract/errors';
import type { Handlers } from '../contract/index';
import type { CrmService } from '../workspace/crm-service';
import { dayFromBounds, localDay, median } from './local-day';

type InsightsHandlers = Pick<Handlers, 'insights.today' | 'insights.conversation'>;

/** Insights worked out from the cache in main, so every window (and a restart) sees the same day. */
export function createInsightsHandlers(getService: () => Promise<Pick<CrmService, 'db'>>, now: () => Date = () => new Date()): InsightsHandlers {
  const cache = async (): Promise<CrmService['db']> => {
    try {
      return (await getService()).db;
    } catch (error) {
      throw new CoreError('UNAVAILABLE', 'The customer cache could not be opened.', 'Restart the app; the log in the data folder says what went wrong.', { cause: error });
    }
  };
  return {
    'insights.today': async ({ timezoneOffsetMinutes, day: windowDay }) => {
      const db = await cache();
      const day = (windowDay && dayFromBounds(windowDay)) ?? localDay(now(), timezoneOffsetMinutes ?? 0);
      const replies = db.activity.firstReplies(day.from, day.to);
      const waits = replies.map((reply) => reply.waitedMs).filter((waited): waited is number => waited !== null);
      return { ...day, conversationsHandled: replies.length, medianFirstReplyMs: median(waits), ...db.activity.between(day.from, day.to) };
    },
    'insights.conversation': async ({ conversationId }) => ({ conversationId, ...(await cache()).activity.conversation(conversationId) }),
  };
}
