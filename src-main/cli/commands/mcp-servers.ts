import { boolFlag, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { startMcpService } from '../../core/mcp/mcp-service';
import { defaultDataDir } from '../../core/paths/data-dir';
import { terminalLaunchConsent } from './mcp-launch-consent';

/** For a hand-written mcp-servers.json: connects each server once and says what the copilot would see. */
export const mcpServersCommand: CliCommand = {
  path: ['mcp', 'servers'],
  summary: 'Connect the MCP servers in the settings once and list their tools as the copilot classifies them (read or write)',
  usage: 'mcp servers [--data <dir>] [--yes] [--json]   (--yes: allow the stdio servers\' programs without asking)',
  async run(context) {
    const service = startMcpService({
      dataDir: stringFlag(context.args, 'data') ?? defaultDataDir(),
      retryIntervalMs: 0,
      // A stdio server's program starts only after the person at the terminal says yes, or with --yes.
      launchConsent: terminalLaunchConsent({ yes: boolFlag(context.args, 'yes'), input: process.stdin, output: process.stderr }),
    });
    try {
      await service.ready;
      const servers = service.hub.servers();
      if (context.json) context.printJson({ servers });
      if (servers.length === 0) context.say('No MCP servers in the settings (mcp-servers.json in the data folder).');
      for (const server of servers) {
        context.say(`${server.name} (${server.id}, ${server.transport} ${server.target}${server.trustedForReads ? ', trusted for reads' : ''}): ${server.state}${server.error ? ` — ${server.error}` : ''}`);
        for (const tool of server.tools) context.say(`  ${tool.access === 'read' ? 'read ' : 'write'}  ${tool.qualifiedName}${tool.readOnlyHint && tool.access === 'write' ? ' (read-only hint; trust the server to run it without approval)' : ''}`);
      }
      return servers.some((server) => server.enabled && server.state !== 'ready') ? 1 : 0;
    } finally {
      await service.close();
    }
  },
};
