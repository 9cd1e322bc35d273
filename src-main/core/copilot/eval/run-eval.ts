import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LlmSettings } from '../llm';
import { replayConversation } from '../replay';
import { caseMetrics } from './case-metrics';
import type { EvalConversation, EvalMetric, ReplayedConversation } from './eval-types';

/** The metric families of `copilot eval`; a new family is one more entry here. */
export const evalMetrics: Record<string, EvalMetric> = { case: caseMetrics };

/** Every `*.json` conversation of a folder, replayed one after another (each on its own fresh workspace). */
export async function replayFolder(dir: string, options: { llm?: LlmSettings; onProgress?: (file: string) => void } = {}): Promise<ReplayedConversation[]> {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const replayed: ReplayedConversation[] = [];
  for (const file of files) {
    const conversation = JSON.parse(readFileSync(join(dir, file), 'utf8')) as EvalConversation;
    options.onProgress?.(file);
    replayed.push({ file, conversation, replay: await replayConversation(conversation, options.llm ? { llm: options.llm } : {}) });
  }
  return replayed;
}

export function computeEvalMetrics(replayed: ReplayedConversation[], metrics: Record<string, EvalMetric> = evalMetrics): Record<string, unknown> {
  return Object.fromEntries(Object.entries(metrics).map(([name, metric]) => [name, metric(replayed)]));
}
