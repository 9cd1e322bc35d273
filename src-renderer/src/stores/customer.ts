import type { OutboxChangedEvent } from '@contract/events';
import type { CustomerProfile } from '@contract/workspace';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useClient } from '../client/provide';
import { shownError, type ShownError } from '../composables/errors';

/** The open conversation's customer, from the local cache. */
export const useCustomerStore = defineStore('customer', () => {
  const customerId = ref<string | null>(null);
  const profile = ref<CustomerProfile | undefined>();
  const loading = ref(false);
  const error = ref<ShownError | undefined>();
  const memoryError = ref<ShownError | undefined>();
  let sequence = 0;

  async function load(id: string | null): Promise<void> {
    const mine = ++sequence;
    customerId.value = id;
    profile.value = undefined;
    error.value = undefined;
    memoryError.value = undefined;
    if (!id) return;
    loading.value = true;
    try {
      const result = await useClient().call('customer.getProfile', { id });
      if (mine === sequence) profile.value = result;
    } catch (caught) {
      if (mine === sequence) error.value = shownError(caught, 'The customer profile could not be loaded.', 'Try again after the next sync.');
    } finally {
      if (mine === sequence) loading.value = false;
    }
  }

  /** Reloads the open profile in place (after an approval), without the loading state in between. */
  async function refresh(): Promise<void> {
    const id = customerId.value;
    if (!id || !profile.value) return;
    const mine = sequence;
    try {
      const result = await useClient().call('customer.getProfile', { id });
      if (mine === sequence && id === customerId.value) profile.value = result;
    } catch {
      // The profile shown stays; the next open loads it again.
    }
  }

  /** An approved action's delivery moved on: its line in the profile follows. */
  function onOutboxChanged(event: OutboxChangedEvent): void {
    const current = profile.value;
    if (!current?.actions || event.customerId !== customerId.value) return;
    if (!current.actions.some((item) => item.id === event.id)) return;
    profile.value = { ...current, actions: current.actions.map((item) => (item.id === event.id ? { ...item, state: event.state, lastError: event.lastError } : item)) };
  }

  /** Forgets one long-term memory fact, for good. */
  async function forget(memoryId: number): Promise<void> {
    const id = customerId.value;
    if (!id || !profile.value) return;
    memoryError.value = undefined;
    try {
      const { deleted } = await useClient().call('customer.deleteMemory', { customerId: id, memoryId });
      if (profile.value && id === customerId.value) {
        profile.value = { ...profile.value, memory: profile.value.memory.filter((fact) => fact.id !== memoryId) };
      }
      if (!deleted) memoryError.value = { message: 'That fact was already gone.' };
    } catch (caught) {
      memoryError.value = shownError(caught, 'The fact could not be deleted.', 'Try again.');
    }
  }

  return { customerId, profile, loading, error, memoryError, load, refresh, onOutboxChanged, forget };
});
