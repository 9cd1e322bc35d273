import type { CopilotMcpPort } from '../../copilot/mcp-port';
import type { McpHub } from './mcp-hub';
import type { McpOutbox } from './mcp-outbox';
import { McpToolError } from './tool-errors';

export interface CopilotPortOptions {
  /** Send an approved action right after it is written (the app); tests that stop in between say false. */
  deliverOnEnqueue?: boolean;
  onDeliveryError?: (error: unknown) => void;
}

/**
 * The MCP hub and its outbox as the copilot graph's port. `call` refuses side-effecting tools:
 * those reach a server only through `enqueue`, after the agent's approval, with an idempotency key.
 */
export function createCopilotMcpPort(hub: McpHub, outbox: McpOutbox, options: CopilotPortOptions = {}): CopilotMcpPort {
  return {
    tools: () => hub.tools(),
    tool: (name) => hub.tool(name),
    async call(name, args) {
      const info = hub.tool(name);
      if (info?.sideEffect) throw new McpToolError('INVALID_ARGS', `${name} changes something in ${info.serverName}: it runs only after the agent approves it.`);
      return hub.call(name, args);
    },
    enqueue(action) {
      const added = outbox.enqueue(action);
      if (options.deliverOnEnqueue !== false) {
        outbox.deliverDue().catch((error: unknown) => options.onDeliveryError?.(error));
      }
      return added;
    },
  };
}
