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
  /** Starts sending what is due in the outbox, after the copilot's decision and its MCP rows have committed. */
  deliverQueued(): void;
}

/**
 * The MCP client as the adapter in adapters.ts needs it: its hub of connected servers and its durable outbox.
 * Declared here, by the copilot, so the copilot never imports the MCP client and the MCP client never imports
 * the copilot; the composition root (core.ts) hands the real hub and outbox to the adapter.
 */
export interface McpClientForCopilot {
  hub: {
    tools(): McpToolDescriptor[];
    tool(qualifiedName: string): McpToolDescriptor | undefined;
    call(qualifiedName: string, args: Record<string, unknown>): Promise<McpToolOutput>;
  };
  outbox: {
    enqueue(action: { idempotencyKey: string; tool: string; args: Record<string, unknown> }): boolean;
    deliverDue(): Promise<unknown>;
  };
}
