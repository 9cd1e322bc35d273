import { tool, type StructuredToolInterface } from '@langchain/core/tools';
import { frameToolResult } from '../../text/fence';
import type { McpHub } from './mcp-hub';
import { McpToolError } from './tool-errors';

export interface LangChainToolOptions {
  /** Applied to every result before it can reach a model: the conversation's redactor. */
  redact?: (text: string) => string;
}

/**
 * Each MCP tool as a LangChain tool for the graph's tool set. Only read-only tools run through
 * here; a side-effecting one answers that it needs approval, because the graph executes those
 * after the agent approves, through the outbox, with an idempotency key.
 */
export function toLangChainTools(hub: McpHub, options: LangChainToolOptions = {}): StructuredToolInterface[] {
  return hub.tools().map((info) =>
    tool(
      async (args: Record<string, unknown>): Promise<string> => {
        if (info.sideEffect) return `${info.qualifiedName} changes something in ${info.serverName}: it has been proposed to the agent for approval and was not run.`;
        try {
          const output = await hub.call(info.qualifiedName, args);
          const text = options.redact ? options.redact(output.text) : output.text;
          return frameToolResult(info, output.isError ? `The tool reported an error: ${text}` : text);
        } catch (error) {
          // A failing server becomes a sentence the model can work with, never an exception in the graph.
          return `${info.qualifiedName} failed: ${error instanceof McpToolError ? error.message : 'unexpected error'}`;
        }
      },
      {
        name: info.qualifiedName,
        description: `[${info.serverName}${info.sideEffect ? ', needs approval' : ', read-only'}] ${info.description || info.title || info.toolName}`.slice(0, 1_024),
        schema: info.schema,
      },
    ),
  );
}
