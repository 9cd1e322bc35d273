import type { ServiceRegistry } from '../app/service-registry';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../log/logger';
import type { ProcessLaunchConsent } from './client/process-launch-consent';
import type { SecretStore } from './client/secret-store';
import { startMcpService, type McpService, type McpServiceOptions } from './mcp-service';

export interface CoreMcpOptions {
  dataDir: string;
  /** The demo workspace (no CRM configured) starts the demo carrier. */
  demo: boolean;
  host: 'electron' | 'web' | 'cli' | 'test';
  services: ServiceRegistry;
  events: EventBus;
  logger: Logger;
  secrets: SecretStore | undefined;
  /** The host's way to ask before a stdio MCP server starts a program; none means none starts. */
  launchConsent: ProcessLaunchConsent | undefined;
  /** The app's one outbox, which approved MCP actions join. */
  outbox: NonNullable<McpServiceOptions['outbox']>;
}

/** The MCP client as the core runs it: state reported to the status bar, changes pushed to the settings page. */
export function startCoreMcp(options: CoreMcpOptions): McpService {
  const { services, events, logger } = options;
  const service = startMcpService({
    dataDir: options.dataDir,
    // The packaged Electron binary cannot run as Node (its fuses say so): there the carrier runs in-process.
    demoCarrier: options.demo ? (options.host === 'electron' ? 'in-process' : 'stdio') : false,
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.launchConsent ? { launchConsent: options.launchConsent } : {}),
    outbox: options.outbox,
    onError: (message, error) => logger.warn(message, { error: error instanceof Error ? error.message : String(error) }),
  });
  let queued = false;
  service.hub.onChange(() => {
    // A connect changes the state several times in a tick: one event for all of them.
    if (queued) return;
    queued = true;
    setImmediate(() => {
      queued = false;
      const servers = service.hub.servers();
      events.emit('mcp.servers.changed', { servers });
      const failing = servers.filter((server) => server.enabled && server.state === 'error');
      if (failing.length > 0) services.set('mcp', 'error', `${failing.map((server) => server.name).join(', ')} not connected: see Settings → MCP servers`);
      else services.set('mcp', servers.some((server) => server.state === 'connecting') ? 'starting' : 'ready');
    });
  });
  service.outbox.onSettled((item) => {
    if (item.state !== 'delivered' && item.state !== 'dead') return;
    const [, conversationId, toolCallId] = /^copilot:(.+):([^:]+)$/.exec(item.idempotencyKey) ?? [];
    events.emit('mcp.action', { conversationId: conversationId ?? null, toolCallId: toolCallId ?? null, tool: item.tool, state: item.state, result: item.result, error: item.error });
  });
  return service;
}
