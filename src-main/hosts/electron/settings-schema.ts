import { z } from 'zod';

export const currentSettingsVersion = 3;
export const defaultGlobalShortcut = 'CommandOrControl+Shift+Space';

const bounds = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
});
export type WindowBounds = z.infer<typeof bounds>;

/** The desktop settings file as written today. Secrets are not in it: they live encrypted in secrets.json. */
export const desktopSettingsSchema = z.strictObject({
  schemaVersion: z.literal(currentSettingsVersion),
  crm: z.strictObject({ url: z.url(), syncIntervalSeconds: z.number().int().min(5).max(86_400) }).nullable(),
  llm: z.strictObject({ baseUrl: z.url(), model: z.string().min(1) }).nullable(),
  embeddings: z.strictObject({ baseUrl: z.url(), model: z.string().min(1) }).nullable(),
  knowledgeDirs: z.array(z.string().min(1)),
  redactBeforeLlm: z.boolean(),
  debugLogging: z.boolean(),
  notifications: z.boolean(),
  globalShortcut: z.string().min(1),
  window: z.strictObject({ bounds: bounds.nullable(), maximized: z.boolean() }),
  secretStorage: z.strictObject({ plainTextConsent: z.boolean() }),
});
export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;

export function defaultDesktopSettings(): DesktopSettings {
  return {
    schemaVersion: currentSettingsVersion,
    crm: null,
    llm: null,
    embeddings: null,
    knowledgeDirs: [],
    redactBeforeLlm: true,
    debugLogging: false,
    notifications: true,
    globalShortcut: defaultGlobalShortcut,
    window: { bounds: null, maximized: false },
    secretStorage: { plainTextConsent: false },
  };
}

/** Version 1 (0.0.x previews): flat keys, and the LLM key and CRM token in plain text. */
export const settingsV1Schema = z.object({
  schemaVersion: z.literal(1).optional(),
  crmUrl: z.string().optional(),
  crmToken: z.string().optional(),
  llmBaseUrl: z.string().optional(),
  llmModel: z.string().optional(),
  llmApiKey: z.string().optional(),
  shortcut: z.string().optional(),
  windowBounds: bounds.optional(),
  maximized: z.boolean().optional(),
  debug: z.boolean().optional(),
});

/** Version 2: nested crm/llm and window state; secrets already encrypted elsewhere, no notification or embeddings settings. */
export const settingsV2Schema = z.object({
  schemaVersion: z.literal(2),
  crm: z.object({ url: z.string(), syncIntervalSeconds: z.number().optional() }).nullable().optional(),
  llm: z.object({ baseUrl: z.string(), model: z.string() }).nullable().optional(),
  knowledgeDirs: z.array(z.string()).optional(),
  redactBeforeLlm: z.boolean().optional(),
  debugLogging: z.boolean().optional(),
  globalShortcut: z.string().optional(),
  window: z.object({ bounds: bounds.nullable().optional(), maximized: z.boolean().optional() }).optional(),
});
