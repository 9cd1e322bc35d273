import { createCopilot, createCopilotMcpPort, createCopilotPorts, type Copilot, type LlmSettings } from '../../../src-main/core/copilot/index';
import type { KnowledgeIndex } from '../../../src-main/core/knowledge/index';
import { createMemorySecretStore } from '../../../src-main/core/mcp/client/index';
import { startMcpService, type McpService } from '../../../src-main/core/mcp/mcp-service';
import { createOutboxDelivery } from '../../../src-main/core/outbox/delivery-loop';
import type { CacheDatabase } from '../../../src-main/core/storage/index';

export interface McpCopilot {
  copilot: Copilot;
  mcp: McpService;
  close(): Promise<void>;
}

/**
 * The copilot graph with the demo carrier connected over stdio, as the demo workspace runs it:
 * the checkpoints and the one outbox in the cache `db`, the carrier ledger in `dataDir`, so a second process picks up where one was killed.
 */
export async function openMcpCopilot(options: { dataDir: string; db: CacheDatabase; knowledge?: KnowledgeIndex; llm?: LlmSettings; deliverOnEnqueue?: boolean }): Promise<McpCopilot> {
  // As core.ts wires it: MCP actions join the one outbox of the cache the copilot records its decisions in.
  const { db } = options;
  const delivery = createOutboxDelivery({ store: { ...db.outbox, transaction: (work) => db.transaction(work) } });
  const mcp = startMcpService({ dataDir: options.dataDir, demoCarrier: 'stdio', secrets: createMemorySecretStore(), retryIntervalMs: 0, outbox: { store: db.outbox, delivery } });
  await mcp.ready;
  const { knowledge } = options;
  const ports = createCopilotPorts({ db: options.db, knowledge: async () => knowledge ?? Promise.reject(new Error('no knowledge index in this rig')) });
  const copilot = await createCopilot({
    dataDir: options.dataDir,
    ports: knowledge ? ports : { ...ports, searchKnowledge: async () => [] },
    ...(options.llm ? { llm: options.llm } : {}),
    mcp: createCopilotMcpPort(mcp, { deliverOnEnqueue: options.deliverOnEnqueue ?? true }),
  });
  return {
    copilot,
    mcp,
    async close() {
      await copilot.close();
      await mcp.close();
    },
  };
}
