import { z } from 'zod';
import { CoreError } from '../contract/errors';
import type { Handlers } from '../contract/index';
import type { McpServerConfigInput } from './client/settings';
import { McpToolError } from './client/tool-errors';
import type { McpService } from './mcp-service';

type McpHandlers = Pick<Handlers, 'mcp.servers.list' | 'mcp.servers.add' | 'mcp.servers.test' | 'mcp.servers.update' | 'mcp.servers.remove'>;
type ServerInput = Extract<Parameters<McpHandlers['mcp.servers.add']>[0], { transport: unknown }>;

/** The settings form's fields as the hub's config; the token travels separately, into the secret store. */
function toConfig(input: ServerInput): { config: McpServerConfigInput; token: string | undefined } {
  const { token, transport, ...rest } = input;
  return { config: { ...rest, transport: transport.type === 'http' ? { type: 'http', url: transport.url } : transport }, token };
}

/** Hub errors in the words the settings page shows. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CoreError) throw error;
    if (error instanceof McpToolError) {
      throw error.code === 'UNKNOWN_TOOL'
        ? new CoreError('NOT_FOUND', error.message, 'Reload the list of MCP servers.')
        : new CoreError('INVALID_INPUT', error.message, 'Change the server settings and try again.');
    }
    if (error instanceof z.ZodError) {
      const issue = error.issues[0];
      throw new CoreError('INVALID_INPUT', `The server settings are not valid: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'check the fields'}.`, 'Correct the highlighted field and save again.');
    }
    throw new CoreError('INTERNAL', 'The MCP server settings could not be changed.', 'Try again; the log in the data folder says what went wrong.', { cause: error });
  }
}

export function createMcpHandlers(getService: () => Promise<McpService>): McpHandlers {
  const hub = async () => (await getService()).hub;
  const find = async (id: string) => {
    const found = (await hub()).servers().find((server) => server.id === id);
    if (!found) throw new CoreError('NOT_FOUND', `There is no MCP server with the id ${id}.`, 'Reload the list of MCP servers.');
    return found;
  };
  return {
    'mcp.servers.list': async () => (await hub()).servers(),
    'mcp.servers.add': (input) =>
      guarded(async () => {
        const { config, token } = toConfig(input);
        return (await hub()).addServer(config, token);
      }),
    'mcp.servers.test': (input) =>
      guarded(async () => {
        if (!('transport' in input)) {
          await find(input.id);
          return (await hub()).testServer({ id: input.id });
        }
        const { config, token } = toConfig(input);
        return (await hub()).testServer(config, token);
      }),
    'mcp.servers.update': ({ id, enabled, trustedForReads }) =>
      guarded(async () => {
        let summary = await find(id);
        if (trustedForReads !== undefined && trustedForReads !== summary.trustedForReads) summary = await (await hub()).setTrustedForReads(id, trustedForReads);
        if (enabled !== undefined && enabled !== summary.enabled) summary = await (await hub()).setEnabled(id, enabled);
        return summary;
      }),
    'mcp.servers.remove': ({ id }) =>
      guarded(async () => {
        if ((await find(id)).builtIn) throw new CoreError('CONFLICT', 'The demo carrier comes with the demo workspace and cannot be removed.', 'Disable it instead.');
        await (await hub()).removeServer(id);
        return { removed: true as const };
      }),
  };
}
