import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCopilotStore } from '@renderer/stores/copilot';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { action, turn } from '../support/samples';

let client: FakeClient;

beforeEach(() => {
  setActivePinia(createPinia());
  client = installFakeClient();
});

describe('copilot store', () => {
  it('asks the copilot about the last customer message when it knows nothing yet, streaming tokens while it works', async () => {
    const copilot = useCopilotStore();
    client.answer('copilot.state', null);
    let finish: () => void = () => undefined;
    client.answer('copilot.turn', ({ conversationId }) => new Promise((resolve) => (finish = () => resolve(turn(conversationId)))));
    const opening = copilot.open('x', 'Where is my refund?');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(copilot.thinking).toBe(true);
    copilot.onToken({ conversationId: 'x', suggestionIndex: 0, token: 'We ' });
    copilot.onToken({ conversationId: 'x', suggestionIndex: 0, token: 'can' });
    copilot.onToken({ conversationId: 'x', suggestionIndex: 1, token: 'Sorry' });
    copilot.onToken({ conversationId: 'other', suggestionIndex: 0, token: 'not ours' });
    expect(copilot.streaming).toEqual(['We can', 'Sorry']);
    finish();
    await opening;
    expect(copilot.thinking).toBe(false);
    expect(copilot.streaming).toEqual([]);
    expect(copilot.suggestions[0]?.text).toBe('We can refund that.');
    expect(copilot.llmState).toBe('ready');
    expect(client.calls.find((call) => call.method === 'copilot.turn')?.input).toEqual({ conversationId: 'x', text: 'Where is my refund?' });
    // Tokens after the turn ended are late echoes, not a new draft.
    copilot.onToken({ conversationId: 'x', suggestionIndex: 0, token: 'late' });
    expect(copilot.streaming).toEqual([]);
  });

  it('shows what the copilot already knows without asking again', async () => {
    const copilot = useCopilotStore();
    client.answer('copilot.state', turn('x', { suggestions: [{ text: 'Offline', citations: [], source: 'offline', confidence: 0.5 }] }));
    await copilot.open('x', 'hello');
    expect(client.calls.some((call) => call.method === 'copilot.turn')).toBe(false);
    expect(copilot.llmState).toBe('offline');
  });

  it('focuses the first pending action, decides through the contract and moves to the next', async () => {
    const copilot = useCopilotStore();
    client.answer('copilot.state', turn('x', { actions: [action('refund'), action('ticket', { tool: 'create_ticket' }), action('done', { status: 'executed' })] }));
    await copilot.open('x', undefined);
    expect(copilot.pendingActions.map((item) => item.id)).toEqual(['refund', 'ticket']);
    expect(copilot.focusedAction?.id).toBe('refund');
    copilot.focusAction('ticket');
    expect(copilot.focusedAction?.id).toBe('ticket');
    client.answer('copilot.decide', ({ action: decision, reason }) =>
      turn('x', {
        actions: [action('refund'), action('ticket', { tool: 'create_ticket', status: decision === 'reject' ? 'rejected' : 'executed', decisionReason: reason ?? null }), action('done', { status: 'executed' })],
      }),
    );
    expect(await copilot.decide('ticket', 'reject', { reason: 'not needed' })).toBe(true);
    expect(client.calls.at(-1)?.input).toEqual({ conversationId: 'x', toolCallId: 'ticket', action: 'reject', reason: 'not needed' });
    expect(copilot.focusedAction?.id).toBe('refund');
  });

  it('keeps the proposal and says so when the decision fails', async () => {
    const copilot = useCopilotStore();
    client.answer('copilot.state', turn('x', { actions: [action('refund')] }));
    await copilot.open('x', undefined);
    client.answer('copilot.decide', () => {
      throw new Error('boom');
    });
    expect(await copilot.decide('refund', 'approve')).toBe(false);
    expect(copilot.error?.message).toBe('The decision could not be recorded.');
    expect(copilot.pendingActions).toHaveLength(1);
  });

  it('reports an LLM error from the turn in the status', async () => {
    const copilot = useCopilotStore();
    client.answer('copilot.state', turn('x', { llmError: 'connection refused', suggestions: [{ text: 'Offline', citations: [], source: 'offline', confidence: 0.5 }] }));
    await copilot.open('x', undefined);
    expect(copilot.llmState).toBe('error');
    expect(copilot.llmDetail).toBe('connection refused');
  });
});
