import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { McpServerConfigInput } from '../client/settings';

export const demoCarrierId = 'carrier';

/**
 * The carrier's light entry point. From the sources it is main.ts beside this file; in a bundle
 * (electron-vite) this code sits in the main bundle, and the entry is its own output file,
 * `demo-carrier.js`, beside it. Never this module's own file: that would start the whole app.
 */
export function carrierEntryPath(): string {
  const here = import.meta.url;
  return here.endsWith('.ts') ? fileURLToPath(new URL('./main.ts', here)) : fileURLToPath(new URL('./demo-carrier.js', here));
}

/**
 * How the demo workspace launches the carrier: this Node (or Electron run as Node) on the light
 * entry point, with its ledger in the data folder so reschedules survive a restart.
 */
export function demoCarrierServerConfig(ledgerFile: string): McpServerConfigInput {
  const entry = carrierEntryPath();
  const fromSources = entry.endsWith('.ts');
  return {
    id: demoCarrierId,
    name: 'Parcelo carrier (demo)',
    trustedForReads: true,
    transport: {
      type: 'stdio',
      command: process.execPath,
      args: [...(fromSources ? ['--import', 'tsx'] : []), entry, '--ledger', ledgerFile],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    },
    timeoutMs: 30_000,
  };
}

/** Whether this build ships the carrier's entry point (a bundle built without it shows the server as unavailable). */
export const carrierEntryExists = (): boolean => existsSync(carrierEntryPath());
