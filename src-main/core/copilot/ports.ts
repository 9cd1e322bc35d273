import type { CrmActionKind } from '../outbox/model';
import type { MessageAnalysis } from '../language/index';
import type { Redactor } from '../language/redaction/redactor';
import type { KnowledgeHit, SearchOptions } from '../knowledge/types';
import type { IdentityLookup } from './case/identity';
import type { CustomerContext } from './types';

/** What the graph needs from the rest of the core; adapters in adapters.ts bind the real modules. */
export interface CopilotPorts extends IdentityLookup {
  analyze(text: string, history: number[]): MessageAnalysis;
  searchKnowledge(query: string, options?: SearchOptions): Promise<KnowledgeHit[]>;
  /** Finds the customer from what they said (email, username, order id, name) or from the conversation. */
  identifyCustomer(clues: { conversationId: string; texts: string[] }): CustomerContext | undefined;
  customerById(id: string): CustomerContext | undefined;
  createRedactor(knownNames: string[]): Redactor;
  /** Writes a side effect to the outbox; a repeated idempotency key is ignored, so it acts once. */
  enqueueAction(action: { customerId: string; kind: OutboxKindForTool; payload: Record<string, unknown>; idempotencyKey: string }): boolean;
  rememberFact(customerId: string, fact: string): void;
  /** Cents of refunds of this order already in the outbox (waiting or sent), from any conversation. */
  refundedCents(orderId: string): number;
}

/** The CRM actions a copilot tool may queue: the outbox's own list. */
export type OutboxKindForTool = CrmActionKind;
