import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { suggestionUse, useInsightsStore } from '@renderer/stores/insights';
import { useStatusStore } from '@renderer/stores/status';
import { installFakeClient, type FakeClient } from '../support/fake-client';

let client: FakeClient;

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
  client = installFakeClient();
});

describe('insights store', () => {
  const day = {
    date: '2026-11-25',
    from: '2026-11-25T00:00:00.000Z',
    to: '2026-11-26T00:00:00.000Z',
    conversationsHandled: 2,
    medianFirstReplyMs: 180_000,
    suggestions: { asIs: 1, edited: 1, ignored: 1 },
    actions: { approved: 1, edited: 0, rejected: 1 },
    intents: [{ intent: 'get_refund', count: 2 }],
    sentiment: { negative: 1, neutral: 0, positive: 1 },
  };

  it('shows the day and the per-conversation analytics main works out from the cache, for the agent\'s time zone', async () => {
    client.answer('insights.today', day);
    client.answer('insights.conversation', (input) =>
      input.conversationId === 'a'
        ? { conversationId: 'a', turns: 2, intents: [{ intent: 'get_refund', count: 2 }], averageSentiment: -0.3, escalatedTurns: 1, escalationReasons: ['repeated contact'] }
        : { conversationId: input.conversationId, turns: 0, intents: [], averageSentiment: null, escalatedTurns: 0, escalationReasons: [] },
    );
    const insights = useInsightsStore();
    await insights.load([
      { id: 'a', label: 'Ada — Refund' },
      { id: 'b', label: 'Ben — Order' },
    ]);
    expect(insights.day).toEqual(day);
    // The window's own day: its date and the instants of its two midnights (right on the days clocks change).
    const sent = client.calls.find((call) => call.method === 'insights.today')?.input as { day: { date: string; from: string; to: string } };
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    const next = new Date(midnight.getFullYear(), midnight.getMonth(), midnight.getDate() + 1);
    expect(sent.day).toEqual({ date: `${midnight.getFullYear()}-${String(midnight.getMonth() + 1).padStart(2, '0')}-${String(midnight.getDate()).padStart(2, '0')}`, from: midnight.toISOString(), to: next.toISOString() });
    // Conversations the copilot has not seen yet are left out.
    expect(insights.conversations).toEqual([expect.objectContaining({ conversationId: 'a', label: 'Ada — Refund', escalationReasons: ['repeated contact'] })]);
    expect(localStorage.length).toBe(0);
  });

  it('says what went wrong when main cannot work the day out', async () => {
    const insights = useInsightsStore();
    await insights.load([]);
    expect(insights.error?.message).toBeTruthy();
    expect(insights.loading).toBe(false);
  });

  it('tells main how a reply used the suggestions: as is, edited, ignored, or none shown', () => {
    expect(suggestionUse({ text: 'Hello ', accepted: 'Hello', suggestionsShown: true })).toBe('as_is');
    expect(suggestionUse({ text: 'Hello there', accepted: 'Hello', suggestionsShown: true })).toBe('edited');
    expect(suggestionUse({ text: 'Mine', accepted: undefined, suggestionsShown: true })).toBe('ignored');
    expect(suggestionUse({ text: 'Mine', accepted: undefined, suggestionsShown: false })).toBe('none');
  });
});

describe('status store', () => {
  beforeEach(() => {
    client.answer('sync.status', { state: 'idle', lastSyncAt: '2026-11-25T09:00:00.000Z', lastError: null, counts: {}, quarantined: 0 });
    client.answer('outbox.list', [
      { id: 1, kind: 'send_reply', customerId: 'c', state: 'pending', attempts: 0, lastError: null, createdAt: '' },
      { id: 2, kind: 'request_refund', customerId: 'c', state: 'dead', attempts: 5, lastError: 'HTTP 500', createdAt: '' },
    ]);
  });

  it('counts queued and failed outbox items and follows their changes', async () => {
    const status = useStatusStore();
    await status.refresh();
    expect(status.queued.map((item) => item.id)).toEqual([1]);
    expect(status.failed.map((item) => item.id)).toEqual([2]);
    status.onOutboxChanged({ id: 1, kind: 'send_reply', customerId: 'c', state: 'delivered', attempts: 1, lastError: null });
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
