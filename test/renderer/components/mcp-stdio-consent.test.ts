import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import McpSettings from '@renderer/components/settings/McpSettings.vue';
import { installFakeClient } from '../support/fake-client';

beforeEach(() => {
  setActivePinia(createPinia());
  installFakeClient().answer('mcp.servers.list', () => []);
});

describe('Settings → tool servers, a command (stdio) server', () => {
  it('says why a command needs the confirmation, and that the browser version needs --allow-stdio-mcp', async () => {
    const wrapper = mount(McpSettings);
    await flushPromises();
    expect(wrapper.find('[data-testid="mcp-stdio-consent"]').exists()).toBe(false);
    await wrapper.get('input[type="radio"][value="stdio"]').setValue(true);
    const note = wrapper.get('[data-testid="mcp-stdio-consent"]').text();
    expect(note).toContain('runs a program on this computer');
    expect(note).toContain('confirm that exact command');
    expect(note).toContain('--allow-stdio-mcp');
    wrapper.unmount();
  });
});
