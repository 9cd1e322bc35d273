import { performance } from 'node:perf_hooks';
import { CliUsageError, numberFlag, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { loadDemoKnowledge, openKnowledgeIndex } from '../../core/knowledge/index';
import { defaultDataDir } from '../../core/paths/data-dir';
import { searchModeFlag } from './kb-eval';

export const kbSearchCommand: CliCommand = {
  path: ['kb', 'search'],
  summary: 'Search the local knowledge index (the demo knowledge base when nothing is indexed)',
  usage: 'kb search "<query>" [--mode fts|vector|hybrid] [--limit N] [--data <dir>] [--json]',
  async run(context) {
    const query = context.args.positionals.join(' ').trim();
    if (!query) throw new CliUsageError('a query is required');
    const mode = searchModeFlag(stringFlag(context.args, 'mode'));
    const index = await openKnowledgeIndex({ dataDir: stringFlag(context.args, 'data') ?? defaultDataDir() });
    try {
      if ((await index.stats()).articles === 0) await index.indexArticles(await loadDemoKnowledge(), 'demo');
      const start = performance.now();
      const hits = await index.search(query, { mode, limit: numberFlag(context.args, 'limit') ?? 5 });
      const ms = Number((performance.now() - start).toFixed(2));
      for (const hit of hits) context.say(`${hit.score.toFixed(4)}  ${hit.articleId}  ${hit.title}${hit.section ? ` › ${hit.section}` : ''}\n        ${hit.snippet}`);
      if (context.json) context.printJson({ query, mode, ms, hits: hits.map(({ chunkText: _chunkText, ...hit }) => hit) });
    } finally {
      await index.close();
    }
  },
};
