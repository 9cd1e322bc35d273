import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import SettingsView from '@renderer/components/views/SettingsView.vue';
import { useAppStore } from '@renderer/stores/app';
import { installFakeClient } from '../support/fake-client';

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
  const client = installFakeClient();
  client.answer('desktop.settings.get', {
    crm: null,
    llm: null,
    embeddings: null,
    knowledgeDirs: [],
    redactBeforeLlm: true,
    debugLogging: false,
    notifications: true,
    globalShortcut: 'CommandOrControl+Shift+Space',
    secrets: { llmApiKey: true, crmToken: true, embeddingsApiKey: false, backend: 'os', plainTextConsent: false },
  });
  client.answer('mcp.servers.list', []);
});

/** A control's accessible name comes from a <label for>, a wrapping <label>, or aria-label(ledby). */
function labelOf(control: Element): string {
  const id = control.getAttribute('id');
  const byFor = id ? document.querySelector(`label[for="${id}"]`) : null;
  const wrapping = control.closest('label');
  return (byFor?.textContent ?? wrapping?.textContent ?? control.getAttribute('aria-label') ?? '').trim();
}

describe('settings', () => {
  it('gives every control a label, every group a heading and one line of help, and spaces the service states', async () => {
    const app = useAppStore();
    app.info = { name: 'Support Copilot', version: '0.1.0', host: 'electron', workspace: 'demo', services: [], startedAt: '' };
    app.services = [
      { name: 'core', state: 'ready' },
      { name: 'crm', state: 'ready' },
    ];
    const wrapper = mount(SettingsView, { attachTo: document.body });
    await flushPromises();
    const controls = wrapper.findAll('input, select, textarea');
    expect(controls.length).toBeGreaterThan(12);
    for (const control of controls) expect(labelOf(control.element), control.html()).not.toBe('');
    // Radio buttons and checkboxes: the label beside the control, in one element (not above it).
    for (const control of wrapper.findAll('input[type="radio"], input[type="checkbox"]')) expect(control.element.closest('label')?.classList.contains('inline'), control.html()).toBe(true);
    const groups = wrapper.findAll('fieldset');
    expect(groups.length).toBeGreaterThanOrEqual(8);
    for (const group of groups) {
      expect(group.find('legend').text()).not.toBe('');
      const help = group.find(':scope > .help');
      expect(help.exists(), group.find('legend').text()).toBe(true);
      expect(help.text().split(/(?<=\.)\s/).length).toBe(1);
    }
    expect(wrapper.get('[data-testid="settings-services"]').text()).toMatch(/core: ready · crm: ready/);
    wrapper.unmount();
  });
});
