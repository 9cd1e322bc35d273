import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Migration } from './migration';

/** The MCP client's own outbox file before this version, in the same data folder as cache.db. */
export const legacyMcpOutboxFile = 'mcp-outbox.db';

interface LegacyMcpRow {
  idempotency_key: string;
  tool: string;
  args: string;
  state: string;
  attempts: number;
  result: string | null;
  error: string | null;
  created_at: string;
  next_attempt_at: string;
  delivered_at: string | null;
}

/**
 * Copies the approved MCP actions of `mcp-outbox.db` into the one outbox, once (this migration runs
 * once). The old file stays where it is, unread from now on. Its "failed" (the server refused) becomes
 * dead with the server's words as the reason, so the agent sees it and can retry or discard it.
 */
function importLegacyMcpOutbox(db: Database.Database): void {
  if (!db.name || db.memory) return;
  const file = join(dirname(db.name), legacyMcpOutboxFile);
  if (!existsSync(file)) return;
  const legacy = new Database(file, { fileMustExist: true });
  try {
    const table = legacy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'mcp_outbox'").get();
    if (!table) return;
    const rows = legacy.prepare<[], LegacyMcpRow>('SELECT * FROM mcp_outbox ORDER BY created_at').all();
    const insert = db.prepare(`INSERT INTO outbox (target, kind, customer_id, tool, payload, idempotency_key, state, attempts, last_error, dead_reason,
        created_at, next_attempt_at, delivered_at, result)
      VALUES ('mcp', 'mcp_tool', '', @tool, @args, @idempotency_key, @state, @attempts, @error, @deadReason, @created_at, @next_attempt_at, @delivered_at, @result)
      ON CONFLICT(idempotency_key) DO NOTHING`);
    for (const row of rows) {
      const state = row.state === 'delivered' ? 'delivered' : row.state === 'pending' ? 'pending' : 'dead';
      const deadReason = state !== 'dead' ? null : row.state === 'failed' ? `The server refused it: ${row.error ?? 'no reason given'}` : `Gave up after ${row.attempts} tries: ${row.error ?? 'no answer'}`;
      insert.run({ ...row, state, deadReason });
    }
  } finally {
    legacy.close();
  }
}

/**
 * One outbox for every target: the CRM's items and the MCP servers' share this table, one delivery loop
 * and one backoff. `lane` orders only what must keep its order (posts to one thread, changes to one
 * ticket); `depends_on` makes an item wait for another (an update for its create); `dead_reason` says
 * why an item was given up on. Existing replies get their thread's lane, so they keep their order.
 */
export const oneOutbox: Migration = {
  version: 6,
  name: 'one outbox for the CRM and MCP servers',
  up: `
    ALTER TABLE outbox ADD COLUMN target TEXT NOT NULL DEFAULT 'crm';
    ALTER TABLE outbox ADD COLUMN tool TEXT;
    ALTER TABLE outbox ADD COLUMN lane TEXT;
    ALTER TABLE outbox ADD COLUMN depends_on TEXT;
    ALTER TABLE outbox ADD COLUMN dead_reason TEXT;
    UPDATE outbox SET lane = 'thread:' || json_extract(payload, '$.conversationId')
      WHERE kind IN ('send_reply', 'handoff_note') AND json_valid(payload) AND json_type(payload, '$.conversationId') = 'text';
    UPDATE outbox SET lane = 'ticket:' || json_extract(payload, '$.ticketId')
      WHERE kind IN ('update_ticket', 'escalate') AND json_valid(payload) AND json_type(payload, '$.ticketId') = 'text';
    UPDATE outbox SET lane = 'preferences:' || customer_id WHERE kind = 'update_preferences';
    UPDATE outbox SET dead_reason = coalesce(last_error, 'Given up on before this version recorded why.') WHERE state = 'dead';
    CREATE INDEX outbox_lane ON outbox(lane, id) WHERE lane IS NOT NULL;
  `,
  importData: importLegacyMcpOutbox,
};
