import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import ConversationPane from '@renderer/components/conversation/ConversationPane.vue';
import { useConversationStore } from '@renderer/stores/conversation';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { message } from '../support/samples';

let pinia: Pinia;
let client: FakeClient;

beforeEach(() => {
  localStorage.clear();
  pinia = createPinia();
  setActivePinia(pinia);
  client = installFakeClient();
  client.answer('workspace.watchConversation', ({ id }) => ({ watching: id }));
});

const note = { id: 'n1', sender: 'Dana', text: 'Customer is a reseller; check the wholesale terms.', createdAt: '2026-01-02T10:00:00.000Z' };

describe('the conversation pane', () => {
  it('shows internal notes apart from the thread, each marked internal, never as a message', async () => {
    client.answer('workspace.getConversation', ({ id }) => ({ id, customerId: '9', messages: [message('m1', { text: 'Where is my parcel?' })], notes: [note], visitor: null }));
    const wrapper = mount(ConversationPane, { global: { plugins: [pinia] }, attachTo: document.body });
    await useConversationStore().open('c1');
    await flushPromises();
    const notes = wrapper.get('[data-testid="internal-notes"]');
    expect(notes.text()).toContain('never sent to the customer');
    expect(notes.findAll('[data-testid="internal-note"]').map((item) => item.text())).toEqual([expect.stringContaining('Internal note')]);
    expect(notes.text()).toContain(note.text);
    // The thread holds the customer's messages only; the note is not among them, and shows no delivery state.
    const thread = wrapper.get('[data-testid="thread"]');
    expect(thread.text()).not.toContain(note.text);
    expect(notes.find('[data-testid="delivery-state"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it("offers a visitor's likely contact and links only after the agent approves, once per approval", async () => {
    client.answer('workspace.getConversation', ({ id }) => ({
      id,
      customerId: '710000017',
      messages: [message('m1', { text: 'Can you ship order 3200000034 to my new place?' })],
      notes: [],
      visitor: { visitorId: '710000017', suggestions: [{ contactId: '9007199254741010', name: 'Lucas Patel', email: 'lpatel17@example.org', because: ['gave order 3200000034, theirs'] }] },
    }));
    client.answer('conversation.linkContact', ({ contactId }) => ({ customerId: contactId, queued: true }));
    const wrapper = mount(ConversationPane, { global: { plugins: [pinia] }, attachTo: document.body });
    const store = useConversationStore();
    await store.open('8000000017');
    await flushPromises();
    const card = wrapper.get('[data-testid="visitor-card"]');
    expect(card.text()).toContain('gave order 3200000034');
    await wrapper.get('[data-testid="link-propose"]').trigger('click');
    // Proposing is not linking: nothing was sent yet, and the approval says what happens in HubSpot.
    expect(client.calls.filter((call) => call.method === 'conversation.linkContact')).toHaveLength(0);
    expect(wrapper.get('[data-testid="link-approval"]').text()).toContain('internal comment');
    await wrapper.get('[data-testid="link-approve"]').trigger('click');
    const [linkContact] = wrapper.emitted('link') ?? [];
    expect(linkContact).toEqual(['9007199254741010']);
    expect(await store.linkContact('9007199254741010')).toBe('9007199254741010');
    await flushPromises();
    const sent = client.calls.filter((call) => call.method === 'conversation.linkContact').map((call) => call.input as { conversationId: string; contactId: string; idempotencyKey: string });
    expect(sent).toEqual([expect.objectContaining({ conversationId: '8000000017', contactId: '9007199254741010' })]);
    expect(sent[0]?.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(store.customerId).toBe('9007199254741010');
    expect(wrapper.find('[data-testid="visitor-card"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
