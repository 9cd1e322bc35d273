import type { ConversationListItem } from '@contract/workspace';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useClient } from '../client/provide';
import { shownError, type ShownError } from '../composables/errors';

export type QueueFilter = 'all' | 'waiting' | 'unread' | 'escalated';

/** Per-conversation signals the copilot worked out, shown on the queue row. */
export interface QueueSignals {
  sentiment?: number;
  escalated?: boolean;
}

/** The queue re-sorts by itself only after this long without the agent's input, so a key press never lands on a row that just moved. */
export const reorderIdleMs = 10_000;

/**
 * The agent's open conversations, with filter and search; the newest waiting first. The order the agent sees
 * holds still while they work: new activity is marked, and main's newer order is applied when they ask
 * (sortNow) or after ten seconds without input.
 */
export const useQueueStore = defineStore('queue', () => {
  const items = ref<ConversationListItem[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref<ShownError | undefined>();
  const search = ref('');
  const filter = ref<QueueFilter>('all');
  const activeId = ref<string | undefined>();
  const signals = ref<Record<string, QueueSignals>>({});
  /** The order shown, by id; and main's newer order, waiting to be applied. */
  const order = ref<string[]>([]);
  const pendingOrder = ref<string[] | null>(null);
  /** Conversations with activity the agent has not opened yet (marked "new" on the row). */
  const fresh = ref<Record<string, true>>({});
  let lastInputAt = 0;
  let reorderTimer: ReturnType<typeof setTimeout> | undefined;
  let sequence = 0;

  /** Order ids and other fields only main can see: ids it returned for a search, by the search text. */
  const serverMatches = ref<Record<string, string[]>>({});
  let searchSequence = 0;
  async function searchServer(text: string): Promise<void> {
    const needle = text.trim().toLowerCase();
    const mine = ++searchSequence;
    if (needle.length < 3 || serverMatches.value[needle]) return;
    try {
      const result = await useClient().call('workspace.listConversations', { query: needle.slice(0, 200) });
      if (mine === searchSequence) serverMatches.value = { [needle]: result.map((item) => item.id) };
    } catch {
      // The local match still works.
    }
  }

  const sorted = computed(() => {
    const position = new Map(order.value.map((id, index) => [id, index]));
    return [...items.value].sort((a, b) => (position.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (position.get(b.id) ?? Number.MAX_SAFE_INTEGER));
  });

  function sortNow(): void {
    if (reorderTimer) clearTimeout(reorderTimer);
    reorderTimer = undefined;
    if (pendingOrder.value) order.value = pendingOrder.value;
    pendingOrder.value = null;
  }

  /** Applies the waiting order once the agent has left the keys and the mouse alone for reorderIdleMs. */
  function scheduleReorder(): void {
    if (reorderTimer) clearTimeout(reorderTimer);
    const wait = Math.max(0, lastInputAt + reorderIdleMs - Date.now());
    reorderTimer = setTimeout(() => {
      reorderTimer = undefined;
      if (!pendingOrder.value) return;
      if (Date.now() - lastInputAt >= reorderIdleMs) sortNow();
      else scheduleReorder();
    }, wait);
  }

  /** A key, a click or a scroll: the agent is working here; the order waits. */
  function noteInput(): void {
    lastInputAt = Date.now();
  }

  function adoptOrder(ids: string[]): void {
    const shown = order.value;
    if (shown.length === 0) {
      order.value = ids;
      return;
    }
    // Rows main has and we did not show yet go at the end, so nothing above them moves; main's order waits.
    const known = new Set(shown);
    const added = ids.filter((id) => !known.has(id));
    if (added.length) order.value = [...shown, ...added];
    const same = ids.length === order.value.length && ids.every((id, index) => order.value[index] === id);
    pendingOrder.value = same ? null : ids;
    if (!same) scheduleReorder();
  }

  const visible = computed(() => {
    const needle = search.value.trim().toLowerCase();
    return sorted.value.filter((item) => {
      if (filter.value === 'waiting' && !item.waitingSince) return false;
      if (filter.value === 'unread' && item.unread === 0) return false;
      if (filter.value === 'escalated' && !signals.value[item.id]?.escalated) return false;
      if (!needle) return true;
      if ([item.customerName, item.subject, item.lastMessage, item.channel].some((value) => value?.toLowerCase().includes(needle))) return true;
      // Main matched it on what the row does not show (an order id): the search below keeps it.
      return serverMatches.value[needle]?.includes(item.id) ?? false;
    });
  });

  const active = computed(() => items.value.find((item) => item.id === activeId.value));

  async function load(): Promise<void> {
    const mine = ++sequence;
    loading.value = true;
    try {
      const result = await useClient().call('workspace.listConversations', {});
      if (mine !== sequence) return;
      const before = new Set(items.value.map((item) => item.id));
      if (loaded.value) for (const item of result) if (!before.has(item.id) && item.id !== activeId.value) fresh.value = { ...fresh.value, [item.id]: true };
      items.value = result;
      adoptOrder(result.map((item) => item.id));
      loaded.value = true;
      error.value = undefined;
    } catch (caught) {
      if (mine !== sequence) return;
      error.value = shownError(caught, 'The queue could not be loaded.', 'Check the status bar, then try again.');
    } finally {
      if (mine === sequence) loading.value = false;
    }
  }

  function select(id: string): void {
    activeId.value = id;
    if (fresh.value[id]) {
      const { [id]: _seen, ...rest } = fresh.value;
      fresh.value = rest;
    }
    const item = items.value.find((entry) => entry.id === id);
    if (item) item.unread = 0;
  }

  /** Moves through the visible rows; returns the id it landed on. */
  function step(delta: 1 | -1): string | undefined {
    const rows = visible.value;
    if (rows.length === 0) return undefined;
    const index = rows.findIndex((item) => item.id === activeId.value);
    const next = index === -1 ? (delta === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, index + delta));
    const target = rows[next];
    if (target) select(target.id);
    return target?.id;
  }

  /** A new message arrived: move its row's preview and counters without refetching the whole queue. */
  function noteMessage(conversationId: string, message: { id: string; direction: 'incoming' | 'outgoing'; text: string; createdAt: string }): void {
    const item = items.value.find((entry) => entry.id === conversationId);
    if (!item) {
      void load();
      return;
    }
    item.lastMessage = message.text;
    item.lastMessageAt = message.createdAt;
    if (message.direction === 'incoming') {
      if (conversationId !== activeId.value) {
        item.unread += 1;
        fresh.value = { ...fresh.value, [conversationId]: true };
      }
      item.waitingSince ??= message.createdAt;
    } else {
      item.waitingSince = null;
    }
  }

  function setSignals(conversationId: string, value: QueueSignals): void {
    signals.value = { ...signals.value, [conversationId]: { ...signals.value[conversationId], ...value } };
  }

  return { items, loading, loaded, error, search, filter, activeId, active, visible, signals, order, pendingOrder, fresh, load, select, step, noteMessage, setSignals, sortNow, noteInput, searchServer };
});
