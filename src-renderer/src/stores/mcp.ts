import type { McpServerInput, McpServerView, McpTestView } from '@contract/mcp';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useClient } from '../client/provide';
import { shownError, type ShownError } from '../composables/errors';

/** The MCP servers the copilot can call. Tokens go to main with `add` and are never read back: only `hasToken`. */
export const useMcpStore = defineStore('mcp', () => {
  const servers = ref<McpServerView[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const busy = ref<string | undefined>();
  const error = ref<ShownError | undefined>();
  const tests = ref<Record<string, McpTestView>>({});

  function replace(view: McpServerView): void {
    const others = servers.value.filter((server) => server.id !== view.id);
    servers.value = [...others, view].sort((a, b) => a.name.localeCompare(b.name));
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      servers.value = await useClient().call('mcp.servers.list', {});
      loaded.value = true;
      error.value = undefined;
    } catch (caught) {
      error.value = shownError(caught, 'The MCP servers could not be listed.', 'Try again.');
    } finally {
      loading.value = false;
    }
  }

  async function run<T>(id: string, work: () => Promise<T>, failure: string): Promise<T | undefined> {
    busy.value = id;
    error.value = undefined;
    try {
      return await work();
    } catch (caught) {
      error.value = shownError(caught, failure, 'Check the details, then try again.');
      return undefined;
    } finally {
      busy.value = undefined;
    }
  }

  async function add(input: McpServerInput): Promise<boolean> {
    const view = await run(input.id, () => useClient().call('mcp.servers.add', input), 'The server was not saved.');
    if (view) replace(view);
    return view !== undefined;
  }

  async function test(input: { id: string } | McpServerInput): Promise<McpTestView | undefined> {
    const result = await run(input.id, () => useClient().call('mcp.servers.test', input), 'The server could not be tested.');
    if (result) tests.value = { ...tests.value, [input.id]: result };
    return result;
  }

  async function update(id: string, change: { enabled?: boolean; trustedForReads?: boolean }): Promise<void> {
    const view = await run(id, () => useClient().call('mcp.servers.update', { id, ...change }), 'The change was not saved.');
    if (view) replace(view);
  }

  async function remove(id: string): Promise<void> {
    const done = await run(id, () => useClient().call('mcp.servers.remove', { id }), 'The server was not removed.');
    if (done) servers.value = servers.value.filter((server) => server.id !== id);
  }

  return { servers, loaded, loading, busy, error, tests, load, add, test, update, remove };
});
