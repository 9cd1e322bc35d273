import type Database from 'better-sqlite3';

export type ReplyOutcome = 'as_is' | 'edited' | 'ignored' | 'none';
export type DecisionOutcome = 'approve' | 'edit' | 'reject';

export interface ActivityCounts {
  intents: { intent: string; count: number }[];
  sentiment: { negative: number; neutral: number; positive: number };
  suggestions: { asIs: number; edited: number; ignored: number };
  actions: { approved: number; edited: number; rejected: number };
}

export interface ConversationActivity {
  turns: number;
  intents: { intent: string; count: number }[];
  averageSentiment: number | null;
  escalatedTurns: number;
  escalationReasons: string[];
}

/** The agent's work with the copilot, as labels and numbers (see migration 3). Times are ISO strings. */
export interface ActivityRepository {
  recordTurn(entry: { conversationId: string; intent: string; sentiment: number; escalated: boolean; reasons: string[]; at?: string }): void;
  recordDecision(entry: { conversationId: string; outcome: DecisionOutcome; at?: string }): void;
  recordReply(entry: { conversationId: string; outcome: ReplyOutcome; at?: string }): void;
  between(from: string, to: string): ActivityCounts;
  /**
   * Conversations the agent answered in [from, to), each with how long the customer had waited for that
   * first answer: from their first message after the previous reply (or ever) to the reply.
   */
  firstReplies(from: string, to: string): { conversationId: string; waitedMs: number | null }[];
  conversation(conversationId: string): ConversationActivity;
}

/** The same cut-offs as the sentiment chart: a clear negative or positive, neutral between. */
const negativeBelow = -0.2;
const positiveAbove = 0.2;

export function createActivityRepository(db: Database.Database): ActivityRepository {
  const insert = db.prepare(
    `INSERT INTO agent_activity (at, conversation_id, kind, intent, sentiment, escalated, escalation_reasons, outcome)
     VALUES (@at, @conversationId, @kind, @intent, @sentiment, @escalated, @reasons, @outcome)`,
  );
  const intents = db.prepare<[string, string], { intent: string; count: number }>(
    `SELECT intent, COUNT(*) AS count FROM agent_activity WHERE kind = 'turn' AND at >= ? AND at < ? GROUP BY intent ORDER BY count DESC, intent LIMIT 30`,
  );
  const sentiment = db.prepare<[{ low: number; high: number; from: string; to: string }], { negative: number | null; neutral: number | null; positive: number | null }>(
    `SELECT SUM(sentiment <= @low) AS negative, SUM(sentiment > @low AND sentiment < @high) AS neutral, SUM(sentiment >= @high) AS positive
     FROM agent_activity WHERE kind = 'turn' AND at >= @from AND at < @to`,
  );
  const outcomes = db.prepare<[string, string], { kind: string; outcome: string; count: number }>(
    `SELECT kind, outcome, COUNT(*) AS count FROM agent_activity WHERE kind IN ('reply', 'decision') AND at >= ? AND at < ? GROUP BY kind, outcome`,
  );
  const conversationIntents = db.prepare<[string], { intent: string; count: number }>(
    `SELECT intent, COUNT(*) AS count FROM agent_activity WHERE kind = 'turn' AND conversation_id = ? GROUP BY intent ORDER BY count DESC, intent`,
  );
  const conversationTotals = db.prepare<[string], { turns: number; average: number | null; escalated: number | null }>(
    `SELECT COUNT(*) AS turns, AVG(sentiment) AS average, SUM(escalated) AS escalated FROM agent_activity WHERE kind = 'turn' AND conversation_id = ?`,
  );
  const conversationReasons = db.prepare<[string], { reasons: string }>(
    `SELECT escalation_reasons AS reasons FROM agent_activity WHERE kind = 'turn' AND conversation_id = ? AND escalated = 1 ORDER BY id`,
  );
  const firstOutgoing = db.prepare<[string, string], { conversationId: string; firstOut: string }>(
    `SELECT conversation_id AS conversationId, MIN(created_at) AS firstOut FROM messages
     WHERE direction = 'outgoing' AND created_at >= ? AND created_at < ? GROUP BY conversation_id`,
  );
  const waitStart = db.prepare<[{ conversationId: string; reply: string }], { startedAt: string | null }>(
    `SELECT MIN(created_at) AS startedAt FROM messages
     WHERE conversation_id = @conversationId AND direction = 'incoming' AND created_at < @reply
       AND created_at > COALESCE((SELECT MAX(created_at) FROM messages WHERE conversation_id = @conversationId AND direction = 'outgoing' AND created_at < @reply), '')`,
  );
  const row = (kind: string, conversationId: string, at: string | undefined, extra: Partial<Record<'intent' | 'sentiment' | 'escalated' | 'reasons' | 'outcome', unknown>>) => ({
    at: at ?? new Date().toISOString(),
    conversationId,
    kind,
    intent: null,
    sentiment: null,
    escalated: null,
    reasons: null,
    outcome: null,
    ...extra,
  });

  return {
    recordTurn: ({ conversationId, intent, sentiment: score, escalated, reasons, at }) => {
      insert.run(row('turn', conversationId, at, { intent: intent.slice(0, 64), sentiment: score, escalated: escalated ? 1 : 0, reasons: JSON.stringify(reasons.slice(0, 10).map((reason) => reason.slice(0, 200))) }));
    },
    recordDecision: ({ conversationId, outcome, at }) => {
      insert.run(row('decision', conversationId, at, { outcome }));
    },
    recordReply: ({ conversationId, outcome, at }) => {
      insert.run(row('reply', conversationId, at, { outcome }));
    },
    between(from, to) {
      const buckets = sentiment.get({ low: negativeBelow, high: positiveAbove, from, to });
      const counts = { reply: {} as Record<string, number>, decision: {} as Record<string, number> };
      for (const entry of outcomes.all(from, to)) {
        if (entry.kind === 'reply' || entry.kind === 'decision') counts[entry.kind][entry.outcome] = entry.count;
      }
      return {
        intents: intents.all(from, to),
        sentiment: { negative: buckets?.negative ?? 0, neutral: buckets?.neutral ?? 0, positive: buckets?.positive ?? 0 },
        suggestions: { asIs: counts.reply.as_is ?? 0, edited: counts.reply.edited ?? 0, ignored: counts.reply.ignored ?? 0 },
        actions: { approved: counts.decision.approve ?? 0, edited: counts.decision.edit ?? 0, rejected: counts.decision.reject ?? 0 },
      };
    },
    firstReplies(from, to) {
      return firstOutgoing.all(from, to).map(({ conversationId, firstOut }) => {
        const startedAt = waitStart.get({ conversationId, reply: firstOut })?.startedAt;
        const waitedMs = startedAt ? Date.parse(firstOut) - Date.parse(startedAt) : null;
        return { conversationId, waitedMs: waitedMs !== null && Number.isFinite(waitedMs) && waitedMs >= 0 ? waitedMs : null };
      });
    },
    conversation(conversationId) {
      const totals = conversationTotals.get(conversationId);
      const reasons = new Set<string>();
      for (const { reasons: stored } of conversationReasons.all(conversationId)) {
        const parsed: unknown = JSON.parse(stored);
        if (Array.isArray(parsed)) for (const reason of parsed) if (typeof reason === 'string') reasons.add(reason);
      }
      return {
        turns: totals?.turns ?? 0,
        intents: conversationIntents.all(conversationId),
        averageSentiment: totals?.average ?? null,
        escalatedTurns: totals?.escalated ?? 0,
        escalationReasons: [...reasons],
      };
    },
  };
}
