import { Command } from '@langchain/langgraph';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CopilotTurnView } from '../contract/copilot';
import { CoreError } from '../contract/errors';
import { argsHash } from './case/args-hash';
import type { CaseCorrection, CaseState } from './case/case-types';
import { withCorrection } from './case/corrections';
import { derivedCaseState } from './nodes/update-case';
import type { Redactor } from '../language/redaction/redactor';
import type { NodeDeps } from './deps';
import { buildCopilotGraph } from './graph';
import { createChatModel, type LlmSettings } from './llm';
import type { CopilotMcpPort } from './mcp-port';
import type { CopilotPorts } from './ports';
import type { CopilotStateType } from './state';
import type { CustomerContext, Decision, Escalation, Proposal, Suggestion } from './types';

/** The turn as the window sees it, with main's own records of the suggestions and proposals and the customer's text. */
export interface TurnResult extends Omit<CopilotTurnView, 'escalate' | 'suggestions' | 'actions'> {
  text: string;
  /** The customer-line count so far: proposals made on this turn carry it as their `turn`. */
  turn: number;
  escalate: Escalation;
  suggestions: Suggestion[];
  actions: Proposal[];
}

export interface CopilotOptions {
  dataDir: string;
  ports: CopilotPorts;
  llm?: LlmSettings;
  /** Upper bound for one LLM request, in estimated tokens. */
  tokenBudget?: number;
  recursionLimit?: number;
  onToken?: (conversationId: string, suggestionIndex: number, token: string) => void;
  /** Tools of the MCP servers in the settings; they pass the same approval gate as the built-in ones. */
  mcp?: CopilotMcpPort;
  /** The clock for day-counting policies (return windows); the real clock unless a replay sets its conversation's date. */
  clock?: () => Date;
}

export interface Copilot {
  handleCustomerMessage(conversationId: string, text: string): Promise<TurnResult>;
  decide(conversationId: string, decision: Decision): Promise<TurnResult>;
  state(conversationId: string): Promise<TurnResult | undefined>;
  /** The agent's correction of the case (request, identity, a slot, a step, resolved); it wins and is kept. */
  correctCase(conversationId: string, correction: Omit<CaseCorrection, 'at'>): Promise<TurnResult>;
  close(): Promise<void>;
}

function view(state: CopilotStateType, ms: number, caseState: CaseState = state.caseState): TurnResult {
  const customer: CustomerContext | null = state.customer;
  const lastIntent = state.intents.at(-1);
  return {
    conversationId: state.conversationId,
    text: state.incoming,
    customer: customer ? { id: customer.id, email: customer.email, name: customer.name, identifiedBy: customer.identifiedBy } : null,
    intent: lastIntent?.intent ?? 'unknown',
    intentConfidence: lastIntent?.confidence ?? 0,
    sentiment: state.sentiments.at(-1) ?? 0,
    frustration: state.frustration,
    language: state.language,
    escalate: state.escalation,
    suggestions: state.suggestions,
    actions: state.proposals,
    summary: state.summary,
    timeline: state.intents.map((entry, index) => ({ turn: entry.turn, intent: entry.intent, sentiment: state.sentiments[index] ?? 0 })),
    llmError: state.llmError,
    ms: Number(ms.toFixed(2)),
    caseState,
    turn: state.turnCount,
  };
}

/**
 * How every turn and every resume runs. One checkpoint when a turn ends or pauses for approval, not one per step:
 * a crash mid-turn loses only that turn's suggestions, and what an approval acts on goes through the outbox under its
 * idempotency key, so nothing runs twice.
 */
export function copilotRunConfig(conversationId: string, recursionLimit = 40): { configurable: { thread_id: string }; recursionLimit: number; durability: 'exit' } {
  return { configurable: { thread_id: `conversation:${conversationId}` }, recursionLimit, durability: 'exit' };
}

/**
 * The copilot: one LangGraph thread per conversation, checkpointed in SQLite, so a conversation,
 * its suggestions and its pending approvals survive a restart. Calls on one conversation run one at a time.
 */
export async function createCopilot(options: CopilotOptions): Promise<Copilot> {
  mkdirSync(options.dataDir, { recursive: true });
  const checkpointer = SqliteSaver.fromConnString(join(options.dataDir, 'copilot-checkpoints.db'));
  const redactors = new Map<string, Redactor>();
  const deps: NodeDeps = {
    ports: options.ports,
    llm: options.llm ? createChatModel(options.llm) : undefined,
    tokenBudget: options.tokenBudget ?? 3000,
    now: options.clock ?? (() => new Date()),
    ...(options.onToken ? { onToken: options.onToken } : {}),
    ...(options.mcp ? { mcp: options.mcp } : {}),
    redactorFor(conversationId, customer) {
      let redactor = redactors.get(conversationId);
      if (!redactor) {
        redactor = options.ports.createRedactor([]);
        redactors.set(conversationId, redactor);
      }
      if (customer) redactor.addKnownNames([customer.name, ...customer.name.split(' ').filter((part) => part.length > 2), customer.username ?? ''].filter(Boolean));
      // The record's own contact details and order ids, as literals: detectors miss unusual spellings of them.
      if (customer) redactor.addKnownValues({ emails: [customer.email], phones: [customer.phone], addresses: [customer.address], orderIds: customer.orders.map((order) => order.id) });
      return redactor;
    },
  };
  const graph = buildCopilotGraph(deps, checkpointer);
  const queues = new Map<string, Promise<unknown>>();
  const config = (conversationId: string) => copilotRunConfig(conversationId, options.recursionLimit);

  function serial<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(conversationId) ?? Promise.resolve();
    const next = previous.then(work, work);
    queues.set(conversationId, next.catch(() => undefined));
    return next;
  }

  async function current(conversationId: string): Promise<CopilotStateType | undefined> {
    const snapshot = await graph.getState(config(conversationId));
    const values = snapshot.values as Partial<CopilotStateType>;
    return values.conversationId ? (values as CopilotStateType) : undefined;
  }

  return {
    handleCustomerMessage(conversationId, text) {
      return serial(conversationId, async () => {
        const start = performance.now();
        await graph.invoke({ conversationId, incoming: text }, config(conversationId));
        const state = await current(conversationId);
        if (!state) throw new Error('The copilot lost the conversation state.');
        return view(state, performance.now() - start);
      });
    },
    decide(conversationId, decision) {
      return serial(conversationId, async () => {
        const start = performance.now();
        const before = await current(conversationId);
        const proposal = before?.proposals.find((item) => item.id === decision.toolCallId);
        // The agent decides on the arguments they saw: if anything else changed them since, nothing is decided.
        if (proposal && decision.argsHash && decision.argsHash !== argsHash(proposal.args)) {
          throw new CoreError('CONFLICT', 'This proposal changed after you opened it.', 'Review its new arguments and decide again.');
        }
        // Deciding an already decided proposal (a double click, a replay after restart) changes nothing.
        if (before && proposal && proposal.status === 'pending') {
          const snapshot = await graph.getState(config(conversationId));
          const interrupted = snapshot.tasks.some((task) => task.interrupts.length > 0);
          if (interrupted) await graph.invoke(new Command({ resume: decision }), config(conversationId));
        }
        const state = await current(conversationId);
        if (!state) throw new Error('There is no copilot state for this conversation yet.');
        return view(state, performance.now() - start);
      });
    },
    async state(conversationId) {
      const state = await current(conversationId);
      // A conversation checkpointed before cases existed shows the case its lines make.
      return state ? view(state, 0, derivedCaseState(state, deps, Number.MAX_SAFE_INTEGER)) : undefined;
    },
    correctCase(conversationId, correction) {
      return serial(conversationId, async () => {
        const start = performance.now();
        const state = await current(conversationId);
        if (!state) throw new CoreError('NOT_FOUND', 'There is no copilot state for this conversation yet.', 'Wait for the first customer message.');
        const caseState = withCorrection(derivedCaseState(state, deps, Number.MAX_SAFE_INTEGER), { ...correction, at: deps.now().toISOString() }, {
          lookup: options.ports,
          doneTools: state.proposals.filter((item) => item.status === 'approved' || item.status === 'executed').map((item) => item.tool),
          orderKnown: (state.customer?.orders.length ?? 0) > 0,
        });
        const identity = caseState.identity;
        const customer = correction.field === 'identity' ? (identity.customerId ? (options.ports.customerById(identity.customerId) ?? null) : null) : state.customer;
        // Written as the last node before the gate: a pending approval is asked again, never lost.
        await graph.updateState(config(conversationId), { caseState, customer: customer ? { ...customer, identifiedBy: correction.field === 'identity' ? 'agent' : customer.identifiedBy } : null }, 'memoryUpdate');
        await graph.invoke(null, config(conversationId));
        const after = await current(conversationId);
        if (!after) throw new Error('The copilot lost the conversation state.');
        return view(after, performance.now() - start);
      });
    },
    async close() {
      await Promise.all(queues.values());
      const db = (checkpointer as unknown as { db?: { close(): void } }).db;
      db?.close();
    },
  };
}
