import type { MessageView } from '@contract/workspace';
import { createApp, h } from 'vue';
import VirtualList from '../components/common/VirtualList.vue';
import MessageBubble from '../components/conversation/MessageBubble.vue';
import { estimateMessageHeight } from '../components/conversation/message-height';

/**
 * The first thread the agent opens paid for code that had never run: V8 compiles a function on its first call,
 * and the list, the bubbles and the time formatters (Intl) all ran for the first time inside that open, as one
 * long task. Rendering a few sample messages once, detached from the page, while the window is idle moves that
 * cost out of the open. Nothing is attached to the document, so no test or reader ever sees these rows.
 */
export function warmThreadRendering(): void {
  const now = Date.now();
  const sample = (index: number, direction: MessageView['direction'], ageMs: number): MessageView => ({
    id: `warm-${index}`,
    direction,
    sender: direction === 'incoming' ? 'Customer' : 'Agent',
    text: 'A warm-up line of text that wraps like a message does.\nAnd a second paragraph.',
    createdAt: new Date(now - ageMs).toISOString(),
    delivery: 'delivered',
  });
  // Today and an older day take the two time formats; both directions take both bubble shapes.
  const items = [sample(0, 'incoming', 3 * 86_400_000), sample(1, 'outgoing', 86_400_000), sample(2, 'incoming', 60_000), sample(3, 'outgoing', 0)];
  const host = document.createElement('div');
  const app = createApp({
    render: () =>
      h(VirtualList<MessageView>, { items, itemKey: (item: MessageView) => item.id, label: 'warm-up', estimateHeight: estimateMessageHeight }, { default: ({ item }: { item: MessageView }) => h(MessageBubble, { message: item }) }),
  });
  try {
    app.mount(host);
  } finally {
    app.unmount();
  }
}

/** `?warm=off` leaves the first open cold: only the ui-conversation benchmark sets it, to measure against. */
export function scheduleThreadWarmup(): void {
  if (typeof window === 'undefined' || new URLSearchParams(location.search).get('warm') === 'off') return;
  const run = (): void => {
    try {
      warmThreadRendering();
    } catch {
      // A warm-up that fails costs the first open its head start, nothing more.
    }
  };
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 250 });
  else setTimeout(run, 100);
}
