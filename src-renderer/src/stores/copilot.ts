import type { CopilotTokenEvent, OutboxChangedEvent } from '@contract/events';
import type { McpActionEvent } from '@contract/mcp';
import type { CopilotActionView, CopilotTurnView } from '@contract/copilot';
import type { MethodInput } from '@contract/index';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useClient } from '../client/provide';
import type { PlainArgs } from '../components/copilot/arg-editing';
import { shownError, type ShownError } from '../composables/errors';

/** How far an approved action's delivery got, as the outbox reports it. */
export interface ActionDelivery {
  state: OutboxChangedEvent['state'];
  attempts: number;
  lastError: string | null;
}

export type LlmState = 'unknown' | 'ready' | 'offline' | 'error';

/** The copilot's view of the open conversation: streamed drafts, final suggestions, proposals awaiting a decision. */
export const useCopilotStore = defineStore('copilot', () => {
  const conversationId = ref<string | undefined>();
  const turn = ref<CopilotTurnView | null>(null);
  /** Drafts as their tokens arrive, by suggestion index; replaced by the final suggestions when the turn ends. */
  const streaming = ref<string[]>([]);
  const thinking = ref(false);
  /** Loading what the copilot already knows about a conversation just opened (before any turn runs). */
  const opening = ref(false);
  const deciding = ref(false);
  const error = ref<ShownError | undefined>();
  const focusedActionId = ref<string | undefined>();
  const llmState = ref<LlmState>('unknown');
  const llmDetail = ref<string | undefined>();
  /** Deliveries by outbox key, kept live from `outbox.changed` (and `mcp.action` for MCP tools). */
  const deliveries = ref<Record<string, ActionDelivery>>({});
  let sequence = 0;

  const pendingActions = computed<CopilotActionView[]>(() => (turn.value?.actions ?? []).filter((action) => action.status === 'pending'));
  const focusedAction = computed(() => pendingActions.value.find((action) => action.id === focusedActionId.value) ?? pendingActions.value[0]);
  const suggestions = computed(() => turn.value?.suggestions ?? []);

  function noteLlm(view: CopilotTurnView): void {
    if (view.llmError) {
      llmState.value = 'error';
      llmDetail.value = view.llmError;
    } else if (view.suggestions.some((suggestion) => suggestion.source === 'llm')) {
      llmState.value = 'ready';
      llmDetail.value = undefined;
    } else if (view.suggestions.length > 0) {
      llmState.value = 'offline';
      llmDetail.value = 'Suggestions come from the offline drafts.';
    }
  }

  /** Approved actions main has queued: their current delivery, once, from the outbox list. */
  async function loadDeliveries(view: CopilotTurnView): Promise<void> {
    const keys = view.actions.map((action) => action.outboxKey).filter((key): key is string => Boolean(key) && !deliveries.value[key as string]);
    if (keys.length === 0) return;
    try {
      const items = await useClient().call('outbox.list', {});
      const next = { ...deliveries.value };
      for (const item of items) if (item.idempotencyKey && keys.includes(item.idempotencyKey) && !next[item.idempotencyKey]) next[item.idempotencyKey] = { state: item.state, attempts: item.attempts, lastError: item.lastError };
      deliveries.value = next;
    } catch {
      // The card says "Queued" until the next outbox event.
    }
  }

  function onOutboxChanged(event: OutboxChangedEvent): void {
    if (!event.idempotencyKey) return;
    deliveries.value = { ...deliveries.value, [event.idempotencyKey]: { state: event.state, attempts: event.attempts, lastError: event.lastError } };
  }

  function onMcpAction(event: McpActionEvent): void {
    if (!event.conversationId || !event.toolCallId) return;
    const state = event.state === 'delivered' ? 'delivered' : event.state === 'dead' ? 'dead' : 'pending';
    deliveries.value = { ...deliveries.value, [`copilot:${event.conversationId}:${event.toolCallId}`]: { state, attempts: 1, lastError: event.error } };
  }

  function settle(view: CopilotTurnView | null): void {
    turn.value = view;
    streaming.value = [];
    if (view) {
      noteLlm(view);
      void loadDeliveries(view);
    }
    if (focusedActionId.value && !pendingActions.value.some((action) => action.id === focusedActionId.value)) focusedActionId.value = undefined;
  }

  /** Shows what the copilot already knows; asks it about the last customer message when it knows nothing yet. */
  async function open(id: string, lastCustomerText: string | undefined): Promise<void> {
    const mine = ++sequence;
    conversationId.value = id;
    turn.value = null;
    streaming.value = [];
    error.value = undefined;
    focusedActionId.value = undefined;
    opening.value = true;
    try {
      const state = await useClient().call('copilot.state', { conversationId: id });
      if (mine !== sequence) return;
      settle(state);
      if (!state && lastCustomerText) {
        // Straight into the turn: the panel says "working" throughout, never "no message" in between.
        thinking.value = true;
        opening.value = false;
        await runTurn(id, lastCustomerText);
      }
    } catch (caught) {
      if (mine === sequence) error.value = shownError(caught, 'The copilot could not load this conversation.', 'Try again.');
    } finally {
      if (mine === sequence) opening.value = false;
    }
  }

  /** A customer message to work on: understanding, drafts (streamed), proposals, escalation. */
  async function runTurn(id: string, text: string): Promise<void> {
    if (id !== conversationId.value) return;
    const mine = ++sequence;
    thinking.value = true;
    error.value = undefined;
    streaming.value = [];
    try {
      const view = await useClient().call('copilot.turn', { conversationId: id, text: text.slice(0, 20_000) });
      if (mine !== sequence) return;
      settle(view);
    } catch (caught) {
      if (mine === sequence) error.value = shownError(caught, 'The copilot could not answer this message.', 'Reply yourself, or try again.');
    } finally {
      if (mine === sequence) thinking.value = false;
    }
  }

  function onToken(event: CopilotTokenEvent): void {
    if (event.conversationId !== conversationId.value || !thinking.value) return;
    const next = [...streaming.value];
    while (next.length <= event.suggestionIndex) next.push('');
    next[event.suggestionIndex] = (next[event.suggestionIndex] ?? '') + event.token;
    streaming.value = next;
  }

  function focusAction(id: string): void {
    focusedActionId.value = id;
  }

  async function decide(actionId: string, action: 'approve' | 'reject' | 'edit', extra: { args?: PlainArgs; reason?: string } = {}): Promise<boolean> {
    const id = conversationId.value;
    if (!id || deciding.value) return false;
    deciding.value = true;
    error.value = undefined;
    try {
      const view = await useClient().call('copilot.decide', {
        conversationId: id,
        toolCallId: actionId,
        action,
        ...(extra.args ? { args: extra.args } : {}),
        ...(extra.reason ? { reason: extra.reason.slice(0, 2000) } : {}),
        // The arguments this decision is about: if they changed since, main refuses it.
        ...(turn.value?.actions.find((item) => item.id === actionId)?.argsHash ? { argsHash: turn.value?.actions.find((item) => item.id === actionId)?.argsHash } : {}),
      });
      if (id === conversationId.value) settle(view);
      return true;
    } catch (caught) {
      error.value = shownError(caught, 'The decision could not be recorded.', 'The proposal is unchanged; try again.');
      return false;
    } finally {
      deciding.value = false;
    }
  }

  /** What the last copy of the summary did, for the panel to say ("Copied", or why not). */
  const summaryCopied = ref<string | undefined>();

  /** The case summary as text on the clipboard, for a ticket, an email or another tool. */
  async function copySummary(): Promise<void> {
    const text = turn.value?.summary;
    if (!text) {
      summaryCopied.value = 'There is no summary yet: open a conversation with a customer message.';
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      summaryCopied.value = 'Summary copied.';
    } catch {
      summaryCopied.value = 'The clipboard is not available here: select the summary text and copy it.';
    }
  }

  /** The agent's correction of the case card (request, identity, a slot, a step done, resolved): it wins. */
  async function correctCase(field: MethodInput<'copilot.correctCase'>['field'], value: string): Promise<boolean> {
    const id = conversationId.value;
    if (!id || deciding.value) return false;
    deciding.value = true;
    error.value = undefined;
    try {
      const view = await useClient().call('copilot.correctCase', { conversationId: id, field, value: value.slice(0, 500) });
      if (id === conversationId.value) settle(view);
      return true;
    } catch (caught) {
      error.value = shownError(caught, 'The correction could not be saved.', 'The case is unchanged; try again.');
      return false;
    } finally {
      deciding.value = false;
    }
  }

  function close(): void {
    sequence++;
    conversationId.value = undefined;
    turn.value = null;
    streaming.value = [];
    thinking.value = false;
    opening.value = false;
  }

  return { conversationId, turn, streaming, thinking, opening, deciding, error, focusedActionId, focusedAction, pendingActions, suggestions, llmState, llmDetail, deliveries, summaryCopied, open, runTurn, onToken, onOutboxChanged, onMcpAction, focusAction, decide, copySummary, correctCase, close, settle };
});
