export type McpToolErrorCode = 'UNKNOWN_TOOL' | 'INVALID_ARGS' | 'UNAVAILABLE' | 'TIMEOUT' | 'MALFORMED' | 'DISABLED';

/** An MCP failure in words the agent can act on; `code` lets the UI and the graph tell them apart. */
export class McpToolError extends Error {
  override name = 'McpToolError';
  constructor(
    readonly code: McpToolErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The SDK's errors, folded into ours with the server's name, without echoing long payloads. */
export function describeMcpFailure(serverName: string, error: unknown, timeoutMs: number): McpToolError {
  if (error instanceof McpToolError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === -32001 || /timed? ?out/i.test(message)) return new McpToolError('TIMEOUT', `${serverName} did not answer within ${Math.round(timeoutMs / 1000)} s.`);
  if (code === -32000 || /closed|ECONNREFUSED|ENOENT|EPIPE|spawn|fetch failed|not connected/i.test(message)) {
    return new McpToolError('UNAVAILABLE', `${serverName} is not reachable: ${message.slice(0, 200)}`);
  }
  if (/invalid|expected|unrecognized|required|schema/i.test(message)) return new McpToolError('MALFORMED', `${serverName} sent an answer that does not follow MCP: ${message.slice(0, 200)}`);
  return new McpToolError('UNAVAILABLE', `${serverName} failed: ${message.slice(0, 200)}`);
}
