import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { stringFlag } from '../args';
import type { CliCommand } from '../command';
import { createCarrierMcpServer, createRescheduleLedger } from '../../core/mcp/demo-carrier/index';

export const mcpDemoCarrierCommand: CliCommand = {
  path: ['mcp', 'demo-carrier'],
  summary: 'Run the demo shipping-carrier MCP server on stdio (track_shipment, reschedule_delivery)',
  usage: 'mcp demo-carrier [--ledger <file.json>]',
  async run(context) {
    const server = createCarrierMcpServer(createRescheduleLedger(stringFlag(context.args, 'ledger')));
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
  },
};
