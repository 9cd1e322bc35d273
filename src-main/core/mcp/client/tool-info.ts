import type { z } from 'zod';
import { toolInputSchema } from './json-schema-to-zod';
import type { McpServerConfig } from './settings';
import { cleanUntrustedText } from './untrusted-result';

export const toolSeparator = '__';
/** OpenAI-compatible tool names: the qualified name must fit in 64 of these characters. */
const llmNamePattern = /^[A-Za-z0-9_-]{1,64}$/;
const maxDescription = 1_000;

export interface McpToolInfo {
  /** `server__tool`, the name the model and the approval card use. */
  qualifiedName: string;
  serverId: string;
  serverName: string;
  /** The name the server knows the tool by. */
  toolName: string;
  title: string | null;
  description: string;
  inputSchema: Record<string, unknown>;
  schema: z.ZodObject;
  readOnlyHint: boolean;
  /** Side-effecting unless read-only is declared AND the agent trusts the server for reads. */
  sideEffect: boolean;
  /** Whether the tool takes an `idempotencyKey` argument (the key also always goes in _meta). */
  acceptsIdempotencyKey: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One tool definition from an untrusted server, checked field by field. Returns undefined for
 * anything unusable (no name, a name the model cannot carry), so one bad tool drops alone.
 */
export function toToolInfo(server: McpServerConfig, raw: unknown): McpToolInfo | undefined {
  if (!isRecord(raw) || typeof raw.name !== 'string') return undefined;
  const toolName = raw.name;
  const qualifiedName = `${server.id}${toolSeparator}${toolName}`;
  if (!llmNamePattern.test(qualifiedName) || toolName.length === 0) return undefined;
  const annotations = isRecord(raw.annotations) ? raw.annotations : {};
  const readOnlyHint = annotations.readOnlyHint === true;
  const inputSchema = isRecord(raw.inputSchema) ? raw.inputSchema : { type: 'object' };
  const properties = isRecord(inputSchema.properties) ? inputSchema.properties : {};
  const title = typeof raw.title === 'string' ? raw.title : typeof annotations.title === 'string' ? annotations.title : null;
  return {
    qualifiedName,
    serverId: server.id,
    serverName: server.name,
    toolName,
    title: title ? cleanUntrustedText(title).slice(0, 200) : null,
    // Descriptions reach the model too: cleaned like results, so hidden text cannot ride along.
    description: cleanUntrustedText(typeof raw.description === 'string' ? raw.description : '').slice(0, maxDescription),
    inputSchema,
    schema: toolInputSchema(inputSchema),
    readOnlyHint,
    sideEffect: !(readOnlyHint && server.trustedForReads),
    acceptsIdempotencyKey: Object.hasOwn(properties, 'idempotencyKey'),
  };
}

export function splitQualifiedName(name: string): { serverId: string; toolName: string } | undefined {
  const at = name.indexOf(toolSeparator);
  if (at <= 0) return undefined;
  return { serverId: name.slice(0, at), toolName: name.slice(at + toolSeparator.length) };
}

export function isMcpToolName(name: string): boolean {
  return splitQualifiedName(name) !== undefined;
}
