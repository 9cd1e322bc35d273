import type { LlmTestView } from '@contract/copilot';
import type { DesktopSettingsView } from '@contract/desktop';
import type { MethodInput } from '@contract/index';
import { ContractError } from '@contract/errors';
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { useClient } from '../client/provide';
import { readLocal, writeLocal } from '../composables/local-prefs';
import { shownError, type ShownError } from '../composables/errors';

export type Theme = 'light' | 'dark' | 'system';
export type SettingsChange = MethodInput<'desktop.settings.update'>;
/** Where the connections are set: in this window (desktop app) or by the environment the host was started with (web host, CLI). */
export type ConnectionsSource = 'unknown' | 'loading' | 'window' | 'environment' | 'error';

const themeKey = 'copilot.theme';

/**
 * The window's own preferences and the desktop app's connection settings.
 * Secrets never live here: they pass through `save` to main once, and main answers only "a key is set".
 */
export const useSettingsStore = defineStore('settings', () => {
  const stored = readLocal<Theme>(themeKey, 'system');
  const theme = ref<Theme>(stored === 'light' || stored === 'dark' ? stored : 'system');
  const connections = ref<DesktopSettingsView | undefined>();
  const source = ref<ConnectionsSource>('unknown');
  const environmentHint = ref<string | undefined>();
  const saving = ref(false);
  const error = ref<ShownError | undefined>();
  const savedAt = ref<number | undefined>();

  function apply(value: Theme): void {
    if (typeof document === 'undefined') return;
    if (value === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = value;
  }

  watch(
    theme,
    (value) => {
      writeLocal(themeKey, value);
      apply(value);
    },
    { immediate: true },
  );

  function setTheme(value: Theme): void {
    theme.value = value;
  }

  async function loadConnections(): Promise<void> {
    source.value = 'loading';
    error.value = undefined;
    try {
      connections.value = await useClient().call('desktop.settings.get', {});
      source.value = 'window';
    } catch (caught) {
      if (caught instanceof ContractError && caught.code === 'UNAVAILABLE') {
        source.value = 'environment';
        environmentHint.value = caught.hint;
        return;
      }
      source.value = 'error';
      error.value = shownError(caught, 'The settings could not be read.', 'Try again.');
    }
  }

  /** Sends a change (secrets included) to main; keeps only main's answer, which says which secrets exist, never their values. */
  async function save(change: SettingsChange): Promise<boolean> {
    saving.value = true;
    error.value = undefined;
    try {
      connections.value = await useClient().call('desktop.settings.update', change);
      savedAt.value = Date.now();
      return true;
    } catch (caught) {
      error.value = shownError(caught, 'The settings were not saved.', 'Check the highlighted values, then save again.');
      return false;
    } finally {
      saving.value = false;
    }
  }

  /** Tries the language model with the form's values; a typed key passes through to main and is not kept. */
  async function testLlm(input: MethodInput<'copilot.testLlm'>): Promise<LlmTestView> {
    try {
      return await useClient().call('copilot.testLlm', input);
    } catch (caught) {
      const shown = shownError(caught, 'The test could not run.', 'Check the base URL and model, then try again.');
      return { ok: false, model: input.model ?? '', latencyMs: 0, message: shown.message, hint: shown.hint };
    }
  }

  return { theme, connections, source, environmentHint, saving, error, savedAt, setTheme, loadConnections, save, testLlm };
});
