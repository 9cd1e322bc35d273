import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { median, useInsightsStore } from '@renderer/stores/insights';
import { useStatusStore } from '@renderer/stores/status';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { turn } from '../support/samples';

let client: FakeClient;

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
  client = installFakeClient();
});

describe('insights store', () => {
  it('tallies replies as sent as is, edited or ignored, and the time to first reply once per conversation', () => {
    const insights = useInsightsStore();
    const sentAt = new Date('2026-11-25T10:00:00.000Z');
    insights.recordReply({ conversationId: 'a', text: 'Hello', suggestion: 'Hello', suggestionsShown: true, waitingSince: '2026-11-25T09:58:00.000Z', sentAt });
    insights.recordReply({ conversationId: 'a', text: 'Hello again', suggestion: 'Hello', suggestionsShown: true, waitingSince: '2026-11-25T09:00:00.000Z', sentAt });
    insights.recordReply({ conversationId: 'b', text: 'Mine', suggestion: undefined, suggestionsShown: true, waitingSince: '2026-11-25T09:56:00.000Z', sentAt });
    insights.recordReply({ conversationId: 'c', text: 'Mine', suggestion: undefined, suggestionsShown: false, waitingSince: null, sentAt });
    expect(insights.tally.handled).toEqual(['a', 'b', 'c']);
    expect(insights.tally.suggestions).toEqual({ asIs: 1, edited: 1, ignored: 1 });
    expect(insights.tally.firstReplyMs).toEqual([120_000, 240_000]);
    expect(insights.medianFirstReplyMs).toBe(180_000);
  });

  it('counts each copilot turn once, per conversation and for the day', () => {
    const insights = useInsightsStore();
    const first = turn('a', { escalate: { yes: true, reasons: ['angry customer'], handoffNote: null } });
    insights.recordTurn(first, 'Ada — Refund');
    insights.recordTurn(first, 'Ada — Refund');
    insights.recordTurn(turn('a', { intent: 'order_status', sentiment: 0.5, timeline: [first.timeline[0]!, { turn: 2, intent: 'order_status', sentiment: 0.5 }] }), 'Ada — Refund');
    insights.recordDecision('approve');
    insights.recordDecision('reject');
    const entry = insights.tally.conversations.a;
    expect(entry?.intents).toEqual({ refund_request: 1, order_status: 1 });
    expect(entry?.escalationReasons).toEqual(['angry customer']);
    expect(insights.tally.sentiment).toEqual({ negative: 1, neutral: 0, positive: 1 });
    expect(insights.topIntents.map(([intent]) => intent)).toEqual(['refund_request', 'order_status']);
    expect(insights.tally.actions).toEqual({ approved: 1, edited: 0, rejected: 1 });
  });

  it('keeps only counts and labels on this computer, never what was written', async () => {
    const insights = useInsightsStore();
    insights.recordReply({ conversationId: 'a', text: 'My secret reply text', suggestion: 'My secret reply text', suggestionsShown: true, waitingSince: null });
    await Promise.resolve();
    const saved = localStorage.getItem('copilot.insights') ?? '';
    expect(saved).toContain('"asIs":1');
    expect(saved).not.toContain('secret reply');
  });

  it('takes the median of even and odd counts', () => {
    expect(median([])).toBeUndefined();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('status store', () => {
  beforeEach(() => {
    client.answer('sync.status', { state: 'idle', lastSyncAt: '2026-11-25T09:00:00.000Z', lastError: null, counts: {}, quarantined: 0 });
    client.answer('outbox.list', [
      { id: 1, kind: 'reply', customerId: 'c', state: 'pending', attempts: 0, lastError: null, createdAt: '' },
      { id: 2, kind: 'refund', customerId: 'c', state: 'dead', attempts: 5, lastError: 'HTTP 500', createdAt: '' },
    ]);
  });

  it('counts queued and failed outbox items and follows their changes', async () => {
    const status = useStatusStore();
    await status.refresh();
    expect(status.queued.map((item) => item.id)).toEqual([1]);
    expect(status.failed.map((item) => item.id)).toEqual([2]);
    status.onOutboxChanged({ id: 1, kind: 'reply', customerId: 'c', state: 'delivered', attempts: 1, lastError: null });
    expect(status.queued).toEqual([]);
  });

  it('shows sync progress while it runs and offline when the browser or the CRM is', async () => {
    const status = useStatusStore();
    await status.refresh();
    status.onProgress({ objectType: 'contacts', pages: 1, records: 100, phase: 'incremental', done: false });
    expect(status.syncing).toBe(true);
    expect(status.offline).toBe(false);
    status.setBrowserOnline(false);
    expect(status.offline).toBe(true);
  });

  it('retries a failed item through the contract', async () => {
    const status = useStatusStore();
    client.answer('outbox.retry', { retried: true });
    await status.retry(2);
    expect(client.calls.some((call) => call.method === 'outbox.retry' && (call.input as { id: number }).id === 2)).toBe(true);
  });
});
