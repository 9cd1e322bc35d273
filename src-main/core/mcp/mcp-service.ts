import { join } from 'node:path';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createMcpHub, type McpHub } from './client/mcp-hub';
import { openMcpOutbox, type McpOutbox } from './client/mcp-outbox';
import { createFileLaunchApprovals, type ProcessLaunchConsent } from './client/process-launch-consent';
import { createFileSecretStore, type SecretStore } from './client/secret-store';
import { createFileSettingsStore, type McpServerConfigInput } from './client/settings';
import { createCarrierMcpServer } from './demo-carrier/carrier-server';
import { createRescheduleLedger } from './demo-carrier/reschedule-ledger';
import { demoCarrierId, demoCarrierServerConfig } from './demo-carrier/server-config';

export interface McpServiceOptions {
  dataDir: string;
  /** The host's secret store (the OS keyring in the desktop app); without one, a 0600 file in the data folder. */
  secrets?: SecretStore;
  /**
   * Start the demo carrier with the other servers: the demo workspace does, so MCP shows with nothing
   * configured. `stdio` runs it as a child process of this Node; `in-process` serves it over an
   * in-memory transport, for the packaged desktop app, whose Electron binary refuses to run as Node.
   */
  demoCarrier?: 'stdio' | 'in-process' | false;
  /**
   * Asked before a stdio server from the settings starts a program: a native dialog, the terminal or the web
   * host's start-up flag. Without it no such server starts (the demo carrier, the host's own, still does).
   */
  launchConsent?: ProcessLaunchConsent;
  /** How often the outbox retries what could not be delivered; 0 leaves retries to explicit deliverDue calls. */
  retryIntervalMs?: number;
  onError?: (message: string, error: unknown) => void;
}

export interface McpService {
  hub: McpHub;
  /** The copilot reaches both through its own adapter (copilot/adapters.ts), wired in core.ts. */
  outbox: McpOutbox;
  /** Resolves once every server has connected or failed and the outbox has sent what was due. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Where the MCP client keeps its state in the data folder. */
export const mcpPaths = (dataDir: string) => ({
  settings: join(dataDir, 'mcp-servers.json'),
  secrets: join(dataDir, 'secrets', 'mcp-tokens.json'),
  outbox: join(dataDir, 'mcp-outbox.db'),
  carrierLedger: join(dataDir, 'demo-carrier', 'reschedules.json'),
  launchApprovals: join(dataDir, 'mcp-launch-approvals.json'),
});

/**
 * The MCP client side of the core: the servers from the settings (plus the demo carrier in the
 * demo workspace), connected in the background; approved side effects in a durable outbox that
 * retries with the same idempotency key after a crash or an outage.
 */
export function startMcpService(options: McpServiceOptions): McpService {
  const paths = mcpPaths(options.dataDir);
  const builtIn: McpServerConfigInput[] = options.demoCarrier ? [demoCarrierServerConfig(paths.carrierLedger)] : [];
  const ledger = options.demoCarrier === 'in-process' ? createRescheduleLedger(paths.carrierLedger) : undefined;
  const hub = createMcpHub({
    settings: createFileSettingsStore(paths.settings),
    secrets: options.secrets ?? createFileSecretStore(paths.secrets),
    builtIn,
    ...(options.launchConsent ? { launchConsent: options.launchConsent } : {}),
    launchApprovals: createFileLaunchApprovals(paths.launchApprovals),
    createTransport(config) {
      if (!ledger || config.id !== demoCarrierId) return undefined;
      // One McpServer per connection: the SDK binds a server to a single transport.
      const [client, server] = InMemoryTransport.createLinkedPair();
      void createCarrierMcpServer(ledger).connect(server);
      return client;
    },
  });
  const outbox = openMcpOutbox(paths.outbox, hub);
  const report = (message: string) => (error: unknown) => options.onError?.(message, error);
  // Connecting never throws: a server that fails shows its error in the settings, the rest carry on.
  let closed = false;
  const started: Promise<void> = hub
    .start()
    .then(async () => {
      if (!closed) await outbox.deliverDue();
    })
    .catch(report('MCP servers could not start'));
  if ((options.retryIntervalMs ?? 5_000) > 0) outbox.start(options.retryIntervalMs ?? 5_000);
  return {
    hub,
    outbox,
    ready: started,
    async close() {
      closed = true;
      // The hub first: a connect or a delivery waiting on a server ends now, and what was not sent stays pending.
      await hub.close();
      await started;
      await outbox.idle();
      outbox.close();
    },
  };
}
