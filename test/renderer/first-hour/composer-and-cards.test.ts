import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import ComposerBox from '@renderer/components/conversation/ComposerBox.vue';
import MessageBubble from '@renderer/components/conversation/MessageBubble.vue';
import ApprovalCard from '@renderer/components/copilot/ApprovalCard.vue';
import CopilotPanel from '@renderer/components/copilot/CopilotPanel.vue';
import CustomerPanel from '@renderer/components/customer/CustomerPanel.vue';
import { useWorkspace } from '@renderer/composables/useWorkspace';
import { useConversationStore } from '@renderer/stores/conversation';
import { useCopilotStore } from '@renderer/stores/copilot';
import { useCustomerStore } from '@renderer/stores/customer';
import { installFakeClient, settle, type FakeClient } from '../support/fake-client';
import { action, message, profile, turn } from '../support/samples';

let pinia: Pinia;
let client: FakeClient;

beforeEach(() => {
  localStorage.clear();
  pinia = createPinia();
  setActivePinia(pinia);
  client = installFakeClient();
});

const ticketFields = {
  customerId: { kind: 'readonly' as const },
  subject: { kind: 'text' as const, required: true, maxLength: 300 },
  priority: { kind: 'choice' as const, options: ['LOW', 'MEDIUM', 'HIGH'] },
};
const ticket = (extra: Parameters<typeof action>[1] = {}) =>
  action('t1', { tool: 'create_ticket', args: { customerId: 'k1', subject: 'Parcel crushed', priority: 'MEDIUM' }, fields: ticketFields, ...extra });

describe('sending by accident', () => {
  it('Ctrl+Enter on an empty composer sends nothing and inserts nothing, however often; inserting a draft never sends it', async () => {
    const conversation = useConversationStore();
    const copilot = useCopilotStore();
    conversation.id = 'c1';
    copilot.conversationId = 'c1';
    copilot.settle(turn('c1', { suggestions: [{ text: 'Te devolvemos el dinero.', citations: [], source: 'offline', confidence: 0.48 }] }));
    client.answer('outbox.list', []);
    client.answer('conversation.sendReply', (input) => message('sent', { direction: 'outgoing', text: input.text, delivery: 'pending' }));
    const workspace = useWorkspace();
    await workspace.sendOrAccept();
    await workspace.sendOrAccept();
    expect(conversation.draft).toBe('');
    expect(conversation.nothingToSend).toBe(true);
    expect(client.calls.filter((call) => call.method === 'conversation.sendReply')).toHaveLength(0);

    const composer = mount(ComposerBox, { global: { plugins: [pinia] } });
    expect(composer.get('[data-testid="nothing-to-send"]').text()).toContain('Tab puts the top suggestion here');
    // The agent takes the draft: it is in the composer, to read; still nothing was sent.
    expect(workspace.useSuggestion(0)).toBe(true);
    await flushPromises();
    expect(composer.get<HTMLTextAreaElement>('[data-testid="composer"]').element.value).toBe('Te devolvemos el dinero.');
    expect(composer.find('[data-testid="nothing-to-send"]').exists()).toBe(false);
    expect(client.calls.filter((call) => call.method === 'conversation.sendReply')).toHaveLength(0);
    // Now Ctrl+Enter sends exactly what is shown.
    await workspace.sendOrAccept();
    const sent = client.calls.filter((call) => call.method === 'conversation.sendReply');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.input).toMatchObject({ text: 'Te devolvemos el dinero.', suggestion: 'as_is' });
  });
});

describe('approval card edits', () => {
  it('edits each argument with a field that fits it: a choice for an enum, a number for an amount, ids read-only', async () => {
    const wrapper = mount(ApprovalCard, { props: { action: ticket(), focused: false, busy: false, rejectRequest: 0 }, global: { plugins: [pinia] } });
    await wrapper.get('[data-testid="edit-action"]').trigger('click');
    const priority = wrapper.get('[data-testid="edit-arg-priority"]');
    expect(priority.element.tagName).toBe('SELECT');
    expect(priority.findAll('option').map((option) => option.text())).toEqual(['LOW', 'MEDIUM', 'HIGH']);
    expect(wrapper.find('[data-testid="edit-arg-customerId"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="readonly-arg-customerId"]').text()).toContain('k1');
    // Every input has a label associated with it.
    for (const input of wrapper.findAll('.arg-input')) expect(wrapper.find(`label[for="${input.attributes('id')}"]`).exists()).toBe(true);
    await priority.setValue('HIGH');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('edit')).toEqual([[{ subject: 'Parcel crushed', priority: 'HIGH' }]]);

    const refund = mount(ApprovalCard, { props: { action: action('r1', { fields: { orderId: { kind: 'readonly' }, amount: { kind: 'number', min: 0, exclusiveMin: true, max: 100 }, reason: { kind: 'text', required: true } } }), focused: false, busy: false, rejectRequest: 0 }, global: { plugins: [pinia] } });
    await refund.get('[data-testid="edit-action"]').trigger('click');
    expect(refund.get('[data-testid="edit-arg-amount"]').attributes('type')).toBe('number');
  });

  it('shows an invalid value at its field and sends nothing; the card stays editable', async () => {
    const wrapper = mount(ApprovalCard, { props: { action: action('r1', { fields: { orderId: { kind: 'readonly' }, amount: { kind: 'number', min: 0, exclusiveMin: true, max: 100 }, reason: { kind: 'text', required: true } } }), focused: false, busy: false, rejectRequest: 0 }, global: { plugins: [pinia] }, attachTo: document.body });
    await wrapper.get('[data-testid="edit-action"]').trigger('click');
    await wrapper.get('[data-testid="edit-arg-amount"]').setValue('-5');
    await wrapper.get('[data-testid="edit-arg-reason"]').setValue('   ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.emitted('edit')).toBeUndefined();
    expect(wrapper.get('[data-testid="arg-problem-amount"]').text()).toBe('Must be more than 0.');
    expect(wrapper.get('[data-testid="arg-problem-reason"]').text()).toBe('This cannot be empty.');
    expect(wrapper.get('[data-testid="edit-arg-amount"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="edit-arg-amount"]').attributes('aria-describedby')).toBe(wrapper.get('[data-testid="arg-problem-amount"]').attributes('id'));
    await wrapper.get('[data-testid="edit-arg-amount"]').setValue('30');
    await wrapper.get('[data-testid="edit-arg-reason"]').setValue('damaged');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('edit')).toEqual([[{ amount: 30, reason: 'damaged' }]]);
    wrapper.unmount();
  });

  it('when main refuses an edit, the problem shows at its field and the card is still editable, with approve and reject', async () => {
    const wrapper = mount(ApprovalCard, { props: { action: ticket(), focused: false, busy: false, rejectRequest: 0 }, global: { plugins: [pinia] } });
    await wrapper.setProps({ action: ticket({ editError: { field: 'priority', message: 'Invalid option: expected one of "LOW"|"MEDIUM"|"HIGH"' } }) });
    await flushPromises();
    expect(wrapper.get('[data-testid="arg-problem-priority"]').text()).toContain('Invalid option');
    expect(wrapper.get('[data-testid="approve-edited"]').attributes('disabled')).toBeUndefined();
    expect(wrapper.get('[data-testid="action-status"]').text()).toBe('Waiting for your decision');
    expect(wrapper.text()).not.toContain('Blocked by policy');
    await wrapper.findAll('button').find((button) => button.text() === 'Cancel')!.trigger('click');
    expect(wrapper.get('[data-testid="approve"]').attributes('disabled')).toBeUndefined();
    expect(wrapper.find('[data-testid="reject"]').exists()).toBe(true);
  });
});

describe('the card follows the outbox', () => {
  it('shows queued, sending, delivered and failed with the reason, live from outbox events', async () => {
    const copilot = useCopilotStore();
    copilot.conversationId = 'c1';
    const conversation = useConversationStore();
    conversation.id = 'c1';
    client.answer('outbox.list', [{ id: 5, kind: 'create_ticket', customerId: 'k1', state: 'pending', attempts: 1, lastError: 'The CRM cannot be reached.', createdAt: '', idempotencyKey: 'copilot:c1:t1' }]);
    copilot.settle(turn('c1', { actions: [ticket({ status: 'executed', outboxKey: 'copilot:c1:t1' })] }));
    const wrapper = mount(CopilotPanel, { props: { rejectRequest: 0 }, global: { plugins: [pinia] } });
    await settle();
    const card = () => wrapper.get('[data-testid="approval-card"]');
    expect(card().attributes('data-delivery')).toBe('queued');
    expect(card().get('[data-testid="action-status"]').text()).toBe('Queued — will retry');
    expect(card().get('[data-testid="action-delivery"]').text()).toBe('The CRM cannot be reached.');
    expect(card().text()).not.toContain('Done');
    const event = { id: 5, kind: 'create_ticket' as const, customerId: 'k1', attempts: 2, idempotencyKey: 'copilot:c1:t1' };
    client.emit('outbox.changed', { ...event, state: 'delivering', lastError: null });
    copilot.onOutboxChanged({ ...event, state: 'delivering', lastError: null });
    await flushPromises();
    expect(card().get('[data-testid="action-status"]').text()).toBe('Sending…');
    copilot.onOutboxChanged({ ...event, state: 'dead', lastError: 'HTTP 400: priority is not valid' });
    await flushPromises();
    expect(card().attributes('data-delivery')).toBe('failed');
    expect(card().get('[data-testid="action-delivery"]').text()).toBe('HTTP 400: priority is not valid');
    copilot.onOutboxChanged({ ...event, state: 'delivered', lastError: null });
    await flushPromises();
    expect(card().get('[data-testid="action-status"]').text()).toBe('Delivered');
  });

  it('shows a tool answer as readable fields, not raw JSON', () => {
    const read = mount(ApprovalCard, {
      props: { action: action('m2', { tool: 'carrier__track_shipment', server: 'carrier', sideEffect: false, status: 'executed', result: '{"orderId":"o-1","status":"in_transit","eta":"2026-12-03","events":[{"at":"2026-12-01","where":"Leeds hub"}]}' }), focused: false, busy: false, rejectRequest: 0 },
      global: { plugins: [pinia] },
    });
    const fields = read.get('[data-testid="action-result"] dl');
    const labels = fields.findAll('dt').map((cell) => cell.text());
    expect(labels).toEqual(['order id', 'status', 'eta', 'events › #1 › at', 'events › #1 › where']);
    expect(fields.findAll('dd').map((cell) => cell.text())).toContain('Leeds hub');
    expect(read.get('[data-testid="action-result"]').text()).not.toContain('{');
  });
});

describe('the copilot panel while it works', () => {
  it('says it is working, not "No customer message", while the state loads and the turn runs', async () => {
    const conversation = useConversationStore();
    const copilot = useCopilotStore();
    conversation.id = 'c1';
    let finishState: (value: null) => void = () => undefined;
    let finishTurn: (value: ReturnType<typeof turn>) => void = () => undefined;
    client.answer('copilot.state', () => new Promise((resolve) => (finishState = resolve)));
    client.answer('copilot.turn', () => new Promise((resolve) => (finishTurn = resolve)));
    client.answer('outbox.list', []);
    const wrapper = mount(CopilotPanel, { props: { rejectRequest: 0 }, global: { plugins: [pinia] } });
    const opening = copilot.open('c1', 'Where is my parcel?');
    await flushPromises();
    expect(wrapper.get('[data-testid="copilot-working"]').text()).toBe('Reading the conversation…');
    expect(wrapper.find('[data-testid="copilot-idle"]').exists()).toBe(false);
    finishState(null);
    await flushPromises();
    expect(wrapper.get('[data-testid="copilot-working"]').text()).toBe('Working on the customer’s message…');
    expect(wrapper.find('[data-testid="copilot-idle"]').exists()).toBe(false);
    finishTurn(turn('c1'));
    await opening;
    await flushPromises();
    expect(wrapper.find('[data-testid="copilot-working"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="suggestion"]')).toHaveLength(1);
  });
});

describe('profile', () => {
  it('lists earlier conversations apart from the current one, approved actions, and keeps labels apart from values', async () => {
    const conversation = useConversationStore();
    conversation.id = 'conv-now';
    const customer = useCustomerStore();
    customer.customerId = 'k1';
    customer.profile = {
      ...profile('k1'),
      tickets: [{ id: 't-9', subject: 'Change shipping address', stage: 'open', priority: null, updatedAt: '2026-11-20T10:00:00.000Z' }],
      conversations: [
        { id: 'conv-now', channel: 'chat', status: 'open', subject: 'Refund', lastMessageAt: '2026-11-25T10:00:00.000Z' },
        { id: 'conv-a', channel: 'email', status: 'closed', subject: 'Late parcel', lastMessageAt: '2026-10-20T10:00:00.000Z' },
        { id: 'conv-b', channel: 'phone', status: 'closed', subject: 'Wrong size', lastMessageAt: '2026-09-20T10:00:00.000Z' },
      ],
      actions: [{ id: 3, kind: 'request_refund', summary: 'Refund of 40 for order o-1', state: 'pending', lastError: null, createdAt: '2026-11-25T10:05:00.000Z' }],
    };
    const wrapper = mount(CustomerPanel, { global: { plugins: [pinia] } });
    expect(wrapper.get('[data-testid="profile-current-conversation"]').text()).toContain('This conversation');
    const earlier = wrapper.get('[data-testid="profile-conversations"]').findAll('li');
    expect(earlier.map((row) => row.get('button').text())).toEqual(['Late parcel', 'Wrong size']);
    await earlier[0]!.get('button').trigger('click');
    expect(wrapper.emitted('openConversation')).toEqual([['conv-a']]);
    // The accessible text keeps a separator between a label and its value.
    expect(wrapper.get('[data-testid="profile-ticket"]').element.textContent?.replace(/\s+/g, ' ').trim()).toBe('Change shipping address, open');
    expect(wrapper.get('[data-testid="profile-actions"]').text()).toContain('Refund of 40 for order o-1');
    customer.onOutboxChanged({ id: 3, kind: 'request_refund', customerId: 'k1', state: 'delivered', attempts: 1, lastError: null });
    await flushPromises();
    expect(wrapper.get('[data-testid="profile-actions"] li').attributes('data-state')).toBe('delivered');
  });
});

describe('text', () => {
  it('lets each message set its own direction (dir="auto"), for right-to-left customers', () => {
    const wrapper = mount(MessageBubble, { props: { message: message('m', { text: 'مرحبا، أين طلبي؟' }) } });
    expect(wrapper.get('.message-text').attributes('dir')).toBe('auto');
  });
});

describe('insights: the local day', () => {
  it('gives a day the clocks change its real length (23 or 25 hours), which no single offset does', async () => {
    const { localDayBounds } = await import('@renderer/stores/insights');
    // The test runner's environment (Node): the renderer's own types know no `process`.
    const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
    const previous = env.TZ;
    env.TZ = 'Europe/Berlin';
    try {
      const spring = localDayBounds(new Date('2026-03-29T12:00:00.000Z'));
      expect(spring).toEqual({ date: '2026-03-29', from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
      const autumn = localDayBounds(new Date('2026-10-25T12:00:00.000Z'));
      expect(Date.parse(autumn.to) - Date.parse(autumn.from)).toBe(25 * 3_600_000);
    } finally {
      if (previous === undefined) delete env.TZ;
      else env.TZ = previous;
    }
  });
});
