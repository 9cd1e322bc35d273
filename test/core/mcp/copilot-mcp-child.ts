// One step of an MCP-enabled copilot in its own process, so a test can SIGKILL it between approval and delivery:
//   node --import tsx test/core/mcp/copilot-mcp-child.ts <mode> <data-dir> <cache.db> <llm-url> <conversation> <tool-call-id>
// approve: approves, prints APPROVED, then waits to be killed
// (with --no-deliver it never sends). resume: lets the outbox send what is due, approves again, prints the outbox.
import { openCacheDatabase } from '../../../src-main/core/storage/index';
import { openMcpCopilot } from './copilot-mcp-rig';

const [mode, dataDir, cacheFile, llmUrl, conversationId, last] = process.argv.slice(2);
if (!mode || !dataDir || !cacheFile || !llmUrl || !conversationId || !last) throw new Error('usage: <mode> <data-dir> <cache.db> <llm-url> <conversation> <tool-call-id>');
const db = openCacheDatabase(cacheFile);
const rig = await openMcpCopilot({
  dataDir,
  db,
  llm: { baseUrl: llmUrl, model: 'scripted', apiKey: 'sk-test', timeoutMs: 10_000, maxRetries: 0 },
  deliverOnEnqueue: !process.argv.includes('--no-deliver'),
});
const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);

if (mode === 'approve') {
  await rig.copilot.decide(conversationId, { toolCallId: last, action: 'approve' });
  process.stdout.write('APPROVED\n');
  // The parent kills this process now: whatever was not sent yet must survive in the outbox.
  await new Promise(() => undefined);
} else if (mode === 'resume') {
  await rig.mcp.outbox.deliverDue();
  // A second approval of the same proposal after the restart (a double click, a replayed request).
  await rig.copilot.decide(conversationId, { toolCallId: last, action: 'approve' });
  await rig.mcp.outbox.deliverDue();
  print({ outbox: rig.mcp.outbox.list(), state: (await rig.copilot.state(conversationId))?.actions.find((action) => action.id === last) });
}
await rig.close();
db.close();
