import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import ConnectionSettings from '@renderer/components/settings/ConnectionSettings.vue';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { desktopSettings } from '../support/samples';

let client: FakeClient;
const agent = { hubspotUserId: 101, syncScope: 'agent' as const, inboxIds: ['147959', '555'], rateShare: 0.1, propertyConsent: false, effectiveScope: 'agent' as const };

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
  client = installFakeClient();
  client.answer('desktop.settings.get', desktopSettings());
  client.answer('crm.agentSettings', agent);
  client.answer('crm.owners', [{ userId: 101, name: 'Dana', email: 'dana@example.com' }]);
  client.answer('crm.inboxes', [
    { id: '147959', name: 'AcmeBrands support' },
    { id: '147960', name: 'AcmeBrands wholesale' },
  ]);
  client.answer('crm.setAgentSettings', (change) => ({ ...agent, ...change, inboxIds: change.inboxIds ?? agent.inboxIds }));
});

describe('inbox picker', () => {
  it("lists the portal's inboxes, keeps a chosen one HubSpot no longer lists, and saves the agent's choice", async () => {
    const wrapper = mount(ConnectionSettings, { attachTo: document.body });
    await flushPromises();
    const boxes = wrapper.findAll<HTMLInputElement>('[data-testid="crm-inbox"]');
    expect(boxes.map((box) => box.element.closest('label')?.textContent?.trim())).toEqual(['AcmeBrands support', 'AcmeBrands wholesale', 'Inbox 555 (not listed by HubSpot now)']);
    expect(boxes.map((box) => box.element.checked)).toEqual([true, false, true]);
    await boxes[1]?.setValue(true);
    await boxes[2]?.setValue(false);
    await wrapper.get('[data-testid="save-crm-agent"]').trigger('click');
    await flushPromises();
    const saved = client.calls.filter((call) => call.method === 'crm.setAgentSettings').map((call) => call.input as { inboxIds?: string[] });
    expect(saved).toHaveLength(1);
    expect([...(saved[0]?.inboxIds ?? [])].sort()).toEqual(['147959', '147960']);
    wrapper.unmount();
  });

  it('says so when the token cannot list the inboxes, and still lets the agent pick themself', async () => {
    client.answer('crm.inboxes', () => Promise.reject(new Error('HubSpot refused to list the conversation inboxes: the token lacks the conversations.read scope.')));
    const wrapper = mount(ConnectionSettings, { attachTo: document.body });
    await flushPromises();
    expect(wrapper.get('[data-testid="crm-inboxes"]').text()).toContain('conversations.read');
    expect(wrapper.find('[data-testid="crm-owner"]').exists()).toBe(true);
    wrapper.unmount();
  });
});
