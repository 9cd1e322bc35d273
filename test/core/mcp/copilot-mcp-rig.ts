import { createCopilot, createCopilotMcpPort, createCopilotPorts, type Copilot, type LlmSettings } from '../../../src-main/core/copilot/index';
import type { KnowledgeIndex } from '../../../src-main/core/knowledge/index';
import { createMemorySecretStore } from '../../../src-main/core/mcp/client/index';
import { startMcpService, type McpService } from '../../../src-main/core/mcp/mcp-service';
import type { CacheDatabase } from '../../../src-main/core/storage/index';

export interface McpCopilot {
  copilot: Copilot;
  mcp: McpService;
  close(): Promise<void>;
}

/**
 * The copilot graph with the demo carrier connected over stdio, as the demo workspace runs it:
 * checkpoints, MCP outbox and carrier ledger all in `dataDir`, so a second process picks up where one was killed.
 */
export async function openMcpCopilot(options: { dataDir: string; db: CacheDatabase; knowledge?: KnowledgeIndex; llm?: LlmSettings; deliverOnEnqueue?: boolean }): Promise<McpCopilot> {
  const mcp = startMcpService({ dataDir: options.dataDir, demoCarrier: 'stdio', secrets: createMemorySecretStore(), retryIntervalMs: 0 });
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
