import type { CacheDatabase } from './database';
import { crmActionKinds, type CrmActionKind } from '../outbox/model';

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
  if (!crmActionKinds.includes(action.kind)) throw new Error(`Unknown outbox action ${String(action.kind).slice(0, 40)}.`);
  if (!action.customerId || !action.idempotencyKey || action.idempotencyKey.length > 200) throw new Error('An outbox action needs a customer and an idempotency key of at most 200 characters.');
  if (JSON.stringify(action.payload).length > maxPayloadChars) throw new Error('The outbox action payload is too large.');
  return db.outbox.enqueue({ target: 'crm', customerId: action.customerId, kind: action.kind, payload: action.payload, idempotencyKey: action.idempotencyKey, dependsOn: action.dependsOn ?? null });
}
