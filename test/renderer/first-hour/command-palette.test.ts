import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import CommandPalette from '@renderer/components/dialogs/CommandPalette.vue';
import { commandIds } from '@renderer/keyboard/commands';
import { useCopilotStore } from '@renderer/stores/copilot';
import { useKeyboardStore } from '@renderer/stores/keyboard';
import { useQueueStore } from '@renderer/stores/queue';
import { installFakeClient } from '../support/fake-client';
import { action, queueItem, turn } from '../support/samples';

let pinia: Pinia;

beforeEach(() => {
  localStorage.clear();
  pinia = createPinia();
  setActivePinia(pinia);
  installFakeClient().answer('outbox.list', []);
  useQueueStore().items = [
    queueItem('q1', { customerName: 'Ada Lovelace', subject: 'Where is my parcel', lastMessage: 'I would like a refund instead' }),
    queueItem('q2', { customerName: 'Ben Okafor', subject: 'Password reset', lastMessage: 'Thanks' }),
  ];
  const copilot = useCopilotStore();
  copilot.conversationId = 'q1';
  copilot.settle(turn('q1', { actions: [action('call_7', { args: { orderId: 'o-1', amount: 12, reason: 'damaged' } }), action('done', { status: 'executed' })] }));
});

const titles = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('[data-testid="palette-entry"]').map((entry) => entry.text());

describe('command palette', () => {
  it('reaches every command, including the theme and knowledge search, and every pending action', () => {
    const wrapper = mount(CommandPalette, { global: { plugins: [pinia] } });
    const shown = titles(wrapper);
    const keyboard = useKeyboardStore();
    for (const binding of keyboard.bindings.filter((entry) => entry.id !== 'palette.open' && entry.id !== 'dialog.close')) expect(shown.some((title) => title.startsWith(binding.title)), binding.id).toBe(true);
    expect(commandIds).toEqual(expect.arrayContaining(['theme.light', 'theme.dark', 'theme.system', 'knowledge.focusSearch']));
    expect(shown).toEqual(expect.arrayContaining([expect.stringMatching(/^Approve: Request refund \(o-1, 12, damaged\)/), expect.stringMatching(/^Reject: Request refund/)]));
    // A decided action is not pending: not offered.
    expect(shown.filter((title) => title.startsWith('Approve:'))).toHaveLength(1);
  });

  it('"refund" matches the pending refund, a knowledge search, a conversation by its last message, and commands about it', async () => {
    const wrapper = mount(CommandPalette, { global: { plugins: [pinia] } });
    await wrapper.get('[data-testid="palette-input"]').setValue('refund');
    const kinds = wrapper.findAll('[data-testid="palette-entry"]').map((entry) => entry.attributes('data-kind'));
    expect(new Set(kinds)).toEqual(new Set(['action', 'command', 'knowledge', 'conversation']));
    expect(titles(wrapper)).toContain('Search knowledge for “refund”');
    expect(titles(wrapper).some((title) => title.startsWith('Open: Ada Lovelace'))).toBe(true);
    expect(titles(wrapper).some((title) => title.startsWith('Open: Ben Okafor'))).toBe(false);
  });

  it('runs what is chosen: a theme command, a knowledge search, an approval', async () => {
    const keyboard = useKeyboardStore();
    const ran: string[] = [];
    keyboard.handle('theme.dark', () => void ran.push('theme.dark'));
    const wrapper = mount(CommandPalette, { global: { plugins: [pinia] } });
    const input = wrapper.get('[data-testid="palette-input"]');
    await input.setValue('theme dark');
    await input.trigger('keydown', { key: 'Enter' });
    expect(ran).toEqual(['theme.dark']);
    await input.setValue('late delivery policy');
    const knowledge = wrapper.findAll('[data-testid="palette-entry"]').find((entry) => entry.attributes('data-kind') === 'knowledge');
    await knowledge!.trigger('click');
    expect(wrapper.emitted('searchKnowledge')).toEqual([['late delivery policy']]);
    await input.setValue('approve refund');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(wrapper.emitted('decide')).toEqual([['call_7', 'approve']]);
  });
});
