import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutboxView } from '@contract/workspace';
import StatusBar from '@renderer/components/status/StatusBar.vue';
import { useStatusStore } from '@renderer/stores/status';
import { installFakeClient, type FakeClient } from '../support/fake-client';

let pinia: Pinia;
let client: FakeClient;

const item = (overrides: Partial<OutboxView>): OutboxView => ({ id: 1, target: 'crm', kind: 'send_reply', customerId: 'c1', state: 'pending', attempts: 0, lastError: null, deadReason: null, createdAt: '', ...overrides });

const items: OutboxView[] = [
  item({ id: 1, state: 'dead', attempts: 1, lastError: 'UNIQUE constraint failed: messages.crm_id', deadReason: "It was delivered, but the app could not record it: The app's own database refused to record it (UNIQUE constraint failed: messages.crm_id)." }),
  item({ id: 2, target: 'mcp', kind: 'mcp_tool', tool: 'carrier__reschedule_delivery', customerId: '', state: 'dead', attempts: 1, deadReason: 'carrier__reschedule_delivery refused it: Too late.' }),
  item({ id: 3, kind: 'create_ticket', state: 'pending', attempts: 2, lastError: 'The CRM answered 503.' }),
  item({ id: 4, kind: 'request_refund', state: 'pending' }),
];

beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
  client = installFakeClient();
  client.answer('sync.status', { state: 'idle', lastSyncAt: null, lastError: null, counts: {}, quarantined: 0 });
  client.answer('outbox.list', items);
  client.answer('outbox.retry', { retried: true });
  client.answer('outbox.discard', { discarded: true });
});

async function openPanel() {
  await useStatusStore().refresh();
  const wrapper = mount(StatusBar, { global: { plugins: [pinia] } });
  await wrapper.get('[data-testid="outbox-button"]').trigger('click');
  return wrapper;
}

describe('the status bar\'s outbox view', () => {
  it('lists what was not sent with the reason, what retries by itself, and what waits, for the CRM and MCP servers alike', async () => {
    const wrapper = await openPanel();
    const dead = wrapper.findAll('[data-testid="outbox-dead"]');
    expect(dead.map((row) => row.text())).toEqual([
      expect.stringMatching(/^send reply to the CRM · 1 try.*could not record it.*messages\.crm_id/),
      expect.stringMatching(/^carrier → reschedule delivery to the MCP server · 1 try.*Too late\./),
    ]);
    expect(wrapper.findAll('[data-testid="outbox-retrying"]').map((row) => row.text())).toEqual([expect.stringContaining('create ticket · 2 tries — The CRM answered 503.')]);
    expect(wrapper.get('[aria-label="Queued"]').text()).toContain('request refund');
  });

  it('retries a dead item, and discards one only on a second click', async () => {
    const wrapper = await openPanel();
    await wrapper.findAll('[data-testid="outbox-retry"]')[0]?.trigger('click');
    await flushPromises();
    expect(client.calls.filter((call) => call.method === 'outbox.retry').map((call) => call.input)).toEqual([{ id: 1 }]);

    const discard = () => wrapper.findAll('[data-testid="outbox-discard"]')[1];
    await discard()?.trigger('click');
    await flushPromises();
    expect(client.calls.some((call) => call.method === 'outbox.discard')).toBe(false);
    expect(discard()?.text()).toBe('Discard for good?');
    await discard()?.trigger('click');
    await flushPromises();
    expect(client.calls.filter((call) => call.method === 'outbox.discard').map((call) => call.input)).toEqual([{ id: 2 }]);
  });
});
