import { resolve } from 'node:path';
import { CliUsageError, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { requireFolder } from '../input-files';
import { loadArticlesFromDir, openKnowledgeIndex } from '../../core/knowledge/index';
import { defaultDataDir } from '../../core/paths/data-dir';

export const kbIndexCommand: CliCommand = {
  path: ['kb', 'index'],
  summary: 'Index a folder of Markdown, HTML, text and PDF articles (only what changed is rewritten)',
  usage: 'kb index --articles <dir> [--data <dir>] [--json]',
  async run(context) {
    const articles = stringFlag(context.args, 'articles');
    if (!articles) throw new CliUsageError('--articles <dir> is required');
    requireFolder(articles, 'articles');
    const index = await openKnowledgeIndex({ dataDir: stringFlag(context.args, 'data') ?? defaultDataDir() });
    try {
      const dir = resolve(articles);
      const result = await index.indexArticles(await loadArticlesFromDir(dir, dir), dir);
      const stats = await index.stats();
      context.say(`added ${result.added}, updated ${result.updated}, unchanged ${result.unchanged}, removed ${result.removed}; ${stats.articles} articles, ${stats.chunks} chunks`);
      if (context.json) context.printJson({ ...result, ...stats });
    } finally {
      await index.close();
    }
  },
};
