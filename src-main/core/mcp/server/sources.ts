import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeArticle, KnowledgeHit } from '../../knowledge/types';
import type { CustomerRepository } from '../../storage/repositories/customers';
import type { ConversationRepository } from '../../storage/repositories/conversations';

/**
 * What the copilot's MCP server reads from. Only read paths: the server has no way to reach
 * the outbox, so no side effect can be served even by mistake.
 */
export interface CopilotMcpSources {
  searchKnowledge(query: string, limit: number): Promise<KnowledgeHit[]>;
  getArticle(id: string): Promise<KnowledgeArticle | undefined>;
  /** The local customer cache; absent when nothing has been synced on this machine yet. */
  customers?: Pick<CustomerRepository, 'get' | 'findByEmail' | 'findByUsername' | 'findByOrderId' | 'search' | 'orders' | 'tickets'>;
  conversations?: Pick<ConversationRepository, 'get' | 'forContact' | 'messages'>;
  /** The privacy setting: personal data leaves the app only when the agent allowed it. */
  shareCustomerData: boolean;
}

export interface OpenedSources {
  sources: CopilotMcpSources;
  close(): Promise<void>;
}

/** Binds the real knowledge index and customer cache of a data folder. */
export async function openCopilotMcpSources(options: { dataDir: string; shareCustomerData?: boolean }): Promise<OpenedSources> {
  const { openKnowledgeIndex, loadDemoKnowledge } = await import('../../knowledge/index');
  const { openCacheDatabase } = await import('../../storage/index');
  const cacheFile = join(options.dataDir, 'cache.db');
  // The cache is opened only if the app has created it: the server must not invent an empty one. Without
  // it the knowledge index keeps its articles in memory for this run.
  const db = existsSync(cacheFile) ? openCacheDatabase(cacheFile) : undefined;
  const store = db ?? openCacheDatabase(':memory:');
  const index = await openKnowledgeIndex({ dataDir: options.dataDir, articles: store.articles });
  // An empty index (fresh machine, CLI before the app ever ran) still answers from the demo knowledge base.
  if ((await index.stats()).articles === 0) await index.indexArticles(await loadDemoKnowledge(), 'demo');
  return {
    sources: {
      searchKnowledge: (query, limit) => index.search(query, { mode: 'hybrid', limit }),
      getArticle: (id) => index.getArticle(id),
      ...(db ? { customers: db.customers, conversations: db.conversations } : {}),
      shareCustomerData: options.shareCustomerData ?? false,
    },
    async close() {
      await index.close();
      store.close();
    },
  };
}
