import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import QueuePanel from '@renderer/components/queue/QueuePanel.vue';
import { reorderIdleMs, useQueueStore } from '@renderer/stores/queue';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { queueItem } from '../support/samples';

let pinia: Pinia;
let client: FakeClient;

beforeEach(() => {
  vi.useFakeTimers();
  pinia = createPinia();
  setActivePinia(pinia);
  client = installFakeClient();
});
afterEach(() => vi.useRealTimers());

const ids = () => useQueueStore().visible.map((item) => item.id);

describe('the queue keeps the agent’s place', () => {
  it('marks new activity and holds the order while the agent works; re-sorts when asked or after 10 s without input', async () => {
    let answer = [queueItem('a'), queueItem('b'), queueItem('c')];
    client.answer('workspace.listConversations', () => answer);
    const queue = useQueueStore();
    const wrapper = mount(QueuePanel, { global: { plugins: [pinia] } });
    await queue.load();
    queue.select('b');
    expect(ids()).toEqual(['a', 'b', 'c']);

    // A message for c arrives and main now puts c first, and a new conversation d on top.
    queue.noteMessage('c', { id: 'm9', direction: 'incoming', text: 'Hello?', createdAt: '2026-11-25T10:00:00.000Z' });
    answer = [queueItem('d'), queueItem('c'), queueItem('a'), queueItem('b')];
    queue.noteInput();
    await queue.load();
    await flushPromises();
    // The rows the agent sees did not move; the new one is at the end; both are marked.
    expect(ids()).toEqual(['a', 'b', 'c', 'd']);
    expect(wrapper.findAll('[data-testid="queue-new"]')).toHaveLength(2);
    expect(wrapper.find('[data-testid="queue-sort"]').exists()).toBe(true);
    // Alt+↓ from b lands on c, the row below it on screen.
    expect(queue.step(1)).toBe('c');

    // Still working (input 5 s later): no re-sort 10 s after the load.
    vi.advanceTimersByTime(5_000);
    queue.noteInput();
    vi.advanceTimersByTime(reorderIdleMs - 1);
    expect(ids()).toEqual(['a', 'b', 'c', 'd']);
    // 10 s after the last input: main's order.
    vi.advanceTimersByTime(2);
    expect(ids()).toEqual(['d', 'c', 'a', 'b']);
    await flushPromises();
    expect(wrapper.find('[data-testid="queue-sort"]').exists()).toBe(false);
  });

  it('sorts at once when the agent asks', async () => {
    let answer = [queueItem('a'), queueItem('b')];
    client.answer('workspace.listConversations', () => answer);
    const queue = useQueueStore();
    const wrapper = mount(QueuePanel, { global: { plugins: [pinia] } });
    await queue.load();
    answer = [queueItem('b'), queueItem('a')];
    queue.noteInput();
    await queue.load();
    await flushPromises();
    expect(ids()).toEqual(['a', 'b']);
    await wrapper.get('[data-testid="queue-sort"]').trigger('click');
    expect(ids()).toEqual(['b', 'a']);
  });

  it('"Queue (N)" counts what the filter shows, and a search finds an order id through main', async () => {
    client.answer('workspace.listConversations', (input) => (input.query ? [queueItem('b')] : [queueItem('a', { waitingSince: '2026-11-25T09:00:00.000Z' }), queueItem('b'), queueItem('c')]));
    const queue = useQueueStore();
    const wrapper = mount(QueuePanel, { global: { plugins: [pinia] } });
    await queue.load();
    await flushPromises();
    expect(wrapper.get('[data-testid="queue-count"]').text()).toBe('(3)');
    queue.filter = 'waiting';
    await flushPromises();
    expect(wrapper.get('[data-testid="queue-count"]').text()).toBe('(1 of 3)');
    queue.filter = 'all';
    await wrapper.get('[data-testid="queue-search"]').setValue('7916676427');
    vi.advanceTimersByTime(250);
    await flushPromises();
    expect(ids()).toEqual(['b']);
    expect(client.calls.some((call) => call.method === 'workspace.listConversations' && (call.input as { query?: string }).query === '7916676427')).toBe(true);
    expect(wrapper.get('[data-testid="queue-count"]').text()).toBe('(1 of 3)');
  });
});
