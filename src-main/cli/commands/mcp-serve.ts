import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { boolFlag, CliUsageError, numberFlag, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { createCopilotMcpServer, openCopilotMcpSources, startMcpHttpServer } from '../../core/mcp/server/index';
import { defaultDataDir } from '../../core/paths/data-dir';

/** Stdout belongs to the protocol over stdio, so every human line goes to stderr. */
const note = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export const mcpServeCommand: CliCommand = {
  path: ['mcp', 'serve'],
  summary: "Serve the copilot's knowledge and customer context over MCP (read-only tools)",
  usage: 'mcp serve --stdio | --http [--port N] [--idle-timeout <seconds>] [--data <dir>] [--share-customer-data] [--json]',
  async run(context) {
    const stdio = boolFlag(context.args, 'stdio');
    const http = boolFlag(context.args, 'http');
    if (stdio === http) throw new CliUsageError('choose exactly one of --stdio or --http');
    const port = numberFlag(context.args, 'port') ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new CliUsageError('--port must be an integer between 0 and 65535');
    // How long an HTTP session may sit without an open request before it ends (default 30 minutes).
    const idleTimeoutSeconds = numberFlag(context.args, 'idle-timeout') ?? 1_800;
    if (!Number.isInteger(idleTimeoutSeconds) || idleTimeoutSeconds < 1 || idleTimeoutSeconds > 86_400) throw new CliUsageError('--idle-timeout must be a whole number of seconds between 1 and 86400');
    const opened = await openCopilotMcpSources({
      dataDir: stringFlag(context.args, 'data') ?? defaultDataDir(),
      shareCustomerData: boolFlag(context.args, 'share-customer-data'),
    });
    try {
      if (stdio) {
        const server = createCopilotMcpServer(opened.sources);
        const transport = new StdioServerTransport();
        const closed = new Promise<void>((resolve) => {
          transport.onclose = () => resolve();
          process.stdin.once('end', () => resolve());
        });
        await server.connect(transport);
        note('Support Copilot MCP server on stdio');
        await closed;
        await server.close();
        return;
      }
      const served = await startMcpHttpServer({ createServer: () => createCopilotMcpServer(opened.sources), port, idleTimeoutMs: idleTimeoutSeconds * 1_000, onError: (error) => note(`mcp: ${error.message}`) });
      note(`Support Copilot MCP server at ${served.url}`);
      note(`Bearer token (valid until this process stops): ${served.token}`);
      if (context.json) context.printJson({ url: served.url, token: served.token, port: served.port });
      await untilSignal();
      await served.close();
    } finally {
      await opened.close();
    }
  },
};
