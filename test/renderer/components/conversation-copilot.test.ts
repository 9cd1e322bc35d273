import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import VirtualList from '@renderer/components/common/VirtualList.vue';
import { VirtualLayout } from '@renderer/components/common/virtual-layout';
import ComposerBox from '@renderer/components/conversation/ComposerBox.vue';
import MessageBubble from '@renderer/components/conversation/MessageBubble.vue';
import ApprovalCard from '@renderer/components/copilot/ApprovalCard.vue';
import SuggestionCard from '@renderer/components/copilot/SuggestionCard.vue';
import { useConversationStore } from '@renderer/stores/conversation';
import { useKeyboardStore } from '@renderer/stores/keyboard';
import { installFakeClient } from '../support/fake-client';
import { action, message } from '../support/samples';

const hostile = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> [click](javascript:alert(1)) ![x](http://evil.example/p.png)';

let pinia: Pinia;

beforeEach(() => {
  localStorage.clear();
  pinia = createPinia();
  setActivePinia(pinia);
  installFakeClient();
});

describe('message and suggestion text', () => {
  it('shows customer text as text: no element, link or image comes out of it', () => {
    const wrapper = mount(MessageBubble, { props: { message: message('m', { text: hostile }) } });
    expect(wrapper.get('.message-text').text()).toBe(hostile);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.find('a').exists()).toBe(false);
  });

  it('shows the delivery state of our replies', () => {
    const wrapper = mount(MessageBubble, { props: { message: message('m', { direction: 'outgoing', delivery: 'failed' }) } });
    expect(wrapper.get('[data-testid="delivery-state"]').text()).toBe('Failed');
    expect(wrapper.get('article').attributes('data-delivery')).toBe('failed');
  });

  it('shows a suggestion as text with its confidence, intent and sources, and opens a source on click', async () => {
    const wrapper = mount(SuggestionCard, {
      props: { index: 0, intent: 'refund_request', suggestion: { text: hostile, citations: [{ articleId: 'kb-1', title: 'Refunds', section: 'Damaged items' }], source: 'llm', confidence: 0.82 } },
      global: { plugins: [pinia] },
    });
    expect(wrapper.get('[data-testid="suggestion-text"]').text()).toBe(hostile);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.text()).toContain('82% confident');
    expect(wrapper.text()).toContain('refund_request');
    expect(wrapper.get('article').attributes('aria-busy')).toBe('false');
    expect(wrapper.get('[data-testid="use-suggestion"]').attributes('title')).toBe('Use this reply (Alt+1)');
    await wrapper.get('[data-testid="suggestion-source"]').trigger('click');
    expect(wrapper.emitted('source')).toEqual([['kb-1']]);
  });

  it('marks a streaming draft busy until it is final', () => {
    const wrapper = mount(SuggestionCard, { props: { index: 1, streamingText: 'Hello Ch' }, global: { plugins: [pinia] } });
    expect(wrapper.get('article').attributes('aria-busy')).toBe('true');
    expect(wrapper.get('[data-testid="suggestion-text"]').text()).toBe('Hello Ch');
    expect(wrapper.find('[data-testid="use-suggestion"]').exists()).toBe(false);
  });
});

describe('approval card', () => {
  it('shows the tool and its arguments in plain words, with the policy result and why', () => {
    const wrapper = mount(ApprovalCard, { props: { action: action('a1'), focused: true, busy: false, rejectRequest: 0 }, global: { plugins: [pinia] } });
    expect(wrapper.get('h4').text()).toBe('Request refund');
    expect(wrapper.get('dl').text()).toContain('order id');
    expect(wrapper.get('dl').text()).toContain('o-1');
    expect(wrapper.text()).toContain('Within the order total.');
    expect(wrapper.text()).toContain('The customer asked for a refund.');
    expect(wrapper.get('[data-testid="approve"]').attributes('title')).toBe('Approve (Ctrl+Shift+A)');
  });

  it('rejects with the reason typed, when the reject key asks the focused card', async () => {
    const wrapper = mount(ApprovalCard, { props: { action: action('a1'), focused: true, busy: false, rejectRequest: 0 }, global: { plugins: [pinia] }, attachTo: document.body });
    await wrapper.setProps({ rejectRequest: 1 });
    await flushPromises();
    const reason = wrapper.get('[data-testid="reject-reason"]');
    expect(document.activeElement).toBe(reason.element);
    await reason.setValue('  Not needed  ');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('reject')).toEqual([['Not needed']]);
    wrapper.unmount();
  });

  it('edits arguments keeping numbers as numbers', async () => {
    const wrapper = mount(ApprovalCard, { props: { action: action('a1'), focused: false, busy: false, rejectRequest: 0 }, global: { plugins: [pinia] } });
    await wrapper.findAll('button').find((button) => button.text() === 'Edit arguments')!.trigger('click');
    await wrapper.get('[data-testid="edit-arg-amount"]').setValue('8.5');
    await wrapper.get('form').trigger('submit');
    // The order id is read-only: it is not sent back.
    expect(wrapper.emitted('edit')).toEqual([[{ amount: 8.5, reason: 'damaged' }]]);
  });

  it('names the tool server an MCP action comes from, and shows a read-only answer or its error as text', () => {
    const write = mount(ApprovalCard, {
      props: { action: action('m1', { tool: 'carrier__reschedule_delivery', server: 'carrier', args: { orderId: 'o-1', date: '2026-12-01' } }), focused: false, busy: false, rejectRequest: 0 },
      global: { plugins: [pinia] },
    });
    expect(write.get('h4').text()).toBe('Reschedule delivery');
    expect(write.get('[data-testid="action-server"]').text()).toBe('From the tool server carrier: runs only once you approve.');
    const read = mount(ApprovalCard, {
      props: {
        action: action('m2', { tool: 'carrier__track_shipment', server: 'carrier', sideEffect: false, status: 'executed', result: '<img src=x onerror=alert(1)> in transit' }),
        focused: false,
        busy: false,
        rejectRequest: 0,
      },
      global: { plugins: [pinia] },
    });
    expect(read.get('[data-testid="action-server"]').text()).toContain('read-only');
    expect(read.get('[data-testid="action-result"]').text()).toContain('<img src=x onerror=alert(1)> in transit');
    expect(read.find('img').exists()).toBe(false);
    const down = mount(ApprovalCard, { props: { action: action('m3', { tool: 'carrier__track_shipment', server: 'carrier', sideEffect: false, error: 'carrier did not answer within 1 s.' }), focused: false, busy: false, rejectRequest: 0 }, global: { plugins: [pinia] } });
    expect(down.get('[data-testid="action-error"]').text()).toBe('carrier did not answer within 1 s.');
    expect(mount(ApprovalCard, { props: { action: action('b1'), focused: false, busy: false, rejectRequest: 0 }, global: { plugins: [pinia] } }).find('[data-testid="action-server"]').exists()).toBe(false);
  });

  it('cannot approve what the policy blocked, and shows no buttons once decided', async () => {
    const blocked = mount(ApprovalCard, { props: { action: action('a1', { policy: 'blocked', policyReason: 'Over the limit' }), focused: false, busy: false, rejectRequest: 0 }, global: { plugins: [pinia] } });
    expect(blocked.get('[data-testid="approve"]').attributes('disabled')).toBeDefined();
    expect(blocked.text()).toContain('Over the limit');
    const done = mount(ApprovalCard, { props: { action: action('a1', { status: 'rejected', decisionReason: 'nope' }), focused: false, busy: false, rejectRequest: 0 }, global: { plugins: [pinia] } });
    expect(done.find('[data-testid="approve"]').exists()).toBe(false);
    expect(done.get('[data-testid="action-status"]').text()).toBe('Rejected');
    expect(done.text()).toContain('nope');
  });
});

describe('composer', () => {
  it('takes the top suggestion on Tab only while it is empty', async () => {
    const keyboard = useKeyboardStore();
    const conversation = useConversationStore();
    let accepted = 0;
    keyboard.handle('suggestion.acceptTop', () => {
      accepted++;
      conversation.insert('Suggested text', true);
    });
    const wrapper = mount(ComposerBox, { global: { plugins: [pinia] } });
    const textarea = wrapper.get('[data-testid="composer"]');
    await textarea.trigger('keydown', { key: 'Tab', code: 'Tab' });
    expect(accepted).toBe(1);
    expect((textarea.element as HTMLTextAreaElement).value).toBe('Suggested text');
    expect(wrapper.get('[data-testid="composer-origin"]').text()).toContain('Suggestion inserted');
    await textarea.trigger('keydown', { key: 'Tab', code: 'Tab' });
    expect(accepted).toBe(1);
    await textarea.setValue('Suggested text, edited');
    expect(wrapper.get('[data-testid="composer-origin"]').text()).toBe('Edited suggestion');
    expect(wrapper.get('[data-testid="send"]').attributes('title')).toBe('Send (Ctrl+Enter)');
  });
});

describe('virtual list', () => {
  it('puts only the rows near the view in the page, even for 10,000 messages', async () => {
    const items = Array.from({ length: 10_000 }, (_, index) => message(`m${index}`, { text: `message ${index}` }));
    const wrapper = mount(VirtualList<ReturnType<typeof message>>, {
      props: { items, itemKey: (item: { id: string }) => item.id, label: 'Messages' },
      slots: { default: ({ item }: { item: { text: string } }) => item.text },
      attachTo: document.body,
    });
    await flushPromises();
    const rows = wrapper.findAll('[role="listitem"]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    expect(wrapper.get('[role="log"]').attributes('aria-label')).toBe('Messages');
    wrapper.unmount();
  });

  it('lays out variable heights with prefix sums and finds the rows for a scroll position', () => {
    const layout = new VirtualLayout(5, 10);
    expect(layout.total()).toBe(50);
    expect(layout.setHeight(1, 30)).toBe(true);
    expect(layout.setHeight(1, 30)).toBe(false);
    expect(layout.offsetOf(2)).toBe(40);
    expect(layout.indexAt(0)).toBe(0);
    expect(layout.indexAt(15)).toBe(1);
    expect(layout.indexAt(45)).toBe(2);
    expect(layout.indexAt(55)).toBe(3);
    expect(layout.range(15, 20, 0)).toEqual({ start: 1, end: 2 });
    expect(layout.range(15, 30, 0)).toEqual({ start: 1, end: 3 });
    layout.resize(7);
    expect(layout.total()).toBe(90);
    expect(layout.offsetOf(2)).toBe(40);
    // Older rows in front: the measured row moves down with its index.
    layout.prepend(3);
    expect(layout.total()).toBe(120);
    expect(layout.offsetOf(4)).toBe(40);
    expect(layout.offsetOf(5)).toBe(70);
  });
});
