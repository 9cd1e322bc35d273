import type { z } from 'zod';

/** One tool of a connected MCP server as the graph sees it (the MCP hub's tool info fits this shape). */
export interface McpToolDescriptor {
  /** `server__tool`: the name the model calls and the approval card shows. */
  qualifiedName: string;
  serverName: string;
  title: string | null;
  description: string;
  /** The tool's input schema as zod: arguments are checked against it before anything is sent. */
  schema: z.ZodObject;
  /** Side-effecting unless the tool says read-only and the agent trusts its server for reads. */
  sideEffect: boolean;
}

export interface McpToolOutput {
  /** Cleaned, capped, untrusted text. */
  text: string;
  isError: boolean;
}

/**
 * What the graph needs from the MCP client: the current tools (read on every turn, so a changed
 * tool list is used without a restart), an immediate call for read-only tools, and the durable
 * outbox for approved side effects.
 */
export interface CopilotMcpPort {
  tools(): McpToolDescriptor[];
  tool(qualifiedName: string): McpToolDescriptor | undefined;
  /** Read-only tools only. Rejects with an Error whose message the agent can read (down, timed out, malformed). */
  call(qualifiedName: string, args: Record<string, unknown>): Promise<McpToolOutput>;
  /** Writes an approved side effect before it is sent; a repeated idempotency key is ignored, so it acts once. */
  enqueue(action: { idempotencyKey: string; tool: string; args: Record<string, unknown> }): boolean;
}
