import type { McpServerConfigInput } from '../client/settings';
import { carrierEntry } from './main';

export const demoCarrierId = 'carrier';

/**
 * How the demo workspace launches the carrier: this Node (or Electron run as Node) on the light
 * entry point, with its ledger in the data folder so reschedules survive a restart.
 */
export function demoCarrierServerConfig(ledgerFile: string): McpServerConfigInput {
  const fromSources = carrierEntry.endsWith('.ts');
  return {
    id: demoCarrierId,
    name: 'Parcelo carrier (demo)',
    trustedForReads: true,
    transport: {
      type: 'stdio',
      command: process.execPath,
      args: [...(fromSources ? ['--import', 'tsx'] : []), carrierEntry, '--ledger', ledgerFile],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    },
    timeoutMs: 30_000,
  };
}
