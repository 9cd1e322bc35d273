import { performance } from 'node:perf_hooks';
import { CoreError } from '../contract/errors';
import type { Handlers } from '../contract/index';
import type { KnowledgeIndex } from './knowledge-index';

type KnowledgeHandlers = Pick<Handlers, 'knowledge.search' | 'knowledge.getArticle' | 'knowledge.markKind'>;

const gone = (): CoreError => new CoreError('NOT_FOUND', 'That article is no longer in the knowledge base.', 'Search again; it may have been removed or renamed.');

/** Search works whenever the local index is open: no network, no LLM. */
export function createKnowledgeHandlers(getIndex: () => Promise<KnowledgeIndex>): KnowledgeHandlers {
  const open = async (): Promise<KnowledgeIndex> => {
    try {
      return await getIndex();
    } catch (error) {
      throw new CoreError('UNAVAILABLE', 'The knowledge base could not be opened.', 'Restart the app; if it keeps failing, the log in the data folder says why.', { cause: error });
    }
  };
  return {
    'knowledge.search': async ({ query, mode, limit, tags, kinds, language }) => {
      const index = await open();
      const start = performance.now();
      const chosen = mode ?? 'hybrid';
      const hits = await index.search(query, { mode: chosen, limit: limit ?? 8, ...(tags ? { tags } : {}), ...(kinds ? { kinds } : {}), ...(language ? { language } : {}) });
      return {
        hits: hits.map(({ chunkText: _chunkText, topic: _topic, subflows: _subflows, ...hit }) => hit),
        mode: chosen,
        ms: Number((performance.now() - start).toFixed(2)),
      };
    },
    'knowledge.getArticle': async ({ id }) => {
      const article = await (await open()).getArticle(id);
      if (!article) throw gone();
      return {
        id: article.id,
        title: article.title,
        body: article.body,
        tags: article.tags ?? [],
        ...(article.url ? { url: article.url } : {}),
        ...(article.updatedAt ? { updatedAt: article.updatedAt } : {}),
        kind: article.kind,
        kindOrigin: article.kindOrigin,
        language: article.language,
      };
    },
    'knowledge.markKind': async ({ articleId, scope, kind }) => {
      const marked = await (await open()).markKind(articleId, scope, kind);
      if (!marked) throw gone();
      return marked;
    },
  };
}
