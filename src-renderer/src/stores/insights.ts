import type { CopilotTurnView } from '@contract/copilot';
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { readLocal, writeLocal } from '../composables/local-prefs';

/** Per conversation: what the copilot saw in it. Counts and labels only, never message text. */
export interface ConversationInsight {
  label: string;
  intents: Record<string, number>;
  sentimentSum: number;
  sentimentCount: number;
  escalationReasons: string[];
  turnsSeen: number;
}

export interface DayTally {
  day: string;
  handled: string[];
  firstReplyMs: number[];
  suggestions: { asIs: number; edited: number; ignored: number };
  actions: { approved: number; edited: number; rejected: number };
  intents: Record<string, number>;
  sentiment: { negative: number; neutral: number; positive: number };
  conversations: Record<string, ConversationInsight>;
}

const storageKey = 'copilot.insights';

function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function emptyTally(day: string): DayTally {
  return {
    day,
    handled: [],
    firstReplyMs: [],
    suggestions: { asIs: 0, edited: 0, ignored: 0 },
    actions: { approved: 0, edited: 0, rejected: 0 },
    intents: {},
    sentiment: { negative: 0, neutral: 0, positive: 0 },
    conversations: {},
  };
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function bucket(sentiment: number): keyof DayTally['sentiment'] {
  if (sentiment <= -0.2) return 'negative';
  if (sentiment >= 0.2) return 'positive';
  return 'neutral';
}

/**
 * The agent's day, tallied in this window as it happens and kept in localStorage for today only.
 * Nothing leaves the machine and no customer text is stored: ids, counts, intent names.
 */
export const useInsightsStore = defineStore('insights', () => {
  const stored = readLocal<DayTally | undefined>(storageKey, undefined);
  const tally = ref<DayTally>(stored && stored.day === today() ? stored : emptyTally(today()));

  watch(tally, (value) => writeLocal(storageKey, value), { deep: true });

  function current(): DayTally {
    if (tally.value.day !== today()) tally.value = emptyTally(today());
    return tally.value;
  }

  const medianFirstReplyMs = computed(() => median(tally.value.firstReplyMs));
  const topIntents = computed(() => Object.entries(tally.value.intents).sort((a, b) => b[1] - a[1]));

  /** The agent sent a reply; `suggestion` is what was accepted into the composer, if anything. */
  function recordReply(input: { conversationId: string; text: string; suggestion: string | undefined; suggestionsShown: boolean; waitingSince: string | null; sentAt?: Date }): void {
    const day = current();
    if (!day.handled.includes(input.conversationId)) {
      day.handled.push(input.conversationId);
      if (input.waitingSince) {
        const waited = (input.sentAt ?? new Date()).getTime() - Date.parse(input.waitingSince);
        if (Number.isFinite(waited) && waited >= 0) day.firstReplyMs.push(waited);
      }
    }
    if (input.suggestion !== undefined) {
      if (input.suggestion.trim() === input.text.trim()) day.suggestions.asIs++;
      else day.suggestions.edited++;
    } else if (input.suggestionsShown) {
      day.suggestions.ignored++;
    }
  }

  function recordDecision(action: 'approve' | 'reject' | 'edit'): void {
    const day = current();
    if (action === 'approve') day.actions.approved++;
    else if (action === 'reject') day.actions.rejected++;
    else day.actions.edited++;
  }

  /** A turn the copilot finished; turns already counted (same timeline length) are skipped. */
  function recordTurn(view: CopilotTurnView, label: string): void {
    const day = current();
    const entry = (day.conversations[view.conversationId] ??= { label, intents: {}, sentimentSum: 0, sentimentCount: 0, escalationReasons: [], turnsSeen: 0 });
    entry.label = label;
    const turns = Math.max(view.timeline.length, 1);
    if (turns <= entry.turnsSeen) return;
    entry.turnsSeen = turns;
    entry.intents[view.intent] = (entry.intents[view.intent] ?? 0) + 1;
    entry.sentimentSum += view.sentiment;
    entry.sentimentCount++;
    for (const reason of view.escalate.reasons) if (!entry.escalationReasons.includes(reason)) entry.escalationReasons.push(reason);
    day.intents[view.intent] = (day.intents[view.intent] ?? 0) + 1;
    day.sentiment[bucket(view.sentiment)]++;
  }

  function reset(): void {
    tally.value = emptyTally(today());
  }

  return { tally, medianFirstReplyMs, topIntents, recordReply, recordDecision, recordTurn, reset };
});
