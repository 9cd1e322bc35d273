import { Annotation, BinaryOperatorAggregate } from '@langchain/langgraph';
import type { Entity } from '../language/index';
import { emptyCaseState, type CaseState } from './case/case-types';
import type { CustomerContext, Escalation, KnowledgeRef, Proposal, Suggestion, Turn } from './types';

/** Proposals merge by id, so a decision updates its proposal in place. */
function mergeProposals(current: Proposal[], update: Proposal[]): Proposal[] {
  const byId = new Map(current.map((proposal) => [proposal.id, proposal]));
  for (const proposal of update) byId.set(proposal.id, proposal);
  return [...byId.values()];
}

const replace = <T>(initial: () => T) => Annotation<T>({ reducer: (_current: T, update: T) => update, default: initial });
const append = <T>() => Annotation<T[]>({ reducer: (current: T[], update: T[]) => current.concat(update), default: () => [] });

/** One thread per conversation, checkpointed in SQLite: it survives a restart with its pending approvals. */
export const CopilotState = Annotation.Root({
  conversationId: replace<string>(() => ''),
  /** The customer message this run is about. */
  incoming: replace<string>(() => ''),
  turns: append<Turn>(),
  turnCount: replace<number>(() => 0),
  customer: replace<CustomerContext | null>(() => null),
  intents: append<{ intent: string; confidence: number; turn: number }>(),
  sentiments: append<number>(),
  frustration: replace<number>(() => 0),
  cues: replace<string[]>(() => []),
  language: replace<string>(() => 'en'),
  entities: replace<Entity[]>(() => []),
  /** The case being followed across turns; written only by `updateCase` (after `understand`), read by every later node. */
  caseState: replace<CaseState>(emptyCaseState),
  knowledge: replace<KnowledgeRef[]>(() => []),
  suggestions: replace<Suggestion[]>(() => []),
  proposals: Annotation<Proposal[]>({ reducer: mergeProposals, default: () => [] }),
  escalation: replace<Escalation>(() => ({ yes: false, reasons: [], handoffNote: null })),
  /** Rolling summary of turns that no longer fit the prompt, with the facts worth keeping. */
  summary: replace<string>(() => ''),
  facts: replace<string[]>(() => []),
  /** What the model must be told on its next call, e.g. why the agent rejected its proposal. */
  notesForModel: append<string>(),
  llmError: replace<string | null>(() => null),
});

export type CopilotStateType = typeof CopilotState.State;
export type CopilotStateUpdate = typeof CopilotState.Update;

/**
 * `state` after `update`, as the graph applies a node's update to its channels (keys outside the state are dropped, a
 * channel without a value takes the update as it is, the others go through their reducer): for steps that run one after
 * another inside one graph node. With `state` an earlier update, it gives the two updates as one.
 */
export function withUpdate<T extends CopilotStateUpdate>(state: T, update: CopilotStateUpdate): T {
  const next: Record<string, unknown> = { ...state };
  const channels = CopilotState.spec as Record<string, unknown>;
  for (const [key, value] of Object.entries(update) as [string, unknown][]) {
    const channel = channels[key];
    if (!channel) continue;
    const current = next[key];
    next[key] = current !== undefined && channel instanceof BinaryOperatorAggregate ? (channel.operator as (a: unknown, b: unknown) => unknown)(current, value) : value;
  }
  return next as T;
}
