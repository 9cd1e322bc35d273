import type { NodeDeps } from '../deps';
import type { CopilotStateType, CopilotStateUpdate } from '../state';

/** Hybrid search with the customer's last messages and the intent, so a short follow-up still finds its topic. */
export function retrieveKnowledgeNode(deps: NodeDeps) {
  return async (state: CopilotStateType): Promise<CopilotStateUpdate> => {
    const recent = state.turns.filter((turn) => turn.role === 'customer').slice(-2).map((turn) => turn.text);
    const intent = state.intents.at(-1)?.intent;
    const query = [...recent, intent && intent !== 'unknown' && intent !== 'none' ? intent.replace(/_/g, ' ') : ''].join(' ').slice(0, 500);
    try {
      const hits = await deps.ports.searchKnowledge(query, { mode: 'hybrid', limit: 4 });
      return {
        knowledge: hits.map((hit) => ({ articleId: hit.articleId, title: hit.title, section: hit.section, snippet: hit.snippet, chunkText: hit.chunkText.slice(0, 1500), score: hit.score, ...(hit.url ? { url: hit.url } : {}) })),
      };
    } catch {
      return { knowledge: [] };
    }
  };
}
