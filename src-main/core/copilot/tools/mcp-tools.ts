import { tool, type StructuredToolInterface } from '@langchain/core/tools';
import type { CopilotMcpPort } from '../mcp-port';
import type { CustomerContext, McpToolName, PolicyResult, ToolName } from '../types';
import { checkTool, isToolName, toolCatalog } from './catalog';

export interface CheckedCall {
  tool: ToolName | McpToolName;
  args: Record<string, unknown>;
  policy: PolicyResult;
  sideEffect: boolean;
  /** The MCP server's name, for MCP tools. */
  server?: string;
}

export function isMcpName(name: string): name is McpToolName {
  return name.indexOf('__') > 0;
}

/** OpenAI-compatible APIs refuse more than 128 tools in one request; the built-in ones come first. */
const maxMcpTools = 100;

/** The model's view of the MCP tools: the same names, descriptions and schemas, never run from here. */
export function mcpLlmTools(mcp: CopilotMcpPort | undefined): StructuredToolInterface[] {
  return (mcp?.tools() ?? []).slice(0, maxMcpTools).map((info) =>
    tool(async () => 'handled by the copilot graph', {
      name: info.qualifiedName,
      description: `[${info.serverName}${info.sideEffect ? ', needs approval' : ', read-only'}] ${info.description || info.title || info.qualifiedName}`.slice(0, 1_024),
      schema: info.schema,
    }),
  );
}

/**
 * One gate for every tool call the model or a rule proposes: built-in tools pass their schema and
 * policy; an MCP tool passes its server's input schema and counts as side-effecting unless its
 * server is trusted for reads and the tool declares readOnlyHint (the hub decides `sideEffect`).
 */
export function checkProposedTool(mcp: CopilotMcpPort | undefined, name: string, rawArgs: unknown, customer: CustomerContext | undefined, conversationId: string): CheckedCall {
  if (isToolName(name) || !isMcpName(name)) {
    const checked = checkTool(name, rawArgs, customer, conversationId);
    return { tool: name as ToolName, ...checked, sideEffect: isToolName(name) ? toolCatalog[name].sideEffect : true };
  }
  const info = mcp?.tool(name);
  const copy = rawArgs && typeof rawArgs === 'object' && !Array.isArray(rawArgs) ? { ...(rawArgs as Record<string, unknown>) } : {};
  if (!info) {
    return { tool: name, args: copy, sideEffect: true, policy: { allowed: false, reason: `${name.slice(0, 80)} is not available: its MCP server is disabled, removed or not connected. Check Settings → MCP servers.` } };
  }
  const parsed = info.schema.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 2).map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`);
    return { tool: name, args: copy, sideEffect: info.sideEffect, server: info.serverName, policy: { allowed: false, reason: `Invalid arguments for ${name}: ${issues.join('; ')}` } };
  }
  return { tool: name, args: parsed.data as Record<string, unknown>, sideEffect: info.sideEffect, server: info.serverName, policy: { allowed: true } };
}

const trackingIntents = new Set(['track_order', 'delivery_period', 'delivery_options']);

/**
 * Without a model, the one MCP lookup a rule can pick safely: a read-only `track_shipment` of a
 * connected carrier when the customer asks where an order is (the demo carrier shows this offline).
 */
export function offlineMcpCalls(mcp: CopilotMcpPort | undefined, intent: string, orderId: string | undefined, customer: CustomerContext | undefined): { tool: string; args: Record<string, unknown>; why: string }[] {
  if (!mcp || !trackingIntents.has(intent)) return [];
  const order = orderId ?? customer?.orders.find((item) => item.status === 'shipped')?.id ?? customer?.orders[0]?.id;
  const tracker = mcp.tools().find((info) => !info.sideEffect && info.qualifiedName.endsWith('__track_shipment'));
  if (!order || !tracker) return [];
  return [{ tool: tracker.qualifiedName, args: { orderId: order }, why: `The customer asks where an order is: ${tracker.serverName} tracks order ${order}.` }];
}
