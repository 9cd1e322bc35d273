import { computeDraftMetrics, draftEvalConversation } from './draft-metrics';
import type { EvalMetric } from './eval-types';

/**
 * The drafts' metrics (draft-metrics.ts) as one family of `copilot eval`: the conversations and, per replayed
 * customer line, its suggestions with their move and confidence (for the move calibration).
 */
export function draftMetricFamily(): Promise<EvalMetric | undefined> {
  const metric: EvalMetric = (replayed) => {
    const { perConversation: _perConversation, ...metrics } = computeDraftMetrics(
      replayed.map((item) => draftEvalConversation(item.conversation)),
      replayed.map((item) => item.replay.turns.map((turn) => ({ suggestions: turn.suggestions.map((suggestion) => ({ text: suggestion.text, confidence: suggestion.confidence, ...(suggestion.move ? { move: suggestion.move } : {}) })) }))),
    );
    return metrics as unknown as Record<string, unknown>;
  };
  return Promise.resolve(metric);
}
