import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import KnowledgeSearch from '@renderer/components/KnowledgeSearch.vue';
import { articleBlocks, sectionId } from '@renderer/components/knowledge/article-blocks';
import { useKnowledgeStore } from '@renderer/stores/knowledge';
import { useUiStore } from '@renderer/stores/ui';
import { installFakeClient, type FakeClient } from '../support/fake-client';

let pinia: Pinia;
let client: FakeClient;

const body = [
  '# Refunds',
  '',
  'Refunds go back to the card. <img src="http://evil.example/p.png" onerror="window.__pwned=1"> <script>window.__pwned=2</script>',
  '',
  '## Damaged items',
  '',
  'Ask for a **photo** of the damage, then see [the form](https://help.example/form) or [this](javascript:alert(1)).',
  '',
  '![diagram](http://evil.example/diagram.png)',
  '',
  '1. Pull up the account',
  '2. Validate the purchase',
  '   - Order ID',
  '',
  '## Store credit',
  '',
  'Offer store credit when the card has expired.',
].join('\n');

beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
  client = installFakeClient();
  client.answer('knowledge.getArticle', { id: 'policy-refunds', title: 'Refund policy', body, tags: [], kind: 'playbook', kindOrigin: 'default', language: 'en' });
});

describe('article reader', () => {
  it('turns Markdown into headings, paragraphs and lists, and finds a cited section', () => {
    const blocks = articleBlocks(body);
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => (block.kind === 'heading' ? block.id : ''))).toEqual(['refunds', 'damaged-items', 'store-credit']);
    expect(sectionId(blocks, 'Damaged items')).toBe('damaged-items');
    expect(sectionId(blocks, 'store credit')).toBe('store-credit');
    expect(sectionId(blocks, 'nothing like it')).toBeUndefined();
  });

  it('opens readable, without script, images or live links, at the cited section; Escape goes back to where the agent was', async () => {
    const origin = document.createElement('button');
    origin.textContent = 'Refund policy › Damaged items';
    document.body.appendChild(origin);
    origin.focus();
    const wrapper = mount(KnowledgeSearch, { global: { plugins: [pinia] }, attachTo: document.body });
    const ui = useUiStore();
    ui.tab = 'knowledge';
    ui.returnFocusTo(origin);
    await useKnowledgeStore().open('policy-refunds', 'Damaged items');
    await flushPromises();
    const article = wrapper.get('[data-testid="knowledge-article"]');
    expect(article.get('h2').text()).toBe('Refund policy');
    expect(article.findAll('h3').map((heading) => heading.text())).toEqual(['Damaged items', 'Store credit']);
    expect(article.get('strong').text()).toBe('photo');
    expect(article.findAll('ol > li')).toHaveLength(2);
    // Rendered as text: nothing runs, nothing loads, no link can be followed.
    for (const tag of ['img', 'script', 'a', 'iframe']) expect(article.find(tag).exists()).toBe(false);
    expect(article.text()).toContain('<img src="http://evil.example/p.png"');
    expect(article.text()).toContain('[image: diagram]');
    // At the cited section: marked and focused (the reader scrolls it into view).
    const cited = article.get('[data-cited="true"]');
    expect(cited.text()).toBe('Damaged items');
    expect(document.activeElement).toBe(cited.element);
    // The search results are out of the way while reading.
    expect(wrapper.get('section.knowledge').attributes('style')).toContain('display: none');
    await article.trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-testid="knowledge-article"]').exists()).toBe(false);
    expect(document.activeElement).toBe(origin);
    wrapper.unmount();
    origin.remove();
  });
});
