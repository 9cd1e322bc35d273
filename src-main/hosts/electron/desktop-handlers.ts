import type { DesktopSecretsView, DesktopSettingsView } from '../../core/contract/desktop';
import type { DesktopHandlers } from '../../core/desktop/handlers';
import type { SecretName, SecretStore } from '../../core/secrets/secret-store';
import type { DesktopSettingsService } from './settings';
import type { DesktopSettings } from './settings-schema';

/** Which conversation the agent has open, as the renderer last said. */
export class ViewingState {
  conversationId: string | null = null;
}

export interface DesktopHandlerDeps {
  settings: DesktopSettingsService;
  secrets: SecretStore;
  viewing: ViewingState;
  /** Called after a change is saved: the shell re-registers the shortcut and restarts the core with the new config. */
  onChanged(settings: DesktopSettings): void;
}

function secretsView(settings: DesktopSettings, secrets: SecretStore): DesktopSecretsView {
  return {
    llmApiKey: secrets.has('llmApiKey'),
    crmToken: secrets.has('crmToken'),
    embeddingsApiKey: secrets.has('embeddingsApiKey'),
    backend: secrets.backend(),
    plainTextConsent: settings.secretStorage.plainTextConsent,
  };
}

/** The renderer's view of the settings: everything but the window geometry and, above all, the secrets' values. */
export function settingsView(settings: DesktopSettings, secrets: SecretStore): DesktopSettingsView {
  return {
    crm: settings.crm,
    llm: settings.llm,
    embeddings: settings.embeddings,
    knowledgeDirs: settings.knowledgeDirs,
    redactBeforeLlm: settings.redactBeforeLlm,
    debugLogging: settings.debugLogging,
    notifications: settings.notifications,
    globalShortcut: settings.globalShortcut,
    secrets: secretsView(settings, secrets),
  };
}

/** The desktop-only contract methods, replacing the core's "not on this host" answers. */
export function createDesktopHandlers(deps: DesktopHandlerDeps): DesktopHandlers {
  return {
    'desktop.settings.get': async () => settingsView(deps.settings.get(), deps.secrets),
    'desktop.settings.update': async (input) => {
      // Secrets first: when the keyring refuses, nothing else of the change is half-applied.
      for (const [name, value] of Object.entries(input.secrets ?? {}) as [SecretName, string | null | undefined][]) {
        if (value === undefined) continue;
        if (value === null) deps.secrets.delete(name);
        else await deps.secrets.set(name, value);
      }
      const next = deps.settings.update((draft) => {
        if (input.crm !== undefined) {
          draft.crm = input.crm && { url: input.crm.url, syncIntervalSeconds: input.crm.syncIntervalSeconds ?? draft.crm?.syncIntervalSeconds ?? 60 };
        }
        if (input.llm !== undefined) draft.llm = input.llm;
        if (input.embeddings !== undefined) draft.embeddings = input.embeddings;
        if (input.knowledgeDirs !== undefined) draft.knowledgeDirs = input.knowledgeDirs;
        if (input.redactBeforeLlm !== undefined) draft.redactBeforeLlm = input.redactBeforeLlm;
        if (input.debugLogging !== undefined) draft.debugLogging = input.debugLogging;
        if (input.notifications !== undefined) draft.notifications = input.notifications;
        if (input.globalShortcut !== undefined) draft.globalShortcut = input.globalShortcut;
      });
      deps.onChanged(next);
      return settingsView(next, deps.secrets);
    },
    'desktop.viewing': async ({ conversationId }) => {
      deps.viewing.conversationId = conversationId;
      return { ok: true };
    },
  };
}
