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

/** The agent's open conversations, with filter and search; the newest waiting first. */
export const useQueueStore = defineStore('queue', () => {
  const items = ref<ConversationListItem[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref<ShownError | undefined>();
  const search = ref('');
  const filter = ref<QueueFilter>('all');
  const activeId = ref<string | undefined>();
  const signals = ref<Record<string, QueueSignals>>({});
  let sequence = 0;

  const visible = computed(() => {
    const needle = search.value.trim().toLowerCase();
    return items.value.filter((item) => {
      if (filter.value === 'waiting' && !item.waitingSince) return false;
      if (filter.value === 'unread' && item.unread === 0) return false;
      if (filter.value === 'escalated' && !signals.value[item.id]?.escalated) return false;
      if (!needle) return true;
      return [item.customerName, item.subject, item.lastMessage, item.channel].some((value) => value?.toLowerCase().includes(needle));
    });
  });

  const active = computed(() => items.value.find((item) => item.id === activeId.value));

  async function load(): Promise<void> {
    const mine = ++sequence;
    loading.value = true;
    try {
      const result = await useClient().call('workspace.listConversations', {});
      if (mine !== sequence) return;
      items.value = result;
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
      if (conversationId !== activeId.value) item.unread += 1;
      item.waitingSince ??= message.createdAt;
    } else {
      item.waitingSince = null;
    }
  }

  function setSignals(conversationId: string, value: QueueSignals): void {
    signals.value = { ...signals.value, [conversationId]: { ...signals.value[conversationId], ...value } };
  }

  return { items, loading, loaded, error, search, filter, activeId, active, visible, signals, load, select, step, noteMessage, setSignals };
});
