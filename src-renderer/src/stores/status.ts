import type { OutboxChangedEvent, SyncErrorEvent, SyncProgressEvent } from '@contract/events';
import type { OutboxView, SyncStatus } from '@contract/workspace';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useClient } from '../client/provide';
import { shownError, type ShownError } from '../composables/errors';

/** Sync with the CRM and the outbox, for the status bar. */
export const useStatusStore = defineStore('status', () => {
  const sync = ref<SyncStatus | undefined>();
  const progress = ref<SyncProgressEvent | undefined>();
  const syncError = ref<SyncErrorEvent | undefined>();
  const outbox = ref<OutboxView[]>([]);
  const error = ref<ShownError | undefined>();
  const browserOnline = ref(typeof navigator === 'undefined' ? true : navigator.onLine);

  const syncing = computed(() => sync.value?.state === 'syncing' || (progress.value !== undefined && !progress.value.done));
  const offline = computed(() => !browserOnline.value || sync.value?.state === 'offline');
  const queued = computed(() => outbox.value.filter((item) => item.state === 'pending' || item.state === 'delivering'));
  const failed = computed(() => outbox.value.filter((item) => item.state === 'dead' || (item.state === 'pending' && item.lastError !== null)));
  /** Given up on: only the agent's retry or discard moves these. */
  const dead = computed(() => outbox.value.filter((item) => item.state === 'dead'));
  /** Failed at least once and waiting for their next try. */
  const retrying = computed(() => outbox.value.filter((item) => item.state === 'pending' && item.lastError !== null));

  async function refresh(): Promise<void> {
    try {
      const client = useClient();
      const [status, items] = await Promise.all([client.call('sync.status', {}), client.call('outbox.list', {})]);
      sync.value = status;
      outbox.value = items;
      error.value = undefined;
    } catch (caught) {
      error.value = shownError(caught, 'The sync state is not available.', 'It refreshes by itself.');
    }
  }

  async function syncNow(): Promise<void> {
    try {
      syncError.value = undefined;
      sync.value = { ...(sync.value ?? { lastSyncAt: null, lastError: null, counts: {}, quarantined: 0 }), state: 'syncing' };
      sync.value = await useClient().call('sync.now', {});
    } catch (caught) {
      error.value = shownError(caught, 'The sync could not start.', 'Check the CRM settings, then try again.');
      await refresh();
    }
  }

  /** Retries or discards an outbox item, then shows the outbox as it is now. */
  async function settleItem(method: 'outbox.retry' | 'outbox.discard', id: number, failure: string): Promise<void> {
    try {
      await useClient().call(method, { id });
      await refresh();
    } catch (caught) {
      error.value = shownError(caught, failure, 'Try again in a moment.');
    }
  }
  const retry = (id: number): Promise<void> => settleItem('outbox.retry', id, 'That item could not be retried.');
  const discard = (id: number): Promise<void> => settleItem('outbox.discard', id, 'That item could not be discarded.');

  function onProgress(event: SyncProgressEvent): void {
    progress.value = event;
    if (sync.value && !event.done) sync.value = { ...sync.value, state: 'syncing' };
    if (event.done) void refresh();
  }

  function onSyncError(event: SyncErrorEvent): void {
    syncError.value = event;
    void refresh();
  }

  function onOutboxChanged(event: OutboxChangedEvent): void {
    const index = outbox.value.findIndex((item) => item.id === event.id);
    if (index === -1) {
      void refresh();
      return;
    }
    const current = outbox.value[index];
    if (current) outbox.value.splice(index, 1, { ...current, ...event });
  }

  function setBrowserOnline(value: boolean): void {
    browserOnline.value = value;
  }

  return { sync, progress, syncError, outbox, error, syncing, offline, queued, failed, dead, retrying, refresh, syncNow, retry, discard, onProgress, onSyncError, onOutboxChanged, setBrowserOnline };
});
