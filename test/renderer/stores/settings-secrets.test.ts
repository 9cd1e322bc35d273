import type { DesktopSettingsView } from '@contract/desktop';
import { ContractError } from '@contract/errors';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import ConnectionSettings from '@renderer/components/settings/ConnectionSettings.vue';
import McpSettings from '@renderer/components/settings/McpSettings.vue';
import type { McpServerView } from '@contract/mcp';
import { useAppStore } from '@renderer/stores/app';
import { useConversationStore } from '@renderer/stores/conversation';
import { useCopilotStore } from '@renderer/stores/copilot';
import { useCustomerStore } from '@renderer/stores/customer';
import { useInsightsStore } from '@renderer/stores/insights';
import { useKeyboardStore } from '@renderer/stores/keyboard';
import { useKnowledgeStore } from '@renderer/stores/knowledge';
import { useMcpStore } from '@renderer/stores/mcp';
import { useQueueStore } from '@renderer/stores/queue';
import { useSettingsStore } from '@renderer/stores/settings';
import { useStatusStore } from '@renderer/stores/status';
import { useUiStore } from '@renderer/stores/ui';
import { installFakeClient, type FakeClient } from '../support/fake-client';

const llmKey = 'sk-live-THIS-IS-THE-LLM-KEY-0123456789';
const crmToken = 'pat-na1-THIS-IS-THE-CRM-TOKEN-abcdef';

let client: FakeClient;
let pinia: Pinia;
let stored: DesktopSettingsView;

/** Main's side of the desktop settings: it keeps the secrets and answers only whether they exist. */
function desktopMain(): void {
  stored = {
    crm: null,
    llm: null,
    embeddings: null,
    knowledgeDirs: [],
    redactBeforeLlm: true,
    debugLogging: false,
    notifications: true,
    globalShortcut: 'CommandOrControl+Shift+Space',
    secrets: { llmApiKey: false, crmToken: false, embeddingsApiKey: false, backend: 'os', plainTextConsent: false },
  };
  client.answer('desktop.settings.get', () => structuredClone(stored));
  client.answer('desktop.settings.update', (change) => {
    if (change.llm !== undefined) stored.llm = change.llm;
    if (change.crm !== undefined) stored.crm = change.crm && { url: change.crm.url, syncIntervalSeconds: change.crm.syncIntervalSeconds ?? 60 };
    if (change.secrets?.llmApiKey !== undefined) stored.secrets.llmApiKey = change.secrets.llmApiKey !== null;
    if (change.secrets?.crmToken !== undefined) stored.secrets.crmToken = change.secrets.crmToken !== null;
    return structuredClone(stored);
  });
}

/** Every store the window has, touched so each exists in pinia.state. */
function allStores(): void {
  useAppStore();
  useConversationStore();
  useCopilotStore();
  useCustomerStore();
  useInsightsStore();
  useKeyboardStore();
  useKnowledgeStore();
  useMcpStore();
  useQueueStore();
  useSettingsStore();
  useStatusStore();
  useUiStore();
}

function everythingTheWindowKeeps(): string {
  const storage = Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`);
  const session = Object.keys(sessionStorage).map((key) => `${key}=${sessionStorage.getItem(key)}`);
  return JSON.stringify(pinia.state.value) + storage.join('\n') + session.join('\n');
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  pinia = createPinia();
  setActivePinia(pinia);
  client = installFakeClient();
  desktopMain();
});

describe('settings and secrets', () => {
  it('sends keys typed in Settings to main once, and no store, storage or field keeps them', async () => {
    allStores();
    const wrapper = mount(ConnectionSettings, { global: { plugins: [pinia] } });
    await flushPromises();
    await wrapper.get('[data-testid="llm-base-url"]').setValue('https://llm.example.com/v1');
    await wrapper.get('[data-testid="llm-model"]').setValue('gpt-test');
    await wrapper.get('[data-testid="llm-api-key"]').setValue(llmKey);
    await wrapper.get('[data-testid="crm-url"]').setValue('https://crm.example.com');
    await wrapper.get('[data-testid="crm-token"]').setValue(crmToken);
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    const update = client.calls.find((call) => call.method === 'desktop.settings.update');
    expect(update?.input).toMatchObject({ llm: { baseUrl: 'https://llm.example.com/v1', model: 'gpt-test' }, secrets: { llmApiKey: llmKey, crmToken } });
    expect(useSettingsStore().connections?.secrets).toMatchObject({ llmApiKey: true, crmToken: true });
    expect((wrapper.get('[data-testid="llm-api-key"]').element as HTMLInputElement).value).toBe('');
    expect((wrapper.get('[data-testid="crm-token"]').element as HTMLInputElement).value).toBe('');
    expect(wrapper.get('[data-testid="llm-api-key"]').attributes('placeholder')).toContain('A key is stored');
    expect(wrapper.get('[data-testid="settings-saved"]').text()).toContain('Saved');

    const kept = everythingTheWindowKeeps();
    expect(kept).not.toContain(llmKey);
    expect(kept).not.toContain(crmToken);
    expect(kept).not.toContain('THIS-IS-THE');
    expect(wrapper.html()).not.toContain('THIS-IS-THE');
    wrapper.unmount();
  });

  it('tests the language model with the form as typed, shows the answer in plain words and keeps no typed key', async () => {
    client.answer('copilot.testLlm', (input) =>
      input.apiKey === llmKey
        ? { ok: false, model: input.model ?? '', latencyMs: 12, message: 'The language model refused the API key.', hint: 'Check the key in Settings.' }
        : { ok: true, model: input.model ?? '', latencyMs: 12, message: `Connected: ${input.model ?? ''} answered in 12 ms.` },
    );
    allStores();
    const wrapper = mount(ConnectionSettings, { global: { plugins: [pinia] } });
    await flushPromises();
    await wrapper.get('[data-testid="llm-base-url"]').setValue('https://llm.example.com/v1');
    await wrapper.get('[data-testid="llm-model"]').setValue('gpt-test');
    await wrapper.get('[data-testid="test-llm"]').trigger('click');
    await flushPromises();
    expect(client.calls.at(-1)).toEqual({ method: 'copilot.testLlm', input: { baseUrl: 'https://llm.example.com/v1', model: 'gpt-test' } });
    expect(wrapper.get('[data-testid="llm-test-result"]').text()).toBe('Connected: gpt-test answered in 12 ms.');

    await wrapper.get('[data-testid="llm-api-key"]').setValue(llmKey);
    await wrapper.get('[data-testid="test-llm"]').trigger('click');
    await flushPromises();
    expect(client.calls.at(-1)?.input).toEqual({ baseUrl: 'https://llm.example.com/v1', model: 'gpt-test', apiKey: llmKey });
    const shown = wrapper.get('[data-testid="llm-test-result"]');
    expect(shown.attributes('role')).toBe('alert');
    expect(shown.text()).toBe('The language model refused the API key. Check the key in Settings.');
    expect(everythingTheWindowKeeps()).not.toContain('THIS-IS-THE');
    wrapper.unmount();
  });

  it('sends an MCP server token to main once and keeps only "a token is stored"', async () => {
    const mcpToken = 'mcp-THIS-IS-THE-TOOL-TOKEN-42';
    const saved: McpServerView[] = [];
    client.answer('mcp.servers.list', () => structuredClone(saved));
    client.answer('mcp.servers.add', (input) => {
      const view: McpServerView = {
        id: input.id,
        name: input.name,
        enabled: true,
        trustedForReads: false,
        builtIn: false,
        transport: input.transport.type,
        target: input.transport.type === 'http' ? input.transport.url : input.transport.command,
        hasToken: input.token !== undefined,
        state: 'ready',
        error: null,
        tools: [{ name: 'track', qualifiedName: `${input.id}__track`, title: 'Track a parcel', description: 'Where is it', readOnlyHint: true, access: 'read' }],
      };
      saved.push(view);
      return view;
    });
    allStores();
    const wrapper = mount(McpSettings, { global: { plugins: [pinia] } });
    await flushPromises();
    expect(wrapper.text()).toContain('No tool servers');
    await wrapper.get('[data-testid="mcp-id"]').setValue('carrier');
    await wrapper.get('[data-testid="mcp-url"]').setValue('https://tools.example.com/mcp');
    await wrapper.get('[data-testid="mcp-token"]').setValue(mcpToken);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.at(-1)?.input).toEqual({ id: 'carrier', name: 'carrier', transport: { type: 'http', url: 'https://tools.example.com/mcp' }, token: mcpToken });
    expect(wrapper.get('[data-testid="mcp-server"]').text()).toContain('token stored');
    expect(wrapper.get('[data-testid="mcp-server"]').text()).toContain('Track a parcel (runs at once)');
    expect((wrapper.get('[data-testid="mcp-token"]').element as HTMLInputElement).value).toBe('');
    expect(everythingTheWindowKeeps()).not.toContain('THIS-IS-THE');
    expect(wrapper.html()).not.toContain('THIS-IS-THE');
    wrapper.unmount();
  });

  it('leaves a stored key alone when its field is left empty, and removes it only when asked', async () => {
    stored.secrets.llmApiKey = true;
    stored.llm = { baseUrl: 'https://llm.example.com/v1', model: 'm' };
    const wrapper = mount(ConnectionSettings, { global: { plugins: [pinia] } });
    await flushPromises();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect((client.calls.at(-1)?.input as { secrets?: unknown }).secrets).toBeUndefined();
    await wrapper.get('input[type="checkbox"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect((client.calls.at(-1)?.input as { secrets?: unknown }).secrets).toEqual({ llmApiKey: null });
    expect(stored.secrets.llmApiKey).toBe(false);
    wrapper.unmount();
  });

  it('explains where the connections are set when this host has no settings of its own', async () => {
    client.answer('desktop.settings.get', () => {
      throw new ContractError({ code: 'UNAVAILABLE', message: 'Settings can be changed only in the desktop app.', hint: 'Set the COPILOT_* variables and restart it.' });
    });
    const wrapper = mount(ConnectionSettings, { global: { plugins: [pinia] } });
    await flushPromises();
    expect(wrapper.get('[data-testid="settings-environment"]').text()).toContain('COPILOT_*');
    expect(wrapper.find('form').exists()).toBe(false);
    wrapper.unmount();
  });

  it('keeps the theme choice and applies it to the document', () => {
    const settings = useSettingsStore();
    settings.setTheme('dark');
    return Promise.resolve().then(() => {
      expect(document.documentElement.dataset.theme).toBe('dark');
      expect(localStorage.getItem('copilot.theme')).toBe('"dark"');
    });
  });
});
