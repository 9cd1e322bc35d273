import { z } from 'zod';
import { method } from './define';

/** Which secrets exist, never their values: secrets go from the renderer to main, never back. */
export interface DesktopSecretsView {
  llmApiKey: boolean;
  crmToken: boolean;
  embeddingsApiKey: boolean;
  /** How secrets are protected on this machine; `basic_text` means no keyring (Linux). */
  backend: 'os' | 'basic_text' | 'unavailable';
  /** The agent agreed to store secrets although no keyring protects them. */
  plainTextConsent: boolean;
}

export interface DesktopSettingsView {
  crm: { url: string; syncIntervalSeconds: number } | null;
  llm: { baseUrl: string; model: string } | null;
  embeddings: { baseUrl: string; model: string } | null;
  knowledgeDirs: string[];
  redactBeforeLlm: boolean;
  debugLogging: boolean;
  notifications: boolean;
  globalShortcut: string;
  secrets: DesktopSecretsView;
}

const url = z.url().max(2_000);
const secret = z.string().min(1).max(8_192).nullable();

export const desktopMethods = {
  /** The desktop app's settings; only the desktop host has them (the web host is configured by environment). */
  'desktop.settings.get': method(z.strictObject({})).returns<DesktopSettingsView>(),
  /** Changes settings; secrets are write-only (a string sets, null deletes) and are encrypted by the OS keyring. */
  'desktop.settings.update': method(
    z.strictObject({
      crm: z.strictObject({ url, syncIntervalSeconds: z.number().int().min(5).max(86_400).optional() }).nullable().optional(),
      llm: z.strictObject({ baseUrl: url, model: z.string().min(1).max(200) }).nullable().optional(),
      embeddings: z.strictObject({ baseUrl: url, model: z.string().min(1).max(200) }).nullable().optional(),
      knowledgeDirs: z.array(z.string().min(1).max(1_000)).max(50).optional(),
      redactBeforeLlm: z.boolean().optional(),
      debugLogging: z.boolean().optional(),
      notifications: z.boolean().optional(),
      globalShortcut: z.string().min(1).max(100).optional(),
      secrets: z.strictObject({ llmApiKey: secret.optional(), crmToken: secret.optional(), embeddingsApiKey: secret.optional() }).optional(),
    }),
  ).returns<DesktopSettingsView>(),
  /** Which conversation the agent has open, so the desktop app notifies only about the others. */
  'desktop.viewing': method(z.strictObject({ conversationId: z.string().max(200).nullable() })).returns<{ ok: true }>(),
};
