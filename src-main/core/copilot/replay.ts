import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { startDemoCrm } from '../crm/demo/index';
import { createHubSpotConnector } from '../crm/index';
import { demoKnowledgeDir, loadArticlesFromDir, openKnowledgeIndex } from '../knowledge/index';
import { openCacheDatabase } from '../storage/index';
import { createOutboxWorker, createSyncEngine } from '../sync/index';
import { createCopilotPorts } from './adapters';
import { createCopilot, type TurnResult } from './copilot';
import type { LlmSettings } from './llm';

const decisionSchema = z.object({
  tool: z.string().max(100),
  action: z.enum(['approve', 'reject', 'edit']),
  args: z.record(z.string(), z.unknown()).optional(),
  reason: z.string().max(2000).optional(),
});

const scriptSchema = z.union([
  z.object({ turns: z.array(z.union([z.object({ customer: z.string().max(20_000) }), z.object({ decision: decisionSchema })])).max(2000) }),
  // An ABCD conversation: its customer turns are replayed in order.
  z.object({ original: z.array(z.tuple([z.string(), z.string()])).max(2000) }).transform((value) => ({
    turns: value.original.filter(([speaker]) => speaker === 'customer').map(([, text]) => ({ customer: text })),
    abcd: true as const,
  })),
]);

export type ReplayScript = z.input<typeof scriptSchema>;

export interface ReplayOutput {
  customer: { id: string; email: string | null } | null;
  turns: {
    text: string;
    intent: string;
    sentiment: number;
    escalate: { yes: boolean; reasons: string[] };
    suggestions: { text: string; citations: string[]; move?: string; confidence: number }[];
    actions: { tool: string; args: Record<string, unknown>; policy: 'allowed' | 'blocked'; status: string; flow: string[] }[];
    ms: number;
  }[];
  side_effects: { tool: string; args: Record<string, unknown>; idempotency_key: string }[];
}

const outboxTool: Record<string, string> = { request_refund: 'request_refund', create_ticket: 'create_ticket', update_ticket: 'update_ticket', escalate: 'escalate_to_human', update_preferences: 'update_preferences', send_reply: 'send_reply' };

function turnView(result: TurnResult): ReplayOutput['turns'][number] {
  return {
    text: result.text,
    intent: result.intent,
    sentiment: result.sentiment,
    escalate: { yes: result.escalate.yes, reasons: result.escalate.reasons },
    suggestions: result.suggestions.map((suggestion) => ({ text: suggestion.text, citations: suggestion.citations.map((citation) => citation.articleId), ...(suggestion.move ? { move: suggestion.move } : {}), confidence: suggestion.confidence })),
    actions: result.actions.map((action) => ({ tool: action.tool, args: action.args, policy: action.policy, status: action.status, flow: action.flow })),
    ms: result.ms,
  };
}

/** Runs a whole conversation through the graph on a fresh demo workspace (demo CRM, demo knowledge base). */
export async function replayConversation(input: unknown, options: { llm?: LlmSettings } = {}): Promise<ReplayOutput> {
  const script = scriptSchema.parse(input);
  const dir = mkdtempSync(join(tmpdir(), 'copilot-replay-'));
  const crm = await startDemoCrm({ seed: 1, contacts: 200 });
  const db = openCacheDatabase(join(dir, 'cache.db'));
  const knowledge = await openKnowledgeIndex({ dataDir: dir });
  try {
    const connector = createHubSpotConnector({ baseUrl: crm.url, token: 'replay', source: 'demo' });
    await createSyncEngine({ db, connector }).syncAll();
    await knowledge.indexArticles(await loadArticlesFromDir(demoKnowledgeDir(), 'demo'), 'demo');
    const copilot = await createCopilot({ dataDir: dir, ports: createCopilotPorts({ db, knowledge: async () => knowledge }), ...(options.llm ? { llm: options.llm } : {}) });
    // An ABCD conversation is one the demo CRM holds: replay it on that thread, as the agent would see it.
    const firstLine = script.turns.find((turn) => 'customer' in turn);
    const thread =
      'abcd' in script && firstLine && 'customer' in firstLine
        ? (db.db.prepare("SELECT conversation_id AS id FROM messages WHERE direction = 'incoming' AND text = ? LIMIT 1").get(firstLine.customer) as { id: string } | undefined)
        : undefined;
    const conversationId = thread?.id ?? 'replay';
    const turns: ReplayOutput['turns'] = [];
    let last: TurnResult | undefined;
    for (const turn of script.turns) {
      if ('customer' in turn) {
        last = await copilot.handleCustomerMessage(conversationId, turn.customer);
        turns.push(turnView(last));
        continue;
      }
      const pending = [...(last?.actions ?? [])].reverse().find((action) => action.tool === turn.decision.tool && action.status === 'pending');
      if (!pending) continue;
      last = await copilot.decide(conversationId, {
        toolCallId: pending.id,
        action: turn.decision.action,
        ...(turn.decision.args ? { args: turn.decision.args } : {}),
        ...(turn.decision.reason ? { reason: turn.decision.reason } : {}),
      });
      const latest = turns.at(-1);
      if (latest) latest.actions = turnView(last).actions;
    }
    await createOutboxWorker({ db, connector }).deliverDue();
    await copilot.close();
    return {
      customer: last?.customer ? { id: last.customer.id, email: last.customer.email } : null,
      turns,
      side_effects: db.outbox
        .list({ limit: 1000 })
        .reverse()
        .map((item) => ({ tool: outboxTool[item.kind] ?? item.kind, args: item.payload, idempotency_key: item.idempotencyKey })),
    };
  } finally {
    await knowledge.close();
    db.close();
    await crm.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
