import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomicSync } from '../../files/atomic-write';

/** Ids become tool-name prefixes (`carrier__track_shipment`), so they never contain "__". */
export const serverIdSchema = z
  .string()
  .min(1)
  .max(32)
  // Two simple checks, not one regex with a repeated group: V8 overflows its stack on a huge input to that.
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, "-" and "_"')
  .refine((value) => !value.includes('__'), 'single "_" only: "__" separates the server from the tool');

const stdioTransport = z.strictObject({
  type: z.literal('stdio'),
  command: z.string().min(1).max(1_000),
  args: z.array(z.string().max(2_000)).max(50).default([]),
  cwd: z.string().max(1_000).optional(),
  env: z.record(z.string().max(100), z.string().max(4_000)).optional(),
});

const httpTransport = z.strictObject({
  type: z.literal('http'),
  url: z.url().max(2_000).refine((value) => /^https?:\/\//i.test(value), 'http or https URL'),
  /** Whether a bearer token is kept for it in the secret store; the token itself never lives here. */
  hasToken: z.boolean().default(false),
});

export const mcpServerConfigSchema = z.strictObject({
  id: serverIdSchema,
  name: z.string().min(1).max(100),
  enabled: z.boolean().default(true),
  /** The agent's word that this server's read-only hints can be believed. */
  trustedForReads: z.boolean().default(false),
  transport: z.discriminatedUnion('type', [stdioTransport, httpTransport]),
  timeoutMs: z.number().int().min(500).max(120_000).default(15_000),
});

export type McpServerConfig = z.output<typeof mcpServerConfigSchema>;
export type McpServerConfigInput = z.input<typeof mcpServerConfigSchema>;

/** What the agent chose for a built-in server (the demo carrier); its command comes from the host each run. */
export interface BuiltInChoice {
  enabled: boolean;
  trustedForReads: boolean;
}

const builtInChoiceSchema = z.strictObject({ enabled: z.boolean(), trustedForReads: z.boolean() });
const settingsFileSchema = z.strictObject({
  version: z.literal(1),
  servers: z.array(mcpServerConfigSchema).max(50),
  builtIn: z.record(serverIdSchema, builtInChoiceSchema).optional(),
});
type SettingsFile = z.output<typeof settingsFileSchema>;

/** The list of MCP servers, kept as JSON in the data folder; tokens go to the secret store. */
export interface McpSettingsStore {
  load(): McpServerConfig[];
  save(servers: McpServerConfig[]): void;
  loadBuiltInChoices(): Record<string, BuiltInChoice>;
  saveBuiltInChoices(choices: Record<string, BuiltInChoice>): void;
}

export function createFileSettingsStore(file: string): McpSettingsStore {
  /** Set when the file exists but cannot be read as settings: it is kept aside before being replaced, never lost. */
  let unreadable = false;
  const read = (): SettingsFile => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return { version: 1, servers: [] };
    }
    let parsed: ReturnType<typeof settingsFileSchema.safeParse> | undefined;
    try {
      parsed = settingsFileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    unreadable = !parsed?.success;
    return parsed?.success ? parsed.data : { version: 1, servers: [] };
  };
  const write = (next: SettingsFile): void => {
    mkdirSync(dirname(file), { recursive: true });
    if (unreadable && existsSync(file)) renameSync(file, `${file}.unreadable-${Date.now()}`);
    unreadable = false;
    writeFileAtomicSync(file, JSON.stringify(next, null, 2), { mode: 0o600 });
  };
  return {
    load: () => read().servers,
    save: (servers) => write({ ...read(), servers }),
    loadBuiltInChoices: () => read().builtIn ?? {},
    saveBuiltInChoices: (choices) => write({ ...read(), builtIn: choices }),
  };
}

export function createMemorySettingsStore(initial: McpServerConfig[] = []): McpSettingsStore {
  let servers = initial;
  let choices: Record<string, BuiltInChoice> = {};
  return {
    load: () => servers,
    save: (next) => {
      servers = next;
    },
    loadBuiltInChoices: () => choices,
    saveBuiltInChoices: (next) => {
      choices = next;
    },
  };
}
