import { existsSync, statSync } from 'node:fs';
import { CliUsageError, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { draftMetricFamily } from '../../core/copilot/eval/optional-draft-metrics';
import { computeEvalMetrics, evalMetrics, replayFolder } from '../../core/copilot/eval/run-eval';

export const copilotEvalCommand: CliCommand = {
  path: ['copilot', 'eval'],
  summary: 'Replay every ABCD-format conversation of a folder and report customer found, side-effect precision/recall and forbidden proposals',
  usage: 'copilot eval --conversations <dir> [--llm <url>] [--model M] [--json]',
  async run(context) {
    const dir = stringFlag(context.args, 'conversations');
    if (!dir) throw new CliUsageError('--conversations <dir> is required');
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliUsageError(`${dir} is not a folder of conversation JSON files`);
    const llmUrl = stringFlag(context.args, 'llm');
    const replayed = await replayFolder(dir, {
      ...(llmUrl ? { llm: { baseUrl: llmUrl, model: stringFlag(context.args, 'model') ?? 'copilot', apiKey: process.env.COPILOT_LLM_API_KEY ?? 'not-needed' } } : {}),
      onProgress: (file) => {
        if (!context.json) context.say(`replaying ${file}`);
      },
    });
    const drafts = await draftMetricFamily();
    const metrics = computeEvalMetrics(replayed, drafts ? { ...evalMetrics, drafts } : evalMetrics);
    if (context.json) {
      context.printJson(metrics);
      return;
    }
    const summary = metrics.case as Record<string, unknown>;
    context.say(`customer found ${String(summary.customerFoundOf)} (decoy ${String(summary.decoyFound)}, false positives ${String(summary.customerFalsePositives)})`);
    context.say(`side-effect precision ${String(summary.sideEffectPrecision)}, recall ${String(summary.sideEffectRecall)}, forbidden proposals ${String(summary.forbiddenProposals)}`);
    if (metrics.drafts) context.say(`drafts ${JSON.stringify(metrics.drafts)}`);
  },
};
