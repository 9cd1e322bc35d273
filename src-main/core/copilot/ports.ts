import type { CrmActionKind } from '../outbox/model';
import type { MessageAnalysis } from '../language/index';
import type { Redactor } from '../language/redaction/redactor';
import type { KnowledgeHit, SearchOptions } from '../knowledge/types';
import type { IdentityLookup } from './case/identity';
import type { BaseCheckpointSaver } from '@langchain/langgraph-checkpoint';
import type { CustomerContext, Decision, Proposal } from './types';

/** An outbox action a tool sets off. */
export interface ToolAction {
  customerId: string;
  kind: OutboxKindForTool;
  payload: Record<string, unknown>;
  idempotencyKey: string;
}

/** An approved MCP tool call, queued in the one outbox (target `mcp`) with the decision that approved it. */
export interface McpToolAction {
  idempotencyKey: string;
  tool: string;
  args: Record<string, unknown>;
}

/** The agent's decision on a proposal as the store keeps it: the copilot takes the proposal's status from here. */
export interface RecordedDecision {
  conversationId: string;
  action: Decision['action'];
  status: 'executed' | 'rejected' | 'blocked';
  /** The proposal as it stands once decided. */
  proposal: Proposal;
}

/** What the graph needs from the rest of the core; adapters in adapters.ts bind the real modules. */
export interface CopilotPorts extends IdentityLookup {
  analyze(text: string, history: number[]): MessageAnalysis;
  searchKnowledge(query: string, options?: SearchOptions): Promise<KnowledgeHit[]>;
  /**
   * Every passage of one article, in its order. The search gives one passage per article; a draft about the
   * case's own article (a price list, troubleshooting steps) needs the others too.
   */
  articlePassages?(articleId: string): Promise<KnowledgeHit[]>;
  /** Finds the customer from what they said (email, username, order id, name) or from the conversation. */
  identifyCustomer(clues: { conversationId: string; texts: string[] }): CustomerContext | undefined;
  customerById(id: string): CustomerContext | undefined;
  createRedactor(knownNames: string[]): Redactor;
  /** Writes a side effect to the outbox; a repeated idempotency key is ignored, so it acts once. */
  enqueueAction(action: ToolAction): boolean;
  /**
   * Records a decision and queues its actions in one transaction (both or neither survive a crash).
   * The first decision on a proposal stands: a repeat returns false and queues nothing.
   */
  recordDecision(decision: RecordedDecision, actions?: ToolAction[], mcpActions?: McpToolAction[]): boolean;
  decisions(conversationId: string): RecordedDecision[];
  /** Where the copilot's threads are checkpointed; `legacyFile`, an earlier version's checkpoint file, is moved in first when it exists. */
  checkpointSaver(legacyFile: string): BaseCheckpointSaver;
  rememberFact(customerId: string, fact: string): void;
  /** Cents of refunds of this order already in the outbox (waiting or sent), from any conversation. */
  refundedCents(orderId: string): number;
}

/** The CRM actions a copilot tool may queue: the outbox's own list. */
export type OutboxKindForTool = CrmActionKind;
