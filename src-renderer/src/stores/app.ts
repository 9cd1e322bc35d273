import type { AppInfo, ServiceStateEvent } from '@contract/index';
import { ContractError } from '@contract/errors';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useClient } from '../client/provide';

/** The app's own state: which host, which services are up, whether main is reachable. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | undefined>();
  const services = ref<ServiceStateEvent[]>([]);
  const connected = ref(true);
  const error = ref<{ message: string; hint?: string } | undefined>();
  const loading = ref(false);

  const workspaceLabel = computed(() => (info.value?.workspace === 'demo' ? 'Demo workspace' : 'Workspace'));

  function applyServiceState(event: ServiceStateEvent): void {
    const others = services.value.filter((service) => service.name !== event.name);
    services.value = [...others, event].sort((a, b) => a.name.localeCompare(b.name));
  }

  async function load(): Promise<void> {
    const client = useClient();
    loading.value = true;
    error.value = undefined;
    try {
      info.value = await client.call('app.info', {});
      services.value = [...info.value.services].sort((a, b) => a.name.localeCompare(b.name));
    } catch (caught) {
      error.value =
        caught instanceof ContractError
          ? { message: caught.message, ...(caught.hint ? { hint: caught.hint } : {}) }
          : { message: 'Could not reach the app.', hint: 'Check that it is still running, then reload.' };
    } finally {
      loading.value = false;
    }
  }

  function listen(): () => void {
    const client = useClient();
    const offService = client.on('app.serviceState', applyServiceState);
    const offConnection = client.onConnectionChange((value) => {
      connected.value = value;
      if (value) void load();
    });
    return () => {
      offService();
      offConnection();
    };
  }

  return { info, services, connected, error, loading, workspaceLabel, load, listen, applyServiceState };
});
