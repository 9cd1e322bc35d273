import type { ConversationInsightsView, InsightsDayView } from '@contract/insights';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useClient } from '../client/provide';
import { shownError, type ShownError } from '../composables/errors';

export type SuggestionUse = 'as_is' | 'edited' | 'ignored' | 'none';

/** How a sent reply used the copilot's suggestions: what Insights counts, decided where the agent typed. */
export function suggestionUse(input: { text: string; accepted: string | undefined; suggestionsShown: boolean }): SuggestionUse {
  if (input.accepted !== undefined) return input.accepted.trim() === input.text.trim() ? 'as_is' : 'edited';
  return input.suggestionsShown ? 'ignored' : 'none';
}

/** Today on this computer's clock: its date and its two midnights, which Date places right on the days clocks change. */
export function localDayBounds(now: Date): { date: string; from: string; to: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return { date: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`, from: start.toISOString(), to: end.toISOString() };
}

/**
 * The agent's day and per-conversation analytics, worked out in main from the local cache (labels and
 * numbers, no message text), so they survive a restart and agree across windows. This store only shows them.
 */
export const useInsightsStore = defineStore('insights', () => {
  const day = ref<InsightsDayView | undefined>();
  const conversations = ref<(ConversationInsightsView & { label: string })[]>([]);
  const loading = ref(false);
  const error = ref<ShownError | undefined>();

  async function load(recent: { id: string; label: string }[]): Promise<void> {
    loading.value = true;
    error.value = undefined;
    try {
      const client = useClient();
      day.value = await client.call('insights.today', { day: localDayBounds(new Date()), timezoneOffsetMinutes: new Date().getTimezoneOffset() });
      const views = await Promise.all(recent.slice(0, 30).map(async ({ id, label }) => ({ ...(await client.call('insights.conversation', { conversationId: id })), label })));
      conversations.value = views.filter((view) => view.turns > 0);
    } catch (caught) {
      error.value = shownError(caught, 'Insights could not be worked out.', 'Try again; the cache may still be starting.');
    } finally {
      loading.value = false;
    }
  }

  return { day, conversations, loading, error, load };
});
