import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgeHitView, KnowledgeKind } from '@contract/knowledge';
import KnowledgeSearch from '@renderer/components/KnowledgeSearch.vue';
import { useKnowledgeStore } from '@renderer/stores/knowledge';
import { installFakeClient, type FakeClient } from '../support/fake-client';

let pinia: Pinia;
let client: FakeClient;

beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
  client = installFakeClient();
});

const hit = (articleId: string, extra: Partial<KnowledgeHitView>): KnowledgeHitView => ({
  articleId, title: articleId, section: '', snippet: 'Refunds take 5 days.', highlights: [], score: 1, kind: 'playbook', kindOrigin: 'default', language: 'en', ...extra,
});

describe('knowledge kinds in the Knowledge tab', () => {
  it('shows each hit’s kind and language, and offers the customer-facing mark only on an undeclared playbook', async () => {
    let marked: KnowledgeKind = 'playbook';
    client.answer('knowledge.search', () => ({
      hits: [hit('notes', { kind: marked, kindOrigin: marked === 'playbook' ? 'default' : 'marked' }), hit('devoluciones', { kind: 'help-centre', kindOrigin: 'declared', language: 'es' })],
      mode: 'hybrid' as const,
      ms: 1,
    }));
    client.answer('knowledge.markKind', (input) => {
      marked = input.kind;
      return { articleId: input.articleId, kind: input.kind, kindOrigin: 'marked' as const, articles: input.scope === 'source' ? 3 : 1 };
    });
    const knowledge = useKnowledgeStore();
    const wrapper = mount(KnowledgeSearch, { global: { plugins: [pinia] } });
    await knowledge.search('refund');
    await flushPromises();
    expect(wrapper.findAll('[data-testid="hit-kind"]').map((badge) => badge.text())).toEqual(['Playbook', 'Help centre · ES']);

    // Only the undeclared playbook is offered the mark; the declared help-centre article is not.
    expect(wrapper.findAll('[data-testid="mark-customer-facing"]')).toHaveLength(1);
    await wrapper.get('[data-testid="mark-folder-customer-facing"]').trigger('click');
    await flushPromises();
    expect(client.calls.find((call) => call.method === 'knowledge.markKind')?.input).toEqual({ articleId: 'notes', scope: 'source', kind: 'help-centre' });
    expect(wrapper.get('[data-testid="kind-notice"]').text()).toContain('3 articles of this folder now count as customer-facing');
    // The search ran again and the hit now says what the mark made it.
    expect(wrapper.findAll('[data-testid="hit-kind"]')[0]?.text()).toBe('Help centre');
    expect(wrapper.find('[data-testid="mark-customer-facing"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="mark-playbook"]').exists()).toBe(true);
  });
});
