import type { CacheDatabase } from './database';
import type { ApprovalRecord } from './repositories/approvals';
import { crmActionKinds, mcpToolKind, type CrmActionKind } from '../outbox/model';

/** An approved call of an MCP server's tool, for the one outbox's `mcp` target. */
export interface McpOutboxAction {
  idempotencyKey: string;
  tool: string;
  args: Record<string, unknown>;
}

export interface OutboxAction {
  customerId: string;
  kind: CrmActionKind;
  payload: Record<string, unknown>;
  /** Stable for one approved action: the same key enqueues once and the CRM acts once. */
  idempotencyKey: string;
  /** The key of an action this one needs delivered first (an update of a ticket still being created). */
  dependsOn?: string;
}

const maxPayloadChars = 100_000;

/**
 * Queues a side effect for the CRM. Call it inside the transaction that records the decision
 * (an approval, a sent reply) so both commit or neither does; delivery happens later, online or not.
 * Returns false when the key was already queued.
 */
export function enqueueAction(db: CacheDatabase, action: OutboxAction): boolean {
  checkAction(action);
  return db.outbox.enqueue(outboxRow(action));
}

function checkAction(action: OutboxAction): void {
  if (!crmActionKinds.includes(action.kind)) throw new Error(`Unknown outbox action ${String(action.kind).slice(0, 40)}.`);
  if (!action.customerId || !action.idempotencyKey || action.idempotencyKey.length > 200) throw new Error('An outbox action needs a customer and an idempotency key of at most 200 characters.');
  if (JSON.stringify(action.payload).length > maxPayloadChars) throw new Error('The outbox action payload is too large.');
}

function outboxRow(action: OutboxAction) {
  return { target: 'crm' as const, customerId: action.customerId, kind: action.kind, payload: action.payload, idempotencyKey: action.idempotencyKey, dependsOn: action.dependsOn ?? null };
}

/**
 * Records the agent's decision on a proposal and queues what it sets off, in one transaction: after a crash the
 * decision and its outbox rows are both there or both absent, so the copilot (which reads a proposal's status from
 * `approvals`) never shows a queued action as pending, nor a pending one as done. A rejection queues nothing.
 * The first decision on a proposal stands: a repeat returns false and queues nothing more.
 */
export function recordApproval(db: CacheDatabase, approval: ApprovalRecord, actions: OutboxAction[] = [], mcpActions: McpOutboxAction[] = []): boolean {
  for (const action of actions) checkAction(action);
  return db.transaction(() => {
    if (!db.approvals.record(approval)) return false;
    for (const action of actions) db.outbox.enqueue(outboxRow(action));
    for (const { idempotencyKey, tool, args } of mcpActions) db.outbox.enqueue({ target: 'mcp', kind: mcpToolKind, customerId: '', tool, payload: args, idempotencyKey });
    return true;
  });
}
