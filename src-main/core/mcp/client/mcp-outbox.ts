import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { McpHub } from './mcp-hub';
import { McpToolError } from './tool-errors';

export type McpOutboxState = 'pending' | 'delivered' | 'failed' | 'dead';

export interface McpOutboxItem {
  idempotencyKey: string;
  tool: string;
  args: Record<string, unknown>;
  state: McpOutboxState;
  attempts: number;
  result: string | null;
  error: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface McpOutbox {
  /** Durable before it returns; a repeated key is ignored and returns false. */
  enqueue(item: { idempotencyKey: string; tool: string; args: Record<string, unknown> }): boolean;
  get(idempotencyKey: string): McpOutboxItem | undefined;
  list(limit?: number): McpOutboxItem[];
  /** Sends every due item once; safe to call concurrently (one run at a time). */
  deliverDue(): Promise<{ delivered: number; failed: number; retrying: number }>;
  start(intervalMs?: number): void;
  onSettled(listener: (item: McpOutboxItem) => void): () => void;
  /** Resolves when no delivery run is under way (call before close). */
  idle(): Promise<void>;
  close(): void;
}

interface Row {
  idempotency_key: string;
  tool: string;
  args: string;
  state: McpOutboxState;
  attempts: number;
  result: string | null;
  error: string | null;
  created_at: string;
  next_attempt_at: string;
  delivered_at: string | null;
}

const maxAttempts = 8;
const backoffMs = (attempts: number): number => Math.min(5 * 60_000, 1_000 * 2 ** Math.min(attempts, 10));

const toItem = (row: Row): McpOutboxItem => ({
  idempotencyKey: row.idempotency_key,
  tool: row.tool,
  args: JSON.parse(row.args) as Record<string, unknown>,
  state: row.state,
  attempts: row.attempts,
  result: row.result,
  error: row.error,
  createdAt: row.created_at,
  deliveredAt: row.delivered_at,
});

/**
 * Approved MCP side effects, written to SQLite before anything is sent and delivered at least once
 * with the same idempotency key, so a kill between approval and delivery neither loses the action
 * nor performs it twice (the server acts once per key). Its own file: the CRM outbox is the sync's.
 */
export function openMcpOutbox(file: string, hub: Pick<McpHub, 'call'>, now: () => Date = () => new Date()): McpOutbox {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS mcp_outbox (
    idempotency_key TEXT PRIMARY KEY, tool TEXT NOT NULL, args TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0, result TEXT, error TEXT, created_at TEXT NOT NULL, next_attempt_at TEXT NOT NULL, delivered_at TEXT)`);
  const insert = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO mcp_outbox (idempotency_key, tool, args, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(idempotency_key) DO NOTHING`,
  );
  const byKey = db.prepare<[string], Row>('SELECT * FROM mcp_outbox WHERE idempotency_key = ?');
  const recent = db.prepare<[number], Row>('SELECT * FROM mcp_outbox ORDER BY created_at DESC LIMIT ?');
  const due = db.prepare<[string], Row>(`SELECT * FROM mcp_outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY created_at LIMIT 20`);
  const settle = db.prepare<[McpOutboxState, string | null, string | null, string | null, string]>(
    'UPDATE mcp_outbox SET state = ?, result = ?, error = ?, delivered_at = ?, attempts = attempts + 1 WHERE idempotency_key = ?',
  );
  const retryLater = db.prepare<[string, string, string]>('UPDATE mcp_outbox SET attempts = attempts + 1, error = ?, next_attempt_at = ? WHERE idempotency_key = ?');
  const listeners = new Set<(item: McpOutboxItem) => void>();
  let running: Promise<{ delivered: number; failed: number; retrying: number }> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const settled = (key: string): void => {
    const row = byKey.get(key);
    if (row) for (const listener of listeners) listener(toItem(row));
  };

  async function run(): Promise<{ delivered: number; failed: number; retrying: number }> {
    const report = { delivered: 0, failed: 0, retrying: 0 };
    // Items enqueued while a run is under way are picked up by the same run, not left for the timer.
    for (let pass = 0; pass < 10; pass += 1) {
      const rows = due.all(now().toISOString());
      if (rows.length === 0) break;
      for (const row of rows) await deliverOne(row, report);
    }
    return report;
  }

  async function deliverOne(row: Row, report: { delivered: number; failed: number; retrying: number }): Promise<void> {
    const args = JSON.parse(row.args) as Record<string, unknown>;
    try {
      const output = await hub.call(row.tool, args, { idempotencyKey: row.idempotency_key });
      // The server answered: delivered, or refused for a reason a retry would not change.
      settle.run(output.isError ? 'failed' : 'delivered', output.isError ? null : output.text, output.isError ? output.text : null, now().toISOString(), row.idempotency_key);
      if (output.isError) report.failed += 1;
      else report.delivered += 1;
      settled(row.idempotency_key);
    } catch (error) {
      const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
      const permanent = error instanceof McpToolError && (error.code === 'INVALID_ARGS' || error.code === 'UNKNOWN_TOOL');
      if (permanent || row.attempts + 1 >= maxAttempts) {
        settle.run(permanent ? 'failed' : 'dead', null, message, null, row.idempotency_key);
        report.failed += 1;
        settled(row.idempotency_key);
      } else {
        // Down or timed out: unknown whether it acted, so the same key goes again later.
        retryLater.run(message, new Date(now().getTime() + backoffMs(row.attempts)).toISOString(), row.idempotency_key);
        report.retrying += 1;
      }
    }
  }

  return {
    enqueue({ idempotencyKey, tool, args }) {
      const at = now().toISOString();
      return insert.run(idempotencyKey, tool, JSON.stringify(args), at, at).changes > 0;
    },
    get(key) {
      const row = byKey.get(key);
      return row ? toItem(row) : undefined;
    },
    list: (limit = 50) => recent.all(limit).map(toItem),
    deliverDue() {
      running ??= run().finally(() => {
        running = undefined;
      });
      return running;
    },
    start(intervalMs = 5_000) {
      timer ??= setInterval(() => void this.deliverDue().catch(() => undefined), intervalMs);
      timer.unref();
    },
    onSettled(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async idle() {
      await running?.catch(() => undefined);
    },
    close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      db.close();
    },
  };
}
