import type { EvalMetric } from './eval-types';

interface DraftMetricsModule {
  computeDraftMetrics(conversations: unknown[], replays: { suggestions: { text: string }[] }[][]): unknown;
  draftEvalConversation(raw: unknown): unknown;
}

/**
 * The drafts' metrics (draft-metrics.ts, written with the drafting work) when that module exists: loaded by
 * a computed specifier, so this folder builds and runs without it and picks it up once it lands.
 * LEAD-HOOK: once draft-metrics.ts is on main, this may become a static import.
 */
export async function draftMetricFamily(): Promise<EvalMetric | undefined> {
  const specifier = ['.', 'draft-metrics'].join('/');
  let loaded: Partial<DraftMetricsModule>;
  try {
    loaded = (await import(specifier)) as Partial<DraftMetricsModule>;
  } catch {
    return undefined;
  }
  const { computeDraftMetrics, draftEvalConversation } = loaded;
  if (typeof computeDraftMetrics !== 'function' || typeof draftEvalConversation !== 'function') return undefined;
  return (replayed) =>
    computeDraftMetrics(
      replayed.map((item) => draftEvalConversation(item.conversation)),
      replayed.map((item) => item.replay.turns.map((turn) => ({ suggestions: turn.suggestions.map((suggestion) => ({ text: suggestion.text })) }))),
    ) as Record<string, unknown>;
}
