import type Database from 'better-sqlite3';
import type { OutboxStore } from '../../outbox/delivery-loop';
import { laneOf, type NewOutboxItem, type OutboxItem, type OutboxState, type OutboxTarget } from '../../outbox/model';

export { outboxKinds, type OutboxItem, type OutboxKind, type OutboxState } from '../../outbox/model';

interface OutboxRow extends Omit<OutboxItem, 'payload'> {
  payload: string;
}

export interface OutboxRepository extends Omit<OutboxStore, 'transaction'> {
  /** Call inside the caller's transaction, together with the state change it belongs to. A repeated key is ignored. */
  enqueue(item: NewOutboxItem): boolean;
  list(options?: { states?: OutboxState[]; targets?: OutboxTarget[]; limit?: number }): OutboxItem[];
  /** A dead item starts over; a waiting one is due now. */
  retry(id: number): boolean;
  /** The agent drops a dead item: it is never sent, and what waited for it (its dependants) is dead too, saying why. */
  discard(id: number): boolean;
  byKey(key: string): OutboxItem | undefined;
}

const columns = `id, target, kind, customer_id AS customerId, tool, payload, idempotency_key AS idempotencyKey, lane, depends_on AS dependsOn,
  state, attempts, last_error AS lastError, dead_reason AS deadReason, created_at AS createdAt, next_attempt_at AS nextAttemptAt,
  delivered_at AS deliveredAt, result`;

const parse = (row: OutboxRow): OutboxItem => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> });

export function createOutboxRepository(db: Database.Database): OutboxRepository {
  const insert = db.prepare(`INSERT INTO outbox (target, kind, customer_id, tool, payload, idempotency_key, lane, depends_on, state, created_at, next_attempt_at)
    VALUES (@target, @kind, @customerId, @tool, @payload, @idempotencyKey, @lane, @dependsOn, 'pending', @now, @now) ON CONFLICT(idempotency_key) DO NOTHING`);
  // Due: its next try has come, nothing queued before it in its lane is unsettled, and what it depends on was delivered.
  const dueSql = (targets: number): string => `
    SELECT ${columns} FROM outbox o WHERE o.state IN ('pending', 'delivering') AND o.next_attempt_at <= ? AND o.target IN (${marks(targets)})
      AND (o.lane IS NULL OR NOT EXISTS (SELECT 1 FROM outbox p WHERE p.lane = o.lane AND p.id < o.id AND p.state IN ('pending', 'delivering', 'dead')))
      AND (o.depends_on IS NULL OR EXISTS (SELECT 1 FROM outbox d WHERE d.idempotency_key = o.depends_on AND d.state = 'delivered'))
    ORDER BY o.id LIMIT ?`;
  const dueByTargets = new Map<number, Database.Statement<unknown[], OutboxRow>>();
  const marks = (count: number) => Array.from({ length: count }, () => '?').join(',');
  const delivered = db.prepare(`UPDATE outbox SET state = 'delivered', delivered_at = ?, result = ?, attempts = attempts + 1, dead_reason = NULL WHERE id = ?`);
  const retryLater = db.prepare(`UPDATE outbox SET state = 'pending', last_error = ?, next_attempt_at = ?, attempts = attempts + 1 WHERE id = ?`);
  const dead = db.prepare(`UPDATE outbox SET state = 'dead', dead_reason = ?, last_error = coalesce(last_error, ?), attempts = attempts + 1 WHERE id = ?`);
  const delivering = db.prepare(`UPDATE outbox SET state = 'delivering' WHERE id = ? AND state = 'pending'`);
  const retry = db.prepare(`UPDATE outbox SET attempts = CASE state WHEN 'dead' THEN 0 ELSE attempts END, state = 'pending', dead_reason = NULL, next_attempt_at = ?
    WHERE id = ? AND state IN ('dead', 'pending')`);
  const discard = db.prepare(`UPDATE outbox SET state = 'discarded', next_attempt_at = ? WHERE id = ? AND state = 'dead'`);
  const dependants = db.prepare(`UPDATE outbox SET state = 'dead', dead_reason = ? WHERE depends_on = ? AND state IN ('pending', 'delivering')`);
  const byKey = db.prepare<[string], OutboxRow>(`SELECT ${columns} FROM outbox WHERE idempotency_key = ?`);
  const byId = db.prepare<[number], OutboxRow>(`SELECT ${columns} FROM outbox WHERE id = ?`);
  return {
    enqueue: (item) => {
      const now = new Date().toISOString();
      const target = item.target ?? 'crm';
      return (
        insert.run({
          target,
          kind: item.kind,
          customerId: item.customerId,
          tool: item.tool ?? null,
          payload: JSON.stringify(item.payload),
          idempotencyKey: item.idempotencyKey,
          lane: target === 'crm' ? laneOf(item) : null,
          dependsOn: item.dependsOn ?? null,
          now,
        }).changes > 0
      );
    },
    list: ({ states, targets, limit = 200 } = {}) => {
      const wanted = states ?? ['pending', 'delivering', 'dead', 'delivered'];
      const where = targets ? ` AND target IN (${targets.map(() => '?').join(',')})` : '';
      const rows = db
        .prepare<unknown[], OutboxRow>(`SELECT ${columns} FROM outbox WHERE state IN (${wanted.map(() => '?').join(',')})${where} ORDER BY id DESC LIMIT ?`)
        .all(...wanted, ...(targets ?? []), limit);
      return rows.map(parse);
    },
    due: (now, limit, targets) => {
      if (targets.length === 0) return [];
      let statement = dueByTargets.get(targets.length);
      if (!statement) {
        statement = db.prepare<unknown[], OutboxRow>(dueSql(targets.length));
        dueByTargets.set(targets.length, statement);
      }
      return statement.all(now.toISOString(), ...targets, limit).map(parse);
    },
    nextAttemptAt: (now, targets) => {
      if (targets.length === 0) return undefined;
      // Only later tries: an item due now but held up in its lane waits for its lane, not for a timer.
      const row = db
        .prepare<unknown[], { at: string | null }>(`SELECT min(next_attempt_at) AS at FROM outbox WHERE state IN ('pending', 'delivering') AND next_attempt_at > ? AND target IN (${marks(targets.length)})`)
        .get(now.toISOString(), ...targets);
      return row?.at ? new Date(row.at) : undefined;
    },
    markDelivering: (id) => {
      delivering.run(id);
    },
    markDelivered: (id, result) => {
      delivered.run(new Date().toISOString(), JSON.stringify(result ?? null), id);
    },
    markRetry: (id, error, nextAttemptAt) => {
      retryLater.run(error.slice(0, 2000), nextAttemptAt.toISOString(), id);
    },
    markDead: (id, reason) => {
      dead.run(reason.slice(0, 2000), reason.slice(0, 2000), id);
    },
    get: (id) => {
      const row = byId.get(id);
      return row ? parse(row) : undefined;
    },
    retry: (id) => retry.run(new Date().toISOString(), id).changes > 0,
    discard: (id) =>
      db.transaction(() => {
        const item = byId.get(id);
        if (!item || discard.run(new Date().toISOString(), id).changes === 0) return false;
        dependants.run(`It waited for an action that was discarded (${item.kind}).`, item.idempotencyKey);
        return true;
      })(),
    byKey: (key) => {
      const row = byKey.get(key);
      return row ? parse(row) : undefined;
    },
  };
}
