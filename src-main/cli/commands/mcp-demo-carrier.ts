import { stringFlag } from '../args';
import type { CliCommand } from '../command';
import { serveCarrierOverStdio } from '../../core/mcp/demo-carrier/serve-stdio';

export const mcpDemoCarrierCommand: CliCommand = {
  path: ['mcp', 'demo-carrier'],
  summary: 'Run the demo shipping-carrier MCP server on stdio (track_shipment, reschedule_delivery)',
  usage: 'mcp demo-carrier [--ledger <file.json>]',
  async run(context) {
    await serveCarrierOverStdio(stringFlag(context.args, 'ledger'));
  },
};
