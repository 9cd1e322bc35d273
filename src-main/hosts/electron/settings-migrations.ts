import { z } from 'zod';
import type { SecretName } from '../../core/secrets/secret-store';
import {
  currentSettingsVersion,
  defaultDesktopSettings,
  desktopSettingsSchema,
  settingsV1Schema,
  settingsV2Schema,
  type DesktopSettings,
} from './settings-schema';

export interface MigrationResult {
  settings: DesktopSettings;
  /** Plain-text secrets an older version left in the settings file: the caller encrypts them and they leave the file. */
  legacySecrets: Partial<Record<SecretName, string>>;
  /** The version found on disk; 0 for an empty or unreadable file. */
  fromVersion: number;
  /** The stored object did not validate and was replaced by defaults. */
  reset: boolean;
}

const validUrl = (value: string | undefined): string | undefined => (value && z.url().safeParse(value).success ? value : undefined);

function fromV1(raw: z.infer<typeof settingsV1Schema>): { v2: z.infer<typeof settingsV2Schema>; secrets: Partial<Record<SecretName, string>> } {
  const crmUrl = validUrl(raw.crmUrl);
  const llmUrl = validUrl(raw.llmBaseUrl);
  const secrets: Partial<Record<SecretName, string>> = {};
  if (raw.crmToken) secrets.crmToken = raw.crmToken;
  if (raw.llmApiKey) secrets.llmApiKey = raw.llmApiKey;
  return {
    v2: {
      schemaVersion: 2,
      crm: crmUrl ? { url: crmUrl } : null,
      llm: llmUrl && raw.llmModel ? { baseUrl: llmUrl, model: raw.llmModel } : null,
      ...(raw.debug !== undefined ? { debugLogging: raw.debug } : {}),
      ...(raw.shortcut ? { globalShortcut: raw.shortcut } : {}),
      window: { bounds: raw.windowBounds ?? null, maximized: raw.maximized ?? false },
    },
    secrets,
  };
}

function fromV2(raw: z.infer<typeof settingsV2Schema>): unknown {
  const defaults = defaultDesktopSettings();
  return {
    ...defaults,
    crm: raw.crm ? { url: raw.crm.url, syncIntervalSeconds: raw.crm.syncIntervalSeconds ?? 60 } : null,
    llm: raw.llm ?? null,
    knowledgeDirs: raw.knowledgeDirs ?? defaults.knowledgeDirs,
    redactBeforeLlm: raw.redactBeforeLlm ?? defaults.redactBeforeLlm,
    debugLogging: raw.debugLogging ?? defaults.debugLogging,
    globalShortcut: raw.globalShortcut ?? defaults.globalShortcut,
    window: { bounds: raw.window?.bounds ?? null, maximized: raw.window?.maximized ?? false },
  };
}

function versionOf(raw: unknown): number {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 0;
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number') return version;
  return Object.keys(raw).length === 0 ? 0 : 1;
}

/**
 * Brings whatever an older version wrote up to the current schema, one step per version.
 * Anything that does not validate falls back to defaults rather than stopping the app from starting.
 */
export function migrateSettings(raw: unknown): MigrationResult {
  const fromVersion = versionOf(raw);
  let legacySecrets: Partial<Record<SecretName, string>> = {};
  let candidate: unknown = raw;
  if (fromVersion === 0) return { settings: defaultDesktopSettings(), legacySecrets, fromVersion, reset: false };
  if (fromVersion === 1) {
    const parsed = settingsV1Schema.safeParse(raw);
    if (!parsed.success) return { settings: defaultDesktopSettings(), legacySecrets, fromVersion, reset: true };
    const step = fromV1(parsed.data);
    legacySecrets = step.secrets;
    candidate = step.v2;
  }
  if (fromVersion <= 2) {
    const parsed = settingsV2Schema.safeParse(candidate);
    if (!parsed.success) return { settings: defaultDesktopSettings(), legacySecrets, fromVersion, reset: true };
    candidate = fromV2(parsed.data);
  }
  // Written by a newer release (after a downgrade): keep the fields this version knows, ignore the rest.
  const schema = fromVersion > currentSettingsVersion ? z.object(desktopSettingsSchema.shape) : desktopSettingsSchema;
  if (fromVersion > currentSettingsVersion) candidate = { ...(raw as object), schemaVersion: currentSettingsVersion };
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) return { settings: defaultDesktopSettings(), legacySecrets, fromVersion, reset: true };
  return { settings: parsed.data, legacySecrets, fromVersion, reset: false };
}
