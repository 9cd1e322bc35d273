import type { ServiceRegistry } from '../app/service-registry';
import type { CoreConfig } from '../config';
import type { Logger } from '../log/logger';
import { loadDemoKnowledge } from './demo-knowledge';
import { openKnowledgeIndex, type KnowledgeIndex } from './knowledge-index';
import { loadArticlesFromDir } from './sources/directory';

/**
 * Opens the index at once (searches work on what is already indexed) and re-indexes the
 * demo knowledge base and the configured folders in the background; only changes are rewritten.
 */
export interface KnowledgeService {
  index(): Promise<KnowledgeIndex>;
  /** Settles when the background indexing has finished, well or not. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function startKnowledgeService(config: CoreConfig, services: ServiceRegistry, logger: Logger): KnowledgeService {
  services.set('knowledge', 'starting');
  const opened = openKnowledgeIndex({ dataDir: config.dataDir, ...(config.embeddings ? { embeddings: config.embeddings } : {}), logger });
  const ready = opened
    .then(async (index) => {
      await index.indexArticles(await loadDemoKnowledge(), 'demo');
      for (const dir of config.knowledgeDirs) {
        try {
          await index.indexArticles(await loadArticlesFromDir(dir, dir), dir);
        } catch (error) {
          logger.warn('knowledge folder could not be indexed', { dir, error: error instanceof Error ? error.message : String(error) });
          services.set('knowledge', 'error', `Could not read ${dir}`);
        }
      }
      await index.prewarm();
      const stats = await index.stats();
      services.set('knowledge', 'ready', `${stats.articles} articles`);
    })
    .catch((error: unknown) => {
      logger.error('knowledge index failed', { error: error instanceof Error ? error.message : String(error) });
      services.set('knowledge', 'error', 'The knowledge base could not be opened');
    });
  return {
    index: () => opened,
    ready,
    async close() {
      await ready;
      await (await opened).close();
    },
  };
}
