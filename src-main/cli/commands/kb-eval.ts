import { CliUsageError, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { requireCsvColumns, requireFolder } from '../input-files';
import { evaluateKnowledge, readQueries, type SearchMode } from '../../core/knowledge/index';

export function searchModeFlag(value: string | undefined): SearchMode {
  if (value === undefined) return 'hybrid';
  if (value === 'fts' || value === 'vector' || value === 'hybrid') return value;
  throw new CliUsageError(`--mode must be fts, vector or hybrid, got "${value}"`);
}

export const kbEvalCommand: CliCommand = {
  path: ['kb', 'eval'],
  summary: 'Recall@1/3, MRR and latency of knowledge search on a labelled query set',
  usage: 'kb eval --articles <dir> --queries <csv> [--mode fts|vector|hybrid] [--json]',
  async run(context) {
    const articles = stringFlag(context.args, 'articles');
    const queries = stringFlag(context.args, 'queries');
    if (!articles || !queries) throw new CliUsageError('--articles <dir> and --queries <csv> are required');
    requireCsvColumns(queries, 'queries', [['query', 'relevant_id']]);
    const result = await evaluateKnowledge(requireFolder(articles, 'articles'), readQueries(queries), searchModeFlag(stringFlag(context.args, 'mode')));
    context.say(`n=${result.n} recall@1=${result.recall_at_1} recall@3=${result.recall_at_3} mrr=${result.mrr} p50=${result.p50_ms}ms p95=${result.p95_ms}ms`);
    if (context.json) context.printJson(result);
  },
};
