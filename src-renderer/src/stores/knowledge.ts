import type { KnowledgeArticleView, KnowledgeHitView, KnowledgeKind } from '@contract/knowledge';
import { ContractError } from '@contract/errors';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useClient } from '../client/provide';

/** Knowledge search as you type: the latest query wins, earlier answers arriving late are dropped. */
export const useKnowledgeStore = defineStore('knowledge', () => {
  const query = ref('');
  const hits = ref<KnowledgeHitView[]>([]);
  const searching = ref(false);
  const error = ref<string | undefined>();
  const lastMs = ref<number | undefined>();
  const openArticle = ref<KnowledgeArticleView | undefined>();
  const notice = ref<string | undefined>();
  /** The section the article was opened for (a citation's, a hit's): the reader starts there. */
  const openSection = ref<string | undefined>();
  let sequence = 0;

  async function search(text: string): Promise<void> {
    query.value = text;
    const mine = ++sequence;
    if (!text.trim()) {
      hits.value = [];
      error.value = undefined;
      return;
    }
    searching.value = true;
    try {
      const result = await useClient().call('knowledge.search', { query: text.slice(0, 500), limit: 8 });
      if (mine !== sequence) return;
      hits.value = result.hits;
      lastMs.value = result.ms;
      error.value = undefined;
    } catch (caught) {
      if (mine !== sequence) return;
      error.value = caught instanceof ContractError ? caught.message : 'The knowledge search failed. Try again.';
    } finally {
      if (mine === sequence) searching.value = false;
    }
  }

  async function open(id: string, section?: string): Promise<void> {
    try {
      const article = await useClient().call('knowledge.getArticle', { id });
      openSection.value = section || undefined;
      openArticle.value = article;
    } catch (caught) {
      error.value = caught instanceof ContractError ? caught.message : 'The article could not be opened.';
    }
  }

  /** The agent's mark of what is customer-facing, on one article or its whole folder; main keeps it. */
  async function markKind(articleId: string, scope: 'article' | 'source', kind: KnowledgeKind): Promise<void> {
    try {
      const marked = await useClient().call('knowledge.markKind', { articleId, scope, kind });
      notice.value =
        marked.kind !== kind
          ? 'Its source declares this article a playbook, so it stays one.'
          : scope === 'source'
            ? `${marked.articles} article${marked.articles === 1 ? '' : 's'} of this folder now count as ${kind === 'help-centre' ? 'customer-facing' : 'playbooks'}.`
            : `Marked as ${kind === 'help-centre' ? 'customer-facing' : 'a playbook'}.`;
      if (openArticle.value?.id === articleId) openArticle.value = { ...openArticle.value, kind: marked.kind, kindOrigin: marked.kindOrigin };
      // A folder mark changes other hits too: ask again rather than guess which.
      if (query.value.trim()) await search(query.value);
    } catch (caught) {
      error.value = caught instanceof ContractError ? caught.message : 'The mark could not be saved. Try again.';
    }
  }

  function closeArticle(): void {
    openArticle.value = undefined;
    openSection.value = undefined;
  }

  return { query, hits, searching, error, lastMs, openArticle, openSection, notice, search, open, closeArticle, markKind };
});
