import { join } from 'node:path';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createMcpHub, type McpHub } from './client/mcp-hub';
import { attachMcpOutbox, type McpOutbox, type McpOutboxStore } from './client/mcp-outbox';
import { createOutboxDelivery, type OutboxDelivery } from '../outbox/delivery-loop';
import { openCacheDatabase } from '../storage/index';
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
  /**
   * The app's one outbox (the cache database's table and its delivery loop), which MCP actions join.
   * Without it (the CLI, tests) the service opens the data folder's cache database and runs the loop itself.
   */
  outbox?: { store: McpOutboxStore; delivery: OutboxDelivery };
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
  /** The one outbox lives in the cache database; `mcp-outbox.db`, from before, is imported from once (migration 006). */
  cache: join(dataDir, 'cache.db'),
  carrierLedger: join(dataDir, 'demo-carrier', 'reschedules.json'),
  launchApprovals: join(dataDir, 'mcp-launch-approvals.json'),
});

/** The data folder's cache database and a delivery loop of its own, for a service run without the app (the CLI, tests). */
function ownOutbox(file: string): { store: McpOutboxStore; delivery: OutboxDelivery; close(): Promise<void> } {
  const db = openCacheDatabase(file);
  const delivery = createOutboxDelivery({ store: { ...db.outbox, transaction: (work) => db.transaction(work) } });
  return {
    store: db.outbox,
    delivery,
    async close() {
      await delivery.stop();
      db.close();
    },
  };
}

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
  const own = options.outbox ? undefined : ownOutbox(paths.cache);
  const shared = options.outbox ?? own;
  if (!shared) throw new Error('No outbox to deliver MCP actions through.');
  const outbox = attachMcpOutbox({ store: shared.store, delivery: shared.delivery, hub });
  const report = (message: string) => (error: unknown) => options.onError?.(message, error);
  // Connecting never throws: a server that fails shows its error in the settings, the rest carry on.
  let closed = false;
  const started: Promise<void> = hub
    .start()
    .then(async () => {
      if (!closed) await outbox.deliverDue();
    })
    .catch(report('MCP servers could not start'));
  // A shared loop has its owner's timer; an own one gets its own.
  if (own && (options.retryIntervalMs ?? 5_000) > 0) shared.delivery.start(options.retryIntervalMs ?? 5_000);
  return {
    hub,
    outbox,
    ready: started,
    async close() {
      closed = true;
      // The hub first: a connect or a delivery waiting on a server ends now, and what was not sent stays pending.
      await hub.close();
      await started;
      outbox.close();
      if (own) await own.close();
      else await outbox.idle();
    },
  };
}
