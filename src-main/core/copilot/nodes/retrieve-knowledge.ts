import type { KnowledgeHit } from '../../knowledge/types';
import type { NodeDeps } from '../deps';
import { conversationLanguage } from '../drafting/signals';
import type { CopilotStateType, CopilotStateUpdate } from '../state';
import type { KnowledgeRef } from '../types';

function reference(hit: KnowledgeHit): KnowledgeRef {
  return { articleId: hit.articleId, title: hit.title, section: hit.section, snippet: hit.snippet, chunkText: hit.chunkText.slice(0, 1500), score: hit.score, kind: hit.kind, language: hit.language, ...(hit.subflows?.length ? { subflows: hit.subflows } : {}), ...(hit.url ? { url: hit.url } : {}) };
}

/**
 * Hybrid search with the customer's last messages and the intent, so a short follow-up still finds its topic:
 * the help centre in the conversation's language (what drafts are made of), and the playbooks beside it (guidance).
 */
export function retrieveKnowledgeNode(deps: NodeDeps) {
  return async (state: CopilotStateType): Promise<CopilotStateUpdate> => {
    const lines = state.turns.filter((turn) => turn.role === 'customer').map((turn) => turn.text);
    const recent = lines.slice(-2);
    const intent = state.intents.at(-1)?.intent;
    const request = state.caseState.request;
    const query = [...recent, request?.label ?? '', intent && intent !== 'unknown' && intent !== 'none' ? intent.replace(/_/g, ' ') : ''].join(' ').slice(0, 500);
    const language = conversationLanguage(lines, state.caseState.language);
    try {
      const [helpCentre, playbooks] = await Promise.all([
        deps.ports.searchKnowledge(query, { mode: 'hybrid', limit: 4, kinds: ['help-centre'], language }),
        deps.ports.searchKnowledge(query, { mode: 'hybrid', limit: 2, kinds: ['playbook'] }),
      ]);
      // The conversation's language first: an article in it is what a draft quotes.
      const ordered = [...helpCentre.filter((hit) => hit.language === language), ...helpCentre.filter((hit) => hit.language !== language)];
      return { knowledge: [...ordered, ...playbooks].map(reference) };
    } catch {
      return { knowledge: [] };
    }
  };
}
