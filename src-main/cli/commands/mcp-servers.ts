import { boolFlag, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { demoCarrierId } from '../../core/mcp/demo-carrier/server-config';
import { startMcpService } from '../../core/mcp/mcp-service';
import { defaultDataDir } from '../../core/paths/data-dir';
import { terminalLaunchConsent } from './mcp-launch-consent';

/** For a hand-written mcp-servers.json: connects each server once and says what the copilot would see. */
export const mcpServersCommand: CliCommand = {
  path: ['mcp', 'servers'],
  summary: 'Connect the MCP servers in the settings (and the demo workspace\'s built-in carrier) once and list their tools as the copilot classifies them (read or write)',
  usage: 'mcp servers [--data <dir>] [--yes] [--json]   (--yes: allow the stdio servers\' programs without asking)',
  async run(context) {
    // As the app does: with no CRM configured it is the demo workspace, which has the built-in demo carrier.
    const demo = !process.env.COPILOT_CRM_URL;
    const service = startMcpService({
      dataDir: stringFlag(context.args, 'data') ?? defaultDataDir(),
      retryIntervalMs: 0,
      demoCarrier: demo ? 'stdio' : false,
      // A stdio server's program starts only after the person at the terminal says yes, or with --yes.
      launchConsent: terminalLaunchConsent({ yes: boolFlag(context.args, 'yes'), input: process.stdin, output: process.stderr }),
    });
    try {
      await service.ready;
      const servers = service.hub.servers();
      if (context.json) context.printJson({ servers });
      if (servers.length === 0) context.say('No MCP servers in the settings (mcp-servers.json in the data folder), and no built-in one (a CRM is configured).');
      for (const server of servers) {
        const builtIn = demo && server.id === demoCarrierId ? 'built in, demo workspace; ' : '';
        context.say(`${server.name} (${builtIn}${server.id}, ${server.transport} ${server.target}${server.trustedForReads ? ', trusted for reads' : ''}): ${server.state}${server.error ? ` — ${server.error}` : ''}`);
        for (const tool of server.tools) context.say(`  ${tool.access === 'read' ? 'read ' : 'write'}  ${tool.qualifiedName}${tool.readOnlyHint && tool.access === 'write' ? ' (read-only hint; trust the server to run it without approval)' : ''}`);
      }
      return servers.some((server) => server.enabled && server.state !== 'ready') ? 1 : 0;
    } finally {
      await service.close();
    }
  },
};
