import { join } from 'node:path';
import { createAppHandlers } from './app/handlers';
import type { Copilot } from './copilot/index';
import { createCopilotHandlers } from './copilot/handlers';
import { createLlmHandlers } from './copilot/llm-handlers';
import { createHostlessDesktopHandlers } from './desktop/handlers';
import { ServiceRegistry } from './app/service-registry';
import { parseCoreConfig, type CoreConfig, type CoreConfigInput } from './config';
import type { Handlers } from './contract/index';
import { EventBus } from './events/event-bus';
import { createInsightsHandlers } from './insights/handlers';
import { recordActivity } from './insights/record-activity';
import { createKnowledgeHandlers } from './knowledge/handlers';
import type { KnowledgeService } from './knowledge/knowledge-service';
import { createFileLogger, type Logger } from './log/logger';
import { createMcpHandlers } from './mcp/handlers';
import type { ProcessLaunchConsent } from './mcp/client/process-launch-consent';
import type { McpService } from './mcp/mcp-service';
import type { SecretStore } from './secrets/secret-store';
import { startCrmService, type CrmService } from './workspace/crm-service';
import { createCrmSettingsHandlers } from './workspace/crm-settings-handlers';
import { createWorkspaceHandlers } from './workspace/handlers';
import { createVisitorLinkHandlers } from './workspace/visitor-link';
import { preparePrivateDataDir } from './paths/private-data-dir';

export interface Core {
  readonly config: CoreConfig;
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly logger: Logger;
  /** Starts background work (demo CRM, sync, index prewarm) after the host has painted. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The composition root: wires storage, CRM sync, knowledge, language and copilot services
 * from one config object. It never imports electron, so the CLI, the tests and the web host run it in plain Node.
 */
export async function createCore(input: CoreConfigInput, options: { logger?: Logger; secrets?: SecretStore; launchConsent?: ProcessLaunchConsent } = {}): Promise<Core> {
  const config = parseCoreConfig(input);
  preparePrivateDataDir(config.dataDir);
  const events = new EventBus();
  const logger = options.logger ?? createFileLogger({ dir: join(config.dataDir, 'logs'), debug: config.debugLogging });
  const services = new ServiceRegistry(events);
  const startedAt = new Date();
  const disposers: (() => Promise<void> | void)[] = [];

  // Opened on first use or at start, whichever comes first, so a search never waits for start().
  // The knowledge index (LanceDB) and the copilot (LangGraph, the LLM client) are imported on first
  // use, so a host can show the cached workspace before those modules are read.
  let knowledge: Promise<KnowledgeService> | undefined;
  const knowledgeService = (): Promise<KnowledgeService> =>
    (knowledge ??= import('./knowledge/knowledge-service').then(({ startKnowledgeService }) => startKnowledgeService(config, services, logger)));
  const knowledgeIndex = async () => (await knowledgeService()).index();
  disposers.push(async () => (await knowledge)?.close());
  let crm: Promise<CrmService> | undefined;
  const crmService = (): Promise<CrmService> => (crm ??= startCrmService(config, services, events, logger));
  disposers.push(async () => (await crm)?.close());
  // MCP servers connect in the background; the demo workspace also starts the demo carrier. Tokens go
  // to the host's secret store when it gives one (the desktop keyring), else to a 0600 file in the data folder.
  let mcp: Promise<McpService> | undefined;
  const mcpService = (): Promise<McpService> =>
    // MCP actions join the one outbox in the cache database, delivered by the CRM service's loop.
    (mcp ??= Promise.all([import('./mcp/mcp-core'), crmService()]).then(([{ startCoreMcp }, crm]) =>
      startCoreMcp({
        dataDir: config.dataDir,
        demo: !config.crm,
        host: config.host,
        services,
        events,
        logger,
        secrets: options.secrets,
        launchConsent: options.launchConsent,
        outbox: { store: crm.db.outbox, delivery: crm.outbox },
      }),
    ));
  disposers.push(async () => (await mcp)?.close());
  let copilot: Promise<Copilot> | undefined;
  const copilotService = (): Promise<Copilot> =>
    (copilot ??= crmService().then(async (service) => {
      const { createCopilot, createCopilotMcpPort, createCopilotPorts } = await import('./copilot/index');
      // The copilot adapts the MCP client to its own port here, as it does storage and knowledge: neither imports the other.
      const mcpClient = await mcpService();
      const onDeliveryError = (error: unknown) => logger.warn('MCP delivery failed', { error: error instanceof Error ? error.message : String(error) });
      return createCopilot({
        dataDir: config.dataDir,
        ports: createCopilotPorts({ db: service.db, knowledge: knowledgeIndex }),
        ...(config.llm ? { llm: config.llm } : {}),
        onToken: (conversationId, suggestionIndex, token) => events.emit('copilot.token', { conversationId, suggestionIndex, token }),
        mcp: createCopilotMcpPort(mcpClient, { onDeliveryError }),
      });
    }));
  disposers.push(async () => (await copilot)?.close());

  const handlers: Handlers = recordActivity(
    {
      ...createAppHandlers(config, services, startedAt),
      ...createKnowledgeHandlers(knowledgeIndex),
      ...createWorkspaceHandlers(crmService, events),
      ...createCrmSettingsHandlers(crmService),
      ...createVisitorLinkHandlers(crmService),
      ...createCopilotHandlers(copilotService),
      ...createLlmHandlers(config),
      ...createHostlessDesktopHandlers(),
      ...createMcpHandlers(mcpService),
      ...createInsightsHandlers(crmService),
    },
    crmService,
    logger,
  );

  return {
    config,
    handlers,
    events,
    logger,
    async start() {
      services.set('core', 'ready');
      void knowledgeService();
      void mcpService().catch((error: unknown) => {
        logger.error('mcp client failed to start', { error: error instanceof Error ? error.message : String(error) });
        services.set('mcp', 'error', 'The MCP client could not start');
      });
      void crmService().catch((error: unknown) => {
        logger.error('crm service failed to start', { error: error instanceof Error ? error.message : String(error) });
        services.set('crm', 'error', 'The customer cache could not be opened');
      });
    },
    async dispose() {
      for (const dispose of disposers.reverse()) await dispose();
    },
  };
}
