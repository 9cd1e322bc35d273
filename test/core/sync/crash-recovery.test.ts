import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../src-main/core/crm/demo/index';
import { mulberry32 } from '../../../src-main/core/random/mulberry32';
import { openCacheDatabase } from '../../../src-main/core/storage/index';
import { dumpCache } from '../../fixtures/cache-dump';

const child = join(process.cwd(), 'test', 'fixtures', 'sync-child.ts');
const dir = mkdtempSync(join(tmpdir(), 'copilot-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child; kills it with SIGKILL after `killAfterMs` when given. Resolves with its exit code or signal. */
function runChild(args: string[], killAfterMs?: number): Promise<string> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    proc.stdout.on('data', (data: Buffer) => (output += data.toString()));
    proc.stderr.on('data', (data: Buffer) => (output += data.toString()));
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (killAfterMs !== undefined) timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    proc.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve(signal ?? `exit ${code}: ${output.slice(-500)}`);
    });
  });
}

describe('crash safety', () => {
  let crm: DemoCrm;
  beforeAll(async () => {
    crm = await startDemoCrm({ seed: 11, contacts: 120, latencyMs: 3 });
  });
  afterAll(() => crm.close());

  it('SIGKILLed at random points 50 times, a restarted sync ends in the same database as a clean one', async () => {
    const clean = join(dir, 'clean.db');
    const cleanStart = Date.now();
    expect(await runChild(['sync', crm.url, clean])).toMatch(/^exit 0/);
    // Kill points spread over a whole run as long as it takes on this machine (process start included).
    const runMs = Date.now() - cleanStart;
    const a = openCacheDatabase(clean);
    const expected = dumpCache(a);
    a.close();
    const random = mulberry32(5);
    const wantedKills = Number(process.env.CRASH_RUNS ?? 50);
    let kills = 0;
    // Rounds: a fresh cache killed and restarted until one run finishes, then compared with the clean sync.
    for (let round = 0; kills < wantedKills && round < 150; round += 1) {
      const crashed = join(dir, `crashed-${round}.db`);
      for (;;) {
        const outcome = await runChild(['sync', crm.url, crashed], kills < wantedKills ? 250 + Math.floor(random() * Math.max(400, runMs * 0.9 - 250)) : undefined);
        if (outcome === 'SIGKILL') {
          kills += 1;
          continue;
        }
        expect(outcome).toMatch(/^exit 0/);
        break;
      }
      const b = openCacheDatabase(crashed);
      expect(b.integrityCheck()).toBe('ok');
      expect(dumpCache(b)).toEqual(expected);
      b.close();
    }
    expect(kills).toBeGreaterThanOrEqual(wantedKills);
  }, 300_000);
});

describe('outbox delivery', () => {
  it('delivers a refund approved while the CRM was unreachable exactly once, across a SIGKILL and a restart', async () => {
    const file = join(dir, 'outbox.db');
    const db = openCacheDatabase(file);
    const key = 'approval:thread-1:call-1';
    db.transaction(() => db.outbox.enqueue({ customerId: '9007199254740993', kind: 'request_refund', payload: { orderId: '3348917502', amount: 94, reason: 'wrong size' }, idempotencyKey: key }));
    db.close();

    // The CRM is down: delivery fails and the item waits.
    expect(await runChild(['deliver', 'http://127.0.0.1:9', file])).toMatch(/^exit 0/);
    const waiting = openCacheDatabase(file);
    expect(waiting.outbox.byKey(key)).toMatchObject({ state: 'pending', attempts: 1 });
    // Time passes beyond the back-off.
    waiting.close();
    const raw = new Database(file);
    raw.prepare('UPDATE outbox SET next_attempt_at = ?').run(new Date(0).toISOString());
    raw.close();

    // The CRM is back but slow; the app is killed while the request is in flight, then restarted.
    const crm = await startDemoCrm({ seed: 1, contacts: 10, latencyMs: 400 });
    expect(await runChild(['deliver', crm.url, file], 700)).toBe('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await runChild(['deliver', crm.url, file])).toMatch(/^exit 0/);

    const after = openCacheDatabase(file);
    expect(after.outbox.byKey(key)?.state).toBe('delivered');
    after.close();
    const effects = (await (await fetch(`${crm.url}/__demo/side-effects`, { headers: { Authorization: 'Bearer t' } })).json()) as { idempotencyKey: string | null; path: string; body: { properties: Record<string, string> } }[];
    // The demo ignores Idempotency-Key, as HubSpot does: the ticket's unique action-key property made it land once.
    const tickets = effects.filter((effect) => effect.path === '/crm/v3/objects/tickets');
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.body.properties).toMatchObject({ hs_ticket_category: 'BILLING_ISSUE', copilot_order_id: '3348917502', copilot_refund_amount: '94', copilot_action_key: key });
    const stats = crm.stats();
    expect(stats.counts.tickets).toBe(crm.state.baseCount('tickets') + 1);
    await crm.close();
  }, 60_000);
});
