import type { CoreConfigInput } from '../../core/config';
import type { Logger } from '../../core/log/logger';
import type { SecretName, SecretStore } from '../../core/secrets/secret-store';
import { migrateSettings } from './settings-migrations';
import { desktopSettingsSchema, type DesktopSettings } from './settings-schema';

/** Where the settings object is kept: electron-store in the app, anything with the same shape in tests. */
export interface SettingsBacking {
  read(): unknown;
  write(settings: DesktopSettings): void;
}

/** What electron-store (and conf, which it extends) offers: the whole object, read and replaced at once. */
export interface KeyValueFile {
  store: Record<string, unknown>;
  readonly path: string;
}

export function keyValueBacking(file: KeyValueFile): SettingsBacking {
  return {
    read: () => file.store,
    write: (settings) => {
      file.store = settings;
    },
  };
}

/** The desktop settings, validated on every write so a bad value never reaches the file or the core. */
export class DesktopSettingsService {
  private current: DesktopSettings;

  private constructor(
    private readonly backing: SettingsBacking,
    settings: DesktopSettings,
  ) {
    this.current = settings;
  }

  /**
   * Reads and migrates the stored settings. Plain-text secrets left by an older version are
   * encrypted into the secret store and removed from the file before anything else happens.
   */
  static async open(backing: SettingsBacking, secrets: SecretStore, logger: Logger): Promise<DesktopSettingsService> {
    const migration = migrateSettings(backing.read());
    if (migration.reset) logger.warn('settings file did not validate; defaults used', { fromVersion: migration.fromVersion });
    for (const [name, value] of Object.entries(migration.legacySecrets) as [SecretName, string][]) {
      try {
        await secrets.set(name, value);
      } catch (error) {
        // Declined or impossible: the plain-text copy is dropped all the same, the agent enters it again.
        logger.warn('a legacy secret could not be kept', { name, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (migration.fromVersion !== migration.settings.schemaVersion || migration.reset) {
      backing.write(migration.settings);
      logger.info('settings migrated', { fromVersion: migration.fromVersion, toVersion: migration.settings.schemaVersion });
    }
    return new DesktopSettingsService(backing, migration.settings);
  }

  get(): DesktopSettings {
    return structuredClone(this.current);
  }

  update(change: (draft: DesktopSettings) => void): DesktopSettings {
    const draft = structuredClone(this.current);
    change(draft);
    const next = desktopSettingsSchema.parse(draft);
    this.backing.write(next);
    this.current = next;
    return this.get();
  }
}

/** The core's configuration from the settings and the decrypted secrets; no CRM configured means the demo workspace. */
export function coreConfigFromSettings(settings: DesktopSettings, secrets: SecretStore, dataDir: string): CoreConfigInput {
  const crmToken = secrets.get('crmToken');
  const llmApiKey = secrets.get('llmApiKey');
  const embeddingsApiKey = secrets.get('embeddingsApiKey');
  return {
    dataDir,
    host: 'electron',
    ...(settings.crm
      ? { crm: { url: settings.crm.url, syncIntervalSeconds: settings.crm.syncIntervalSeconds, ...(crmToken ? { token: crmToken } : {}) } }
      : {}),
    ...(settings.llm ? { llm: { ...settings.llm, ...(llmApiKey ? { apiKey: llmApiKey } : {}) } } : {}),
    ...(settings.embeddings ? { embeddings: { ...settings.embeddings, ...(embeddingsApiKey ? { apiKey: embeddingsApiKey } : {}) } } : {}),
    knowledgeDirs: settings.knowledgeDirs,
    privacy: { redactBeforeLlm: settings.redactBeforeLlm },
    debugLogging: settings.debugLogging,
  };
}
