import { z } from 'zod';
import { method } from './define';

/** Ids become tool-name prefixes (`carrier__track_shipment`), so they never contain "__". */
const serverId = z
  .string()
  .min(1)
  .max(32)
  // Two simple checks, not one regex with a repeated group: V8 overflows its stack on a 10 MB input to that.
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Use lower-case letters, digits, "-" and "_".')
  .refine((value) => !value.includes('__'), 'Use single "_" only: "__" separates the server from the tool.');

export interface McpToolView {
  /** The name the server knows the tool by. */
  name: string;
  /** `server__tool`, as the copilot and its approval cards name it. */
  qualifiedName: string;
  title: string | null;
  description: string;
  readOnlyHint: boolean;
  /** `read` runs at once; `write` waits for the agent's approval (read-only hint AND trusted server, or write). */
  access: 'read' | 'write';
}

export interface McpServerView {
  id: string;
  name: string;
  enabled: boolean;
  trustedForReads: boolean;
  /** Started by the app itself (the demo carrier): it can be disabled but not removed. */
  builtIn: boolean;
  transport: 'stdio' | 'http';
  /** The command line or the URL; a bearer token is never sent, only whether one is kept. */
  target: string;
  hasToken: boolean;
  state: 'disabled' | 'connecting' | 'ready' | 'error';
  /** Why it is not connected, in plain words. */
  error: string | null;
  tools: McpToolView[];
}

export interface McpTestView {
  ok: boolean;
  error: string | null;
  ms: number;
  tools: McpToolView[];
}

/** An approved MCP action the outbox has delivered, or given up on. */
export interface McpActionEvent {
  conversationId: string | null;
  toolCallId: string | null;
  tool: string;
  /** Dead: the server refused it, or it could not be sent (see `error`); the status bar's outbox can retry or discard it. */
  state: 'delivered' | 'dead';
  result: string | null;
  error: string | null;
}

const stdio = z.strictObject({
  type: z.literal('stdio'),
  command: z.string().min(1).max(1_000),
  args: z.array(z.string().max(2_000)).max(50).default([]),
  cwd: z.string().max(1_000).optional(),
  env: z.record(z.string().max(100), z.string().max(4_000)).optional(),
});
const http = z.strictObject({
  type: z.literal('http'),
  url: z
    .url()
    .max(2_000)
    .refine((value) => /^https?:\/\//i.test(value), 'Use an http:// or https:// URL.'),
});

const serverInput = z.strictObject({
  id: serverId,
  name: z.string().min(1).max(100),
  transport: z.discriminatedUnion('type', [stdio, http]),
  /** Write-only: kept in the secret store, never sent back. */
  token: z.string().min(1).max(4_000).optional(),
  enabled: z.boolean().optional(),
  trustedForReads: z.boolean().optional(),
  timeoutMs: z.number().int().min(500).max(120_000).optional(),
});

export type McpServerInput = z.input<typeof serverInput>;

export const mcpMethods = {
  'mcp.servers.list': method(z.strictObject({})).returns<McpServerView[]>(),
  /** Adds a server, or replaces the one with the same id, and connects it. */
  'mcp.servers.add': method(serverInput).returns<McpServerView>(),
  /** Connects once, lists the tools and disconnects: a saved server by id, or one not saved yet. */
  'mcp.servers.test': method(z.union([z.strictObject({ id: serverId }), serverInput])).returns<McpTestView>(),
  'mcp.servers.update': method(z.strictObject({ id: serverId, enabled: z.boolean().optional(), trustedForReads: z.boolean().optional() })).returns<McpServerView>(),
  'mcp.servers.remove': method(z.strictObject({ id: serverId })).returns<{ removed: true }>(),
};
