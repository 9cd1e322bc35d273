import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { startDemoCrm } from '../crm/demo/index';
import { createHubSpotConnector } from '../crm/index';
import { loadDemoKnowledge, openKnowledgeIndex } from '../knowledge/index';
import { openCacheDatabase } from '../storage/index';
import { createOutboxWorker, createSyncEngine } from '../sync/index';
import { createCopilotPorts } from './adapters';
import { createCopilot, type TurnResult } from './copilot';
import type { LlmSettings } from './llm';
import { addScenarioCustomer, type AbcdScenario } from './replay-scenario';

const decisionSchema = z.object({
  tool: z.string().max(100),
  action: z.enum(['approve', 'reject', 'edit']),
  args: z.record(z.string(), z.unknown()).optional(),
  reason: z.string().max(2000).optional(),
});

const scenarioSchema = z
  .object({
    personal: z.object({ customer_name: z.string().max(200) }).passthrough(),
    order: z.object({}).passthrough(),
  })
  .passthrough();

const scriptSchema = z.union([
  z.object({ turns: z.array(z.union([z.object({ customer: z.string().max(20_000) }), z.object({ decision: decisionSchema })])).max(2000), date: z.string().max(40).optional() }),
  // An ABCD conversation: its customer turns are replayed in order, on its day.
  z
    .object({
      original: z.array(z.tuple([z.string(), z.string()])).max(2000),
      date: z.string().max(40).optional(),
      scenario: scenarioSchema.optional(),
    })
    .transform((value) => ({
      turns: value.original.filter(([speaker]) => speaker === 'customer').map(([, text]) => ({ customer: text })),
      abcd: true as const,
      date: value.date,
      scenario: value.scenario as AbcdScenario | undefined,
    })),
]);

export type ReplayScript = z.input<typeof scriptSchema>;

export interface ReplayAction {
  tool: string;
  args: Record<string, unknown>;
  policy: 'allowed' | 'blocked';
  status: string;
  sideEffect: boolean;
  flow: string[];
}

export interface ReplayTurnCase {
  request: string | null;
  subflow: string | null;
  act: string;
  identity: string;
  customer_id: string | null;
  steps_done: string[];
  step_next: string | null;
}

export interface ReplayOutput {
  customer: { id: string; email: string | null; name: string } | null;
  /** Where the replay's CRM got the customer from: the demo already holds the thread, or the scenario was added (with a decoy). */
  thread: 'demo' | 'scenario' | 'script';
  decoy_id: string | null;
  turns: {
    text: string;
    intent: string;
    sentiment: number;
    escalate: { yes: boolean; reasons: string[] };
    suggestions: { text: string; citations: string[]; move?: string; confidence: number }[];
    /** The proposals made (or decided) on this turn, not the ones of earlier turns again. */
    actions: ReplayAction[];
    case: ReplayTurnCase;
    ms: number;
  }[];
  side_effects: { tool: string; args: Record<string, unknown>; idempotency_key: string }[];
}

const outboxTool: Record<string, string> = { request_refund: 'request_refund', create_ticket: 'create_ticket', update_ticket: 'update_ticket', escalate: 'escalate_to_human', update_preferences: 'update_preferences', send_reply: 'send_reply' };

function actionView(action: TurnResult['actions'][number]): ReplayAction {
  return { tool: action.tool, args: action.args, policy: action.policy, status: action.status, sideEffect: action.sideEffect, flow: action.flow };
}

function turnView(result: TurnResult): ReplayOutput['turns'][number] {
  const caseState = result.caseState;
  return {
    text: result.text,
    intent: result.intent,
    sentiment: result.sentiment,
    escalate: { yes: result.escalate.yes, reasons: result.escalate.reasons },
    suggestions: result.suggestions.map((suggestion) => ({ text: suggestion.text, citations: suggestion.citations.map((citation) => citation.articleId), ...(suggestion.move ? { move: suggestion.move } : {}), confidence: suggestion.confidence })),
    actions: result.actions.filter((action) => action.turn === result.turn).map(actionView),
    case: {
      request: caseState.request?.label ?? null,
      subflow: caseState.request?.subflow ?? null,
      act: caseState.lastAct,
      identity: caseState.identity.status,
      customer_id: caseState.identity.customerId,
      steps_done: caseState.steps.filter((step) => step.status === 'done').map((step) => step.action),
      step_next: caseState.steps.find((step) => step.status === 'next')?.action ?? null,
    },
    ms: result.ms,
  };
}

/** The replay's clock: the conversation's day at noon UTC, so return windows count to it. */
function clockAt(date: string | undefined): (() => Date) | undefined {
  if (!date) return undefined;
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T12:00:00Z` : date);
  return Number.isFinite(at) ? () => new Date(at) : undefined;
}

/**
 * Runs a whole conversation through the graph on a fresh demo workspace (demo CRM, demo knowledge base).
 * An ABCD conversation the demo holds is replayed on its thread, linked to its contact; any other gets its
 * scenario's customer and order added to the CRM beside a decoy, on a thread linked to nobody.
 */
export async function replayConversation(input: unknown, options: { llm?: LlmSettings } = {}): Promise<ReplayOutput> {
  const script = scriptSchema.parse(input);
  const dir = mkdtempSync(join(tmpdir(), 'copilot-replay-'));
  const crm = await startDemoCrm({ seed: 1, contacts: 200 });
  const db = openCacheDatabase(join(dir, 'cache.db'));
  const knowledge = await openKnowledgeIndex({ dataDir: dir });
  try {
    // The demo portal is ours: its first user sends replies, and the app's properties may be created.
    const connector = createHubSpotConnector({ baseUrl: crm.url, token: 'replay', source: 'demo', senderUserId: () => 101, propertyConsent: () => true });
    const firstLine = script.turns.find((turn) => 'customer' in turn);
    const abcd = 'abcd' in script;
    // A conversation the demo CRM already holds is found by its first line, on its own thread.
    const heldThread = abcd && firstLine && 'customer' in firstLine ? crm.state.generator.abcd.findIndex((customer) => customer.turns.find((turn) => turn.speaker === 'customer')?.text === firstLine.customer) : -1;
    let decoyId: string | null = null;
    if (abcd && heldThread < 0 && script.scenario) decoyId = addScenarioCustomer(crm.state, script.scenario).decoyId;
    await createSyncEngine({ db, connector }).syncAll();
    await knowledge.indexArticles(await loadDemoKnowledge(), 'demo');
    const clock = clockAt(script.date);
    const copilot = await createCopilot({
      dataDir: dir,
      ports: createCopilotPorts({ db, knowledge: async () => knowledge }),
      ...(options.llm ? { llm: options.llm } : {}),
      ...(clock ? { clock } : {}),
    });
    const thread = heldThread >= 0 && firstLine && 'customer' in firstLine ? db.conversations.withIncomingText(firstLine.customer) : undefined;
    const conversationId = thread ?? 'replay';
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
      const decided = last.actions.find((action) => action.id === pending.id);
      if (latest && decided) latest.actions = [...latest.actions.filter((action) => !(action.tool === decided.tool && action.status === 'pending')), actionView(decided)];
    }
    await createOutboxWorker({ db, connector }).deliverDue();
    await copilot.close();
    return {
      customer: last?.customer ? { id: last.customer.id, email: last.customer.email, name: last.customer.name } : null,
      thread: !abcd ? 'script' : thread ? 'demo' : 'scenario',
      decoy_id: decoyId,
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
