import type { Handlers } from '../contract/index';
import type { Logger } from '../log/logger';
import type { CrmService } from '../workspace/crm-service';

type Recorded = Pick<Handlers, 'copilot.turn' | 'copilot.decide' | 'conversation.sendReply'>;

/**
 * Wraps the handlers whose outcome Insights counts and records each success in the cache. Recording
 * never fails the call it follows: a lost tally is better than a lost reply or decision.
 */
export function recordActivity<H extends Recorded>(handlers: H, getService: () => Promise<Pick<CrmService, 'db'>>, logger: Logger): H {
  const record = async (write: (db: CrmService['db']) => void): Promise<void> => {
    try {
      write((await getService()).db);
    } catch (error) {
      logger.warn('insights activity not recorded', { error: error instanceof Error ? error.message : String(error) });
    }
  };
  return {
    ...handlers,
    'copilot.turn': async (input) => {
      const view = await handlers['copilot.turn'](input);
      await record((db) => db.activity.recordTurn({ conversationId: input.conversationId, intent: view.intent, sentiment: view.sentiment, escalated: view.escalate.yes, reasons: view.escalate.reasons }));
      return view;
    },
    'copilot.decide': async (input) => {
      const view = await handlers['copilot.decide'](input);
      // Counted only when it took: an edit the schema or policy refused leaves the proposal pending, and is no "edited".
      const decided = view.actions.find((action) => action.id === input.toolCallId);
      if (decided && ['approved', 'executed', 'rejected'].includes(decided.status)) await record((db) => db.activity.recordDecision({ conversationId: input.conversationId, outcome: input.action }));
      return view;
    },
    'conversation.sendReply': async (input) => {
      const message = await handlers['conversation.sendReply'](input);
      const outcome = input.suggestion;
      if (outcome) await record((db) => db.activity.recordReply({ conversationId: input.conversationId, outcome }));
      return message;
    },
  };
}
