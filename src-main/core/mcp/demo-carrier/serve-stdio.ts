import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createCarrierMcpServer } from './carrier-server';
import { createRescheduleLedger } from './reschedule-ledger';

/** Serves the demo carrier on stdin/stdout until the client goes away. */
export async function serveCarrierOverStdio(ledgerFile?: string): Promise<void> {
  const server = createCarrierMcpServer(createRescheduleLedger(ledgerFile));
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  // Stdout carries the protocol: the banner goes to stderr.
  process.stderr.write('Parcelo demo carrier MCP server on stdio\n');
  await closed;
  await server.close();
}
