import type { KnowledgeHit } from '../../knowledge/types';
import type { NodeDeps } from '../deps';
import { conversationLanguage } from '../drafting/signals';
import type { CopilotStateType, CopilotStateUpdate } from '../state';
import type { KnowledgeRef } from '../types';

function reference(hit: KnowledgeHit): KnowledgeRef {
  return { articleId: hit.articleId, title: hit.title, section: hit.section, snippet: hit.snippet, chunkText: hit.chunkText.slice(0, 1500), score: hit.score, kind: hit.kind, language: hit.language, ...(hit.subflows?.length ? { subflows: hit.subflows } : {}), ...(hit.url ? { url: hit.url } : {}) };
}

/** How deep the help-centre search looks for the case's own article; the first 4 passages are kept as found. */
const searchDepth = 8;
/** The case article's sections added beside the search's passages (a price list or troubleshooting steps fit). */
const maxOwnPassages = 5;

/**
 * The passages of the case's own article (its front matter names the case's subflow), in the conversation's
 * language: the search gives one passage per article, and the one it picked may not answer this question
 * (the gift-wrap section of a price list asked about express delivery), or may be only one troubleshooting step.
 */
async function caseArticlePassages(deps: NodeDeps, found: KnowledgeHit[], subflow: string | null, language: string, kept: KnowledgeHit[]): Promise<KnowledgeHit[]> {
  if (!subflow || !deps.ports.articlePassages) return [];
  const article = found.find((hit) => hit.language === language && hit.subflows?.includes(subflow));
  if (!article) return [];
  const passages = await deps.ports.articlePassages(article.articleId);
  // A few sections at most: every passage also goes into the model's prompt, which has a token budget.
  return passages.filter((passage) => !kept.some((hit) => hit.articleId === passage.articleId && hit.section === passage.section)).slice(0, maxOwnPassages).map((passage) => ({ ...passage, ...(article.subflows ? { subflows: article.subflows } : {}) }));
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
      const [found, playbooks] = await Promise.all([
        deps.ports.searchKnowledge(query, { mode: 'hybrid', limit: searchDepth, kinds: ['help-centre'], language }),
        deps.ports.searchKnowledge(query, { mode: 'hybrid', limit: 2, kinds: ['playbook'] }),
      ]);
      const helpCentre = found.slice(0, 4);
      // The conversation's language first: an article in it is what a draft quotes.
      const ordered = [...helpCentre.filter((hit) => hit.language === language), ...helpCentre.filter((hit) => hit.language !== language)];
      const own = await caseArticlePassages(deps, found, request?.subflow ?? null, language, ordered);
      return { knowledge: [...ordered.map(reference), ...own.map((hit) => ({ ...reference(hit), readWhole: true })), ...playbooks.map(reference)] };
    } catch {
      return { knowledge: [] };
    }
  };
}
