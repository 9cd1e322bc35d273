import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import CustomerPanel from '@renderer/components/customer/CustomerPanel.vue';
import CheatSheet from '@renderer/components/dialogs/CheatSheet.vue';
import CommandPalette from '@renderer/components/dialogs/CommandPalette.vue';
import { trapTab } from '@renderer/composables/focus-trap';
import KnowledgeSearch from '@renderer/components/KnowledgeSearch.vue';
import QueuePanel from '@renderer/components/queue/QueuePanel.vue';
import StatusBar from '@renderer/components/status/StatusBar.vue';
import { useCustomerStore } from '@renderer/stores/customer';
import { useKeyboardStore } from '@renderer/stores/keyboard';
import { useQueueStore } from '@renderer/stores/queue';
import { useStatusStore } from '@renderer/stores/status';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { profile, queueItem } from '../support/samples';

let pinia: Pinia;
let client: FakeClient;

beforeEach(() => {
  localStorage.clear();
  pinia = createPinia();
  setActivePinia(pinia);
  client = installFakeClient();
});

describe('queue panel', () => {
  it('lists conversations with waiting time, unread count and escalation flag, and filters them', async () => {
    client.answer('workspace.listConversations', [queueItem('a', { waitingSince: new Date(Date.now() - 5 * 60_000).toISOString(), unread: 2 }), queueItem('b')]);
    const queue = useQueueStore();
    await queue.load();
    queue.setSignals('b', { escalated: true, sentiment: -0.7 });
    const wrapper = mount(QueuePanel, { global: { plugins: [pinia] } });
    const rows = wrapper.findAll('[data-testid="queue-item"]');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.text()).toContain('waiting 5 min');
    expect(rows[0]?.get('.badge').attributes('aria-label')).toBe('2 unread');
    expect(rows[1]?.find('[data-testid="escalation-flag"]').exists()).toBe(true);
    expect(rows[1]?.text()).toContain('Upset');
    await wrapper.findAll('[role="radio"]').find((button) => button.text() === 'Escalated')!.trigger('click');
    expect(wrapper.findAll('[data-testid="queue-item"]').map((row) => row.attributes('data-id'))).toEqual(['b']);
    await rows[1]?.trigger('click');
    expect(wrapper.emitted('open')).toEqual([['b']]);
  });

  it('has a design for loading, empty, no match and error', async () => {
    const queue = useQueueStore();
    const wrapper = mount(QueuePanel, { global: { plugins: [pinia] } });
    queue.loading = true;
    await flushPromises();
    expect(wrapper.get('[role="status"]').text()).toContain('Loading');
    client.answer('workspace.listConversations', []);
    await queue.load();
    await flushPromises();
    expect(wrapper.text()).toContain('No open conversations');
    client.answer('workspace.listConversations', [queueItem('a')]);
    await queue.load();
    queue.search = 'zzz';
    await flushPromises();
    expect(wrapper.text()).toContain('Nothing matches');
    client.answer('workspace.listConversations', () => {
      throw new Error('down');
    });
    await queue.load();
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('The queue could not be loaded.');
    expect(wrapper.get('[role="alert"] button').text()).toBe('Try again');
  });
});

describe('customer panel', () => {
  it('shows the profile, orders, open and past tickets, memory and preferences, and forgets a fact', async () => {
    client.answer('customer.getProfile', profile('c-1'));
    client.answer('customer.deleteMemory', { deleted: true });
    await useCustomerStore().load('c-1');
    const wrapper = mount(CustomerPanel, { global: { plugins: [pinia] } });
    expect(wrapper.get('[data-testid="profile-name"]').text()).toBe('Ada Lovelace');
    expect(wrapper.get('[data-testid="profile-tier"]').text()).toBe('Gold');
    expect(wrapper.text()).toContain('1× Kettle');
    expect(wrapper.text()).toContain('Late parcel');
    expect(wrapper.text()).toContain('Old question');
    expect(wrapper.text()).toContain('contact channel');
    const forget = wrapper.findAll('[data-testid="memory-list"] button')[1]!;
    expect(forget.attributes('aria-label')).toBe('Forget: Has a cat');
    await forget.trigger('click');
    await flushPromises();
    expect(client.calls.at(-1)).toEqual({ method: 'customer.deleteMemory', input: { customerId: 'c-1', memoryId: 2 } });
    expect(wrapper.get('[data-testid="memory-list"]').text()).not.toContain('Has a cat');
  });

  it('says so when no customer is linked, and offers a retry when the profile fails', async () => {
    const wrapper = mount(CustomerPanel, { global: { plugins: [pinia] } });
    expect(wrapper.text()).toContain('No customer is linked');
    client.answer('customer.getProfile', () => {
      throw new Error('gone');
    });
    await useCustomerStore().load('c-1');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('could not be loaded');
  });
});

describe('knowledge search', () => {
  it('searches as the agent types, highlights the matched words and inserts a passage', async () => {
    client.answer('knowledge.search', { hits: [{ articleId: 'kb-1', title: 'Shipping', section: 'Late', snippet: 'If a package never arrived, open an investigation.', highlights: [[5, 12]], score: 1, kind: 'help-centre', kindOrigin: 'declared', language: 'en' }], mode: 'fts', ms: 3 });
    const wrapper = mount(KnowledgeSearch, { global: { plugins: [pinia] } });
    await wrapper.get('[data-testid="knowledge-query"]').setValue('package');
    // The search waits for a pause in typing (real timers: Vue ignores events older than a handler it attached in faked time).
    await new Promise((resolve) => setTimeout(resolve, 200));
    await flushPromises();
    expect(wrapper.get('mark').text()).toBe('package');
    await wrapper.get('[data-testid="insert-snippet"]').trigger('click');
    expect(wrapper.emitted('insert')).toEqual([['If a package never arrived, open an investigation.']]);
  });
});

describe('dialogs', () => {
  it('the cheat sheet lists every command with its current key', () => {
    const keyboard = useKeyboardStore();
    keyboard.rebind('sync.now', 'Alt+Y');
    const wrapper = mount(CheatSheet, { global: { plugins: [pinia] } });
    expect(wrapper.get('[role="dialog"]').attributes('aria-modal')).toBe('true');
    expect(wrapper.text()).toContain('Alt+Y');
    expect(wrapper.text()).toContain('Approve the focused action');
  });

  it('keeps Tab and Shift+Tab inside an open dialog', async () => {
    const box = document.createElement('div');
    box.innerHTML = '<button id="one">1</button><input id="two" /><button id="three">3</button><button disabled>off</button>';
    document.body.append(box);
    const press = (shiftKey = false): KeyboardEvent => {
      const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, cancelable: true });
      trapTab(event, box);
      return event;
    };
    (box.querySelector('#three') as HTMLElement).focus();
    expect(press().defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('one');
    expect(press(true).defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('three');
    (box.querySelector('#two') as HTMLElement).focus();
    // In the middle the browser moves focus itself.
    expect(press().defaultPrevented).toBe(false);
    box.remove();

    const wrapper = mount(CheatSheet, { global: { plugins: [pinia] }, attachTo: document.body });
    const dialog = wrapper.get('[role="dialog"]');
    // Focus that strayed outside the dialog comes back in.
    (document.activeElement as HTMLElement | null)?.blur();
    await dialog.trigger('keydown', { key: 'Tab' });
    expect(dialog.element.contains(document.activeElement)).toBe(true);
    wrapper.unmount();
  });

  it('the command palette filters commands and conversations and runs the chosen one', async () => {
    const keyboard = useKeyboardStore();
    const sync = vi.fn();
    keyboard.handle('sync.now', sync);
    client.answer('workspace.listConversations', [queueItem('a', { customerName: 'Ada Lovelace' })]);
    await useQueueStore().load();
    const wrapper = mount(CommandPalette, { global: { plugins: [pinia] } });
    const input = wrapper.get('[data-testid="palette-input"]');
    await input.setValue('sync');
    expect(wrapper.findAll('[role="option"]')[0]?.text()).toContain('Sync with the CRM now');
    await input.trigger('keydown', { key: 'Enter' });
    expect(sync).toHaveBeenCalledOnce();
    expect(wrapper.emitted('close')).toHaveLength(1);
    await input.setValue('ada');
    await input.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('openConversation')).toEqual([['a']]);
  });
});

describe('status bar', () => {
  it('shows the outbox with failed items and retries one', async () => {
    client.answer('sync.status', { state: 'idle', lastSyncAt: new Date().toISOString(), lastError: null, counts: {}, quarantined: 0 });
    client.answer('outbox.list', [{ id: 7, kind: 'create_ticket', customerId: 'c', state: 'dead', attempts: 5, lastError: 'HTTP 500', createdAt: '' }]);
    client.answer('outbox.retry', { retried: true });
    await useStatusStore().refresh();
    const wrapper = mount(StatusBar, { global: { plugins: [pinia] } });
    expect(wrapper.get('[data-testid="sync-state"]').text()).toContain('Synced');
    expect(wrapper.get('[data-testid="outbox-button"]').text()).toContain('1 failed');
    await wrapper.get('[data-testid="outbox-button"]').trigger('click');
    expect(wrapper.get('[role="dialog"]').text()).toContain('HTTP 500');
    await wrapper.get('[role="dialog"] button').trigger('click');
    await flushPromises();
    expect(client.calls.some((call) => call.method === 'outbox.retry')).toBe(true);
  });

  it('shows offline and the LLM state', async () => {
    useStatusStore().setBrowserOnline(false);
    const wrapper = mount(StatusBar, { global: { plugins: [pinia] } });
    expect(wrapper.get('[data-testid="offline-indicator"]').text()).toContain('Offline');
    expect(wrapper.get('[data-testid="llm-state"]').text()).toBe('AI: not used yet');
  });
});
