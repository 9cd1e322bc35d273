import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import QueuePanel from '@renderer/components/queue/QueuePanel.vue';
import { useQueueStore } from '@renderer/stores/queue';
import { installFakeClient } from '../support/fake-client';
import { queueItem } from '../support/samples';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the queue keeps its active row in view', () => {
  it('scrolls to the row in the next frame, not in the task that changed it (a layout read there delays the thread it opens)', async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    installFakeClient().answer('workspace.listConversations', () => [queueItem('a'), queueItem('b'), queueItem('c')]);
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const scrolled: string[] = [];
    const scrollIntoView = vi.fn(function (this: HTMLElement) {
      scrolled.push(this.dataset.id ?? '');
    });
    Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', { value: scrollIntoView, configurable: true, writable: true });
    const queue = useQueueStore();
    const wrapper = mount(QueuePanel, { global: { plugins: [pinia] } });
    await queue.load();
    await flushPromises();

    queue.select('b');
    await flushPromises();
    expect(scrolled).toEqual([]);
    for (const frame of frames.splice(0)) frame(0);
    expect(scrolled).toEqual(['b']);
    wrapper.unmount();
  });
});
