import { describe, expect, it } from 'vitest';
import { createInsightsHandlers } from '../../../src-main/core/insights/handlers';
import { localDay } from '../../../src-main/core/insights/local-day';
import { recordActivity } from '../../../src-main/core/insights/record-activity';
import { silentLogger } from '../../../src-main/core/log/logger';
import { inspectCache, openCacheDatabase, type CacheDatabase } from '../../../src-main/core/storage/index';
import type { CopilotTurnView, Handlers } from '../../../src-main/core/contract/index';

const now = new Date('2026-11-25T15:00:00.000Z');

function cacheWithConversations(): CacheDatabase {
  const db = openCacheDatabase(':memory:');
  db.records.upsert('conversations', ['c1', 'c2', 'c3'].map((id) => ({ id, contactId: null, channel: 'chat' as const, status: 'open' as const, subject: null, createdAt: null, lastMessageAt: null, updatedAt: '2026-11-25T00:00:00.000Z' })));
  const message = (id: string, conversationId: string, direction: 'incoming' | 'outgoing', createdAt: string) => ({ id, conversationId, direction, sender: null, text: 'Where is my parcel? jane@example.com', createdAt });
  db.records.upsertMessages([
    message('m1', 'c1', 'outgoing', '2026-11-24T09:00:00.000Z'),
    // Two messages while waiting: the wait starts at the first one after the last reply.
    message('m2', 'c1', 'incoming', '2026-11-25T09:00:00.000Z'),
    message('m3', 'c1', 'incoming', '2026-11-25T09:02:00.000Z'),
    message('m4', 'c1', 'outgoing', '2026-11-25T09:10:00.000Z'),
    message('m5', 'c1', 'outgoing', '2026-11-25T12:00:00.000Z'),
    message('m6', 'c2', 'incoming', '2026-11-25T10:00:00.000Z'),
    message('m7', 'c2', 'outgoing', '2026-11-25T10:04:00.000Z'),
    // Answered yesterday only: not handled today.
    message('m8', 'c3', 'incoming', '2026-11-24T10:00:00.000Z'),
    message('m9', 'c3', 'outgoing', '2026-11-24T10:30:00.000Z'),
  ]);
  return db;
}

describe('insights from the cache', () => {
  it("works out the agent's day: conversations handled, median first reply, suggestions, decisions, intents and sentiment", async () => {
    const db = cacheWithConversations();
    db.activity.recordTurn({ conversationId: 'c1', intent: 'track_order', sentiment: -0.6, escalated: true, reasons: ['repeated contact'], at: '2026-11-25T09:01:00.000Z' });
    db.activity.recordTurn({ conversationId: 'c1', intent: 'track_order', sentiment: 0.05, escalated: false, reasons: [], at: '2026-11-25T09:03:00.000Z' });
    db.activity.recordTurn({ conversationId: 'c2', intent: 'get_refund', sentiment: 0.5, escalated: false, reasons: [], at: '2026-11-25T10:01:00.000Z' });
    db.activity.recordTurn({ conversationId: 'c3', intent: 'complaint', sentiment: -0.9, escalated: true, reasons: ['threat to leave'], at: '2026-11-24T10:01:00.000Z' });
    for (const outcome of ['as_is', 'as_is', 'edited', 'ignored', 'none'] as const) db.activity.recordReply({ conversationId: 'c1', outcome, at: '2026-11-25T09:10:00.000Z' });
    for (const outcome of ['approve', 'approve', 'edit', 'reject'] as const) db.activity.recordDecision({ conversationId: 'c2', outcome, at: '2026-11-25T10:05:00.000Z' });
    db.activity.recordDecision({ conversationId: 'c3', outcome: 'reject', at: '2026-11-24T10:05:00.000Z' });

    const handlers = createInsightsHandlers(async () => ({ db }), () => now);
    const day = await handlers['insights.today']({ timezoneOffsetMinutes: 0 });
    expect(day).toEqual({
      date: '2026-11-25',
      from: '2026-11-25T00:00:00.000Z',
      to: '2026-11-26T00:00:00.000Z',
      conversationsHandled: 2,
      // c1 waited 10 minutes (from 09:00), c2 4 minutes.
      medianFirstReplyMs: 7 * 60_000,
      suggestions: { asIs: 2, edited: 1, ignored: 1 },
      actions: { approved: 2, edited: 1, rejected: 1 },
      intents: [
        { intent: 'track_order', count: 2 },
        { intent: 'get_refund', count: 1 },
      ],
      sentiment: { negative: 1, neutral: 1, positive: 1 },
    });
    expect(await handlers['insights.conversation']({ conversationId: 'c1' })).toEqual({
      conversationId: 'c1',
      turns: 2,
      intents: [{ intent: 'track_order', count: 2 }],
      averageSentiment: expect.closeTo(-0.275, 5) as number,
      escalatedTurns: 1,
      escalationReasons: ['repeated contact'],
    });
    // Labels and numbers only: no customer text reaches the activity table.
    expect(JSON.stringify(inspectCache(db).rows('agent_activity'))).not.toMatch(/parcel|example\.com/);
    db.close();
  });

  it("follows the agent's time zone for what counts as today", () => {
    expect(localDay(new Date('2026-11-25T23:30:00.000Z'), -120)).toEqual({ date: '2026-11-26', from: '2026-11-25T22:00:00.000Z', to: '2026-11-26T22:00:00.000Z' });
    expect(localDay(new Date('2026-11-25T03:00:00.000Z'), 300)).toEqual({ date: '2026-11-24', from: '2026-11-24T05:00:00.000Z', to: '2026-11-25T05:00:00.000Z' });
  });

  it('records turns, decisions and replies only when they succeed, and a failed record never fails the call', async () => {
    const db = cacheWithConversations();
    const turnView = { conversationId: 'c1', intent: 'cancel_order', sentiment: -0.3, escalate: { yes: true, reasons: ['asked for a human'], handoffNote: null }, actions: [{ id: 't1', status: 'rejected' }] } as unknown as CopilotTurnView;
    let failReply = false;
    const inner = {
      'copilot.turn': async () => turnView,
      'copilot.decide': async () => turnView,
      'conversation.sendReply': async () => {
        if (failReply) throw new Error('the outbox is full');
        return { id: 'local-1', direction: 'outgoing' as const, sender: 'You', text: 'x', createdAt: now.toISOString(), delivery: 'pending' as const };
      },
    } as unknown as Pick<Handlers, 'copilot.turn' | 'copilot.decide' | 'conversation.sendReply'>;
    const wrapped = recordActivity(inner, async () => ({ db }), silentLogger);
    await wrapped['copilot.turn']({ conversationId: 'c1', text: 'cancel it' });
    await wrapped['copilot.decide']({ conversationId: 'c1', toolCallId: 't1', action: 'reject', reason: 'not yet' });
    await wrapped['conversation.sendReply']({ conversationId: 'c1', text: 'Done', idempotencyKey: 'insights-reply-1', suggestion: 'edited' });
    await wrapped['conversation.sendReply']({ conversationId: 'c1', text: 'Done', idempotencyKey: 'insights-reply-2' });
    failReply = true;
    await expect(wrapped['conversation.sendReply']({ conversationId: 'c1', text: 'Again', idempotencyKey: 'insights-reply-3', suggestion: 'as_is' })).rejects.toThrow('the outbox is full');
    const counts = db.activity.between('2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z');
    expect(counts).toMatchObject({ suggestions: { asIs: 0, edited: 1, ignored: 0 }, actions: { approved: 0, edited: 0, rejected: 1 }, intents: [{ intent: 'cancel_order', count: 1 }] });
    expect(db.activity.conversation('c1').escalationReasons).toEqual(['asked for a human']);

    db.close();
    failReply = false;
    // The cache is gone: the reply still goes out.
    await expect(wrapped['conversation.sendReply']({ conversationId: 'c1', text: 'Still sent', idempotencyKey: 'insights-reply-4', suggestion: 'as_is' })).resolves.toMatchObject({ id: 'local-1' });
  });

  it('takes the window\'s own day bounds, so a day the clocks change (23 hours) is counted whole', async () => {
    const db = cacheWithConversations();
    // Europe/Berlin, 29 March 2026: midnight is 23:00Z the day before, the next midnight 22:00Z (23 hours later).
    db.activity.recordDecision({ conversationId: 'c1', outcome: 'approve', at: '2026-03-28T23:30:00.000Z' });
    db.activity.recordDecision({ conversationId: 'c1', outcome: 'approve', at: '2026-03-29T21:30:00.000Z' });
    // 23:30 on 28 March in Berlin (still winter time, +1): yesterday.
    db.activity.recordDecision({ conversationId: 'c1', outcome: 'approve', at: '2026-03-28T22:30:00.000Z' });
    const handlers = createInsightsHandlers(async () => ({ db }), () => new Date('2026-03-29T12:00:00.000Z'));
    const day = await handlers['insights.today']({ day: { date: '2026-03-29', from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' }, timezoneOffsetMinutes: -120 });
    expect(day).toMatchObject({ date: '2026-03-29', from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z', actions: { approved: 2 } });
    // One offset (the afternoon's, -120) starts the day an hour early and counts yesterday's last decision.
    const byOffset = await handlers['insights.today']({ timezoneOffsetMinutes: -120 });
    expect(byOffset.actions.approved).toBe(3);
    // A span that is no day is not trusted.
    const odd = await handlers['insights.today']({ day: { date: '2026-03-29', from: '2026-03-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' }, timezoneOffsetMinutes: -120 });
    expect(odd.from).toBe(byOffset.from);
    db.close();
  });

  it('does not count an edit the schema or policy refused (the proposal is still pending) as "edited"', async () => {
    const db = cacheWithConversations();
    let status = 'pending';
    const inner = {
      'copilot.turn': async () => ({}) as CopilotTurnView,
      'copilot.decide': async () => ({ conversationId: 'c1', actions: [{ id: 't1', status, editError: status === 'pending' ? { field: 'priority', message: 'Invalid option' } : undefined }] }) as unknown as CopilotTurnView,
      'conversation.sendReply': async () => ({}) as never,
    } as unknown as Pick<Handlers, 'copilot.turn' | 'copilot.decide' | 'conversation.sendReply'>;
    const wrapped = recordActivity(inner, async () => ({ db }), silentLogger);
    await wrapped['copilot.decide']({ conversationId: 'c1', toolCallId: 't1', action: 'edit', args: { priority: 'urgent' } });
    expect(db.activity.between('2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z').actions).toEqual({ approved: 0, edited: 0, rejected: 0 });
    status = 'executed';
    await wrapped['copilot.decide']({ conversationId: 'c1', toolCallId: 't1', action: 'edit', args: { priority: 'HIGH' } });
    expect(db.activity.between('2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z').actions).toEqual({ approved: 0, edited: 1, rejected: 0 });
    db.close();
  });
});
