import { Command } from '@langchain/langgraph';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CopilotTurnView } from '../contract/copilot';
import { CoreError } from '../contract/errors';
import { argsHash } from './case/args-hash';
import type { CaseCorrection, CaseState } from './case/case-types';
import { withCorrection } from './case/corrections';
import { isPreCaseState, recheckRestoredProposals } from './case/restored-proposals';
import { derivedCaseState } from './nodes/update-case';
import type { Redactor } from '../language/redaction/redactor';
import type { NodeDeps } from './deps';
import { caseForDrafts } from './drafting/case-view';
import { outcomeSuggestion } from './drafting/compose';
import { conversationLanguage } from './drafting/signals';
import { answerOffline, type CopilotAnswer } from './drafting/ask';
import { groundedAnswer } from './drafting/ask-llm';
import { summarizeCase, summaryText } from './drafting/summary';
import { buildCopilotGraph } from './graph';
import { createChatModel, type LlmSettings } from './llm';
import type { CopilotMcpPort } from './mcp-port';
import type { CopilotPorts } from './ports';
import { staleInCheckpoint, withRecordedDecisions } from './recorded-decisions';
import type { CopilotStateType } from './state';
import { isToolName } from './tools/catalog';
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
  /** Answers the agent's question about the conversation (when given) or the policies, with sources. */
  ask(conversationId: string | undefined, question: string): Promise<CopilotAnswer>;
  /** The agent's correction of the case (request, identity, a slot, a step, resolved); it wins and is kept. */
  correctCase(conversationId: string, correction: Omit<CaseCorrection, 'at'>): Promise<TurnResult>;
  close(): Promise<void>;
}

/** After an approval the drafts lead with the reply that tells the customer what was done. */
function withOutcome(state: CopilotStateType, caseState: CaseState): Suggestion[] {
  const outcome = outcomeSuggestion({ caseState, customer: state.customer, knowledge: state.knowledge, proposals: state.proposals, turns: state.turns }, state.turnCount);
  if (!outcome || state.suggestions.some((suggestion) => suggestion.text === outcome.text)) return state.suggestions;
  return [outcome, ...state.suggestions.filter((suggestion) => suggestion.move !== 'confirm')].slice(0, 3);
}

function view(state: CopilotStateType, ms: number, caseState: CaseState = state.caseState): TurnResult {
  const customer: CustomerContext | null = state.customer;
  const lastIntent = state.intents.at(-1);
  const draftCase = caseForDrafts({ ...state, caseState });
  const language = conversationLanguage(state.turns.filter((turn) => turn.role === 'customer').map((turn) => turn.text), draftCase.language);
  return {
    conversationId: state.conversationId,
    text: state.incoming,
    customer: customer ? { id: customer.id, email: customer.email, name: customer.name, identifiedBy: customer.identifiedBy } : null,
    intent: lastIntent?.intent ?? 'unknown',
    intentConfidence: lastIntent?.confidence ?? 0,
    sentiment: state.sentiments.at(-1) ?? 0,
    frustration: state.frustration,
    language,
    escalate: state.escalation,
    suggestions: withOutcome(state, draftCase),
    actions: state.proposals,
    // The case's summary, made fresh from the state, so it shows an approval the moment it is made.
    summary: summaryText(summarizeCase({ caseState: draftCase, customer, proposals: state.proposals, turns: state.turns, language })),
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
 * The copilot: one LangGraph thread per conversation, checkpointed in the cache, so a conversation,
 * its suggestions and its pending approvals survive a restart. Calls on one conversation run one at a time.
 * A proposal's decision is the store's record of it (ports.decisions), not the checkpoint's copy.
 */
export async function createCopilot(options: CopilotOptions): Promise<Copilot> {
  mkdirSync(options.dataDir, { recursive: true });
  // Earlier versions kept the threads in a file of their own: it is moved into the cache once, and kept as .migrated.
  const checkpointer = options.ports.checkpointSaver(join(options.dataDir, 'copilot-checkpoints.db'));
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
      // The record's own contact details, order ids and contact id, as literals: detectors miss unusual spellings
      // of them, and the ids leave as placeholders the model can use in tool calls.
      if (customer) redactor.addKnownValues({ emails: [customer.email], phones: [customer.phone], addresses: [customer.address], orderIds: customer.orders.map((order) => order.id), contactIds: [customer.id] });
      return redactor;
    },
  };
  const graph = buildCopilotGraph(deps, checkpointer);
  const queues = new Map<string, Promise<unknown>>();
  const config = (conversationId: string) => copilotRunConfig(conversationId, options.recursionLimit);

  /** Conversations whose checkpoint agrees with the recorded decisions since this copilot started. */
  const reconciled = new Set<string>();

  /**
   * Writes the recorded decisions the checkpoint missed (a crash, or a failed turn, after the decision committed) back
   * into the thread, as executeActions would have, and lets the gate ask again for what is still pending.
   */
  async function reconcile(conversationId: string): Promise<void> {
    if (reconciled.has(conversationId)) return;
    const recorded = options.ports.decisions(conversationId);
    if (recorded.length > 0) {
      const values = (await graph.getState(config(conversationId))).values as Partial<CopilotStateType>;
      const stale = staleInCheckpoint(values.proposals ?? [], recorded);
      if (stale.length > 0) {
        await graph.updateState(config(conversationId), { proposals: stale }, 'executeActions');
        await graph.invoke(null, config(conversationId));
      }
    }
    await upgradePreCase(conversationId);
    reconciled.add(conversationId);
  }

  /** The pending proposals of a conversation checkpointed before cases existed, re-checked by the current policy on the case its lines make. */
  function restoredRecheck(state: CopilotStateType, caseState: CaseState): Proposal[] {
    return recheckRestoredProposals({ caseState, customer: state.customer ?? undefined, now: deps.now(), proposals: state.proposals, refundedCents: (orderId) => options.ports.refundedCents(orderId) }, isToolName);
  }

  /**
   * Upgrades a conversation checkpointed before cases existed, once: its case is derived from its lines, and a
   * pending proposal the current policy refuses is withdrawn with why (the others join the case).
   */
  async function upgradePreCase(conversationId: string): Promise<void> {
    const state = await current(conversationId);
    if (!state || !isPreCaseState(state)) return;
    const caseState = derivedCaseState(state, deps, Number.MAX_SAFE_INTEGER);
    // Written as the last node before the gate, as a correction is: what is still pending is asked again.
    await graph.updateState(config(conversationId), { caseState, proposals: restoredRecheck(state, caseState) }, 'memoryUpdate');
    await graph.invoke(null, config(conversationId));
  }

  function serial<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(conversationId) ?? Promise.resolve();
    const run = async () => {
      try {
        await reconcile(conversationId);
        return await work();
      } catch (error) {
        // A failed call may have recorded a decision its checkpoint lacks: the next call looks again.
        reconciled.delete(conversationId);
        throw error;
      }
    };
    const next = previous.then(run, run);
    queues.set(conversationId, next.catch(() => undefined));
    return next;
  }

  async function current(conversationId: string): Promise<CopilotStateType | undefined> {
    const snapshot = await graph.getState(config(conversationId));
    const values = snapshot.values as Partial<CopilotStateType>;
    if (!values.conversationId) return undefined;
    const state = values as CopilotStateType;
    return { ...state, proposals: withRecordedDecisions(state.proposals, options.ports.decisions(conversationId)) };
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
      if (!state) return undefined;
      // A conversation checkpointed before cases existed shows the case its lines make, and its proposals as the upgrade will leave them.
      const caseState = derivedCaseState(state, deps, Number.MAX_SAFE_INTEGER);
      if (!isPreCaseState(state)) return view(state, 0, caseState);
      const rechecked = restoredRecheck(state, caseState);
      return view({ ...state, proposals: state.proposals.map((item) => rechecked.find((changed) => changed.id === item.id) ?? item) }, 0, caseState);
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
    async ask(conversationId, question) {
      const state = conversationId ? await current(conversationId) : undefined;
      const summary = state ? summarizeCase({ caseState: caseForDrafts(state), customer: state.customer, proposals: state.proposals, turns: state.turns, language: state.language }) : null;
      let hits: Awaited<ReturnType<CopilotPorts['searchKnowledge']>> = [];
      try {
        hits = await options.ports.searchKnowledge(question, { mode: 'hybrid', limit: 4 });
      } catch {
        hits = [];
      }
      const offline = answerOffline(question, summary, hits);
      if (!deps.llm) return offline;
      return groundedAnswer(deps.llm, deps.redactorFor(conversationId ?? 'ask', state?.customer ?? null), question, summary, hits, offline);
    },
    async close() {
      // The checkpoints' connection is the cache's: it closes with the cache.
      await Promise.all(queues.values());
    },
  };
}
