import type Database from 'better-sqlite3';

export const outboxKinds = ['send_reply', 'request_refund', 'create_ticket', 'update_ticket', 'escalate', 'update_preferences', 'handoff_note', 'link_contact'] as const;
export type OutboxKind = (typeof outboxKinds)[number];
export type OutboxState = 'pending' | 'delivering' | 'delivered' | 'dead';

export interface OutboxItem {
  id: number;
  customerId: string;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  deliveredAt: string | null;
}

interface OutboxRow extends Omit<OutboxItem, 'payload'> {
  payload: string;
}

export interface OutboxRepository {
  /** Call inside the caller's transaction, together with the state change it belongs to. A repeated key is ignored. */
  enqueue(item: { customerId: string; kind: OutboxKind; payload: Record<string, unknown>; idempotencyKey: string }): boolean;
  list(options?: { states?: OutboxState[]; limit?: number }): OutboxItem[];
  /** The oldest due item of each customer: delivery stays in order per customer. */
  due(now: Date, limit: number): OutboxItem[];
  /** Set before the request leaves: an item found "delivering" after a crash is sent again under the same key. */
  markDelivering(id: number): void;
  markDelivered(id: number, result: unknown): void;
  markFailed(id: number, error: string, nextAttemptAt: Date, dead: boolean): void;
  /** A dead item starts over; a waiting one is due now. */
  retry(id: number): boolean;
  byKey(key: string): OutboxItem | undefined;
}

const columns = `id, customer_id AS customerId, kind, payload, idempotency_key AS idempotencyKey, state, attempts,
  last_error AS lastError, created_at AS createdAt, next_attempt_at AS nextAttemptAt, delivered_at AS deliveredAt`;

const parse = (row: OutboxRow): OutboxItem => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> });

export function createOutboxRepository(db: Database.Database): OutboxRepository {
  const insert = db.prepare(`INSERT INTO outbox (customer_id, kind, payload, idempotency_key, state, created_at, next_attempt_at)
    VALUES (?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT(idempotency_key) DO NOTHING`);
  const due = db.prepare<[string, number], OutboxRow>(`
    SELECT ${columns} FROM outbox o WHERE state IN ('pending', 'delivering') AND next_attempt_at <= ?
      AND id = (SELECT min(id) FROM outbox p WHERE p.customer_id = o.customer_id AND p.state IN ('pending', 'delivering'))
    ORDER BY id LIMIT ?`);
  const delivered = db.prepare(`UPDATE outbox SET state = 'delivered', delivered_at = ?, result = ?, attempts = attempts + 1 WHERE id = ?`);
  const failed = db.prepare(`UPDATE outbox SET state = ?, last_error = ?, next_attempt_at = ?, attempts = attempts + 1 WHERE id = ?`);
  const delivering = db.prepare(`UPDATE outbox SET state = 'delivering' WHERE id = ? AND state = 'pending'`);
  const retry = db.prepare(`UPDATE outbox SET attempts = CASE state WHEN 'dead' THEN 0 ELSE attempts END, state = 'pending', next_attempt_at = ?
    WHERE id = ? AND state IN ('dead', 'pending')`);
  const byKey = db.prepare<[string], OutboxRow>(`SELECT ${columns} FROM outbox WHERE idempotency_key = ?`);
  return {
    enqueue: ({ customerId, kind, payload, idempotencyKey }) => {
      const now = new Date().toISOString();
      return insert.run(customerId, kind, JSON.stringify(payload), idempotencyKey, now, now).changes > 0;
    },
    list: ({ states, limit = 200 } = {}) => {
      const wanted = states ?? ['pending', 'delivering', 'dead', 'delivered'];
      const rows = db
        .prepare<unknown[], OutboxRow>(`SELECT ${columns} FROM outbox WHERE state IN (${wanted.map(() => '?').join(',')}) ORDER BY id DESC LIMIT ?`)
        .all(...wanted, limit);
      return rows.map(parse);
    },
    due: (now, limit) => due.all(now.toISOString(), limit).map(parse),
    markDelivering: (id) => {
      delivering.run(id);
    },
    markDelivered: (id, result) => {
      delivered.run(new Date().toISOString(), JSON.stringify(result ?? null), id);
    },
    markFailed: (id, error, nextAttemptAt, dead) => {
      failed.run(dead ? 'dead' : 'pending', error.slice(0, 2000), nextAttemptAt.toISOString(), id);
    },
    retry: (id) => retry.run(new Date().toISOString(), id).changes > 0,
    byKey: (key) => {
      const row = byKey.get(key);
      return row ? parse(row) : undefined;
    },
  };
}
