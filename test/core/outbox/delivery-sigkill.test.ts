import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../src-main/core/crm/demo/index';
import { mulberry32 } from '../../../src-main/core/random/mulberry32';
import { enqueueAction, openCacheDatabase } from '../../../src-main/core/storage/index';

const dir = mkdtempSync(join(tmpdir(), 'outbox-sigkill-'));
const bundle = join(dir, 'outbox-child.cjs');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface SideEffect {
  method: string;
  path: string;
  body: { text?: string; properties?: Record<string, string> };
}

/** SQLite's own check of the file, on a connection of its own, as after a real crash. */
function integrity(file: string): unknown {
  const db = new Database(file);
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

/** Runs the child; SIGKILLs it `killAfterMs` after it starts delivering. Resolves with its signal, or its exit code and output. */
function runChild(url: string, file: string, killAfterMs?: number): Promise<string> {
  return new Promise((resolve) => {
    // Bundled once: a child that starts in a fraction of a second leaves the suite's time to the kills.
    const proc = spawn(process.execPath, [bundle, url, file], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules') } });
    let output = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    proc.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      if (killAfterMs !== undefined && !timer && output.includes('delivering\n')) timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    });
    proc.stderr.on('data', (data: Buffer) => (output += data.toString()));
    proc.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve(signal ?? `exit ${code}: ${output.slice(-500)}`);
    });
  });
}

describe('the one outbox under SIGKILL', () => {
  let crm: DemoCrm;
  beforeAll(async () => {
    // CommonJS has no import.meta: storage's worker entry resolves its file from import.meta.url, so the bundle gets its own.
    buildSync({
      entryPoints: [join(process.cwd(), 'test', 'fixtures', 'outbox-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['better-sqlite3'],
      outfile: bundle,
      logLevel: 'warning',
      banner: { js: "const bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': 'bundleUrl' },
    });
    // Each write takes a little while, so kills land before, during and after requests.
    crm = await startDemoCrm({ seed: 21, contacts: 30, latencyMs: 2 });
  });
  afterAll(() => crm.close());

  it('killed 50 times while delivering to the demo CRM, delivers each action exactly once, replies in their thread\'s order, and the database stays sound', async () => {
    const file = join(dir, 'cache.db');
    const threads = ((await (await fetch(`${crm.url}/conversations/v3/conversations/threads?limit=3`, { headers: { Authorization: 'Bearer t' } })).json()) as { results: { id: string }[] }).results.map((thread) => thread.id);
    expect(threads).toHaveLength(3);
    const customers = Array.from({ length: 10 }, (_, index) => crm.state.generator.contact(index).id);
    const tickets: string[] = [];
    const replies = new Map<string, string[]>(threads.map((thread) => [thread, []]));
    let batch = 0;
    /** Approvals keep arriving: a batch of tickets for several customers, and replies on three threads. */
    function enqueueBatch(): void {
      const db = openCacheDatabase(file);
      db.transaction(() => {
        for (const [index, thread] of threads.entries()) {
          for (let n = 0; n < 2; n += 1) {
            const text = `Reply ${batch}.${n} on thread ${index}`;
            replies.get(thread)?.push(text);
            enqueueAction(db, { customerId: customers[index] ?? '', kind: 'send_reply', payload: { conversationId: thread, text }, idempotencyKey: `reply:${batch}:${index}:${n}` });
          }
        }
        for (let n = 0; n < 8; n += 1) {
          const key = `ticket:${batch}:${n}`;
          tickets.push(key);
          enqueueAction(db, { customerId: customers[n % customers.length] ?? '', kind: 'create_ticket', payload: { subject: `Ticket ${batch}.${n}`, content: 'sigkill' }, idempotencyKey: key });
        }
      });
      db.close();
      batch += 1;
    }

    const demo = (path: string, body?: unknown) =>
      fetch(`${crm.url}${path}`, { method: body ? 'POST' : 'GET', headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const delayNextWrites = async (): Promise<number> =>
      ((await (await demo('/__demo/faults', { faults: [{ method: 'POST', pathPrefix: '/conversations/v3/conversations/threads/', when: 'after', delayMs: 400 }] })).json()) as { queued: number }).queued;
    const random = mulberry32(15);
    const wantedKills = Number(process.env.OUTBOX_KILLS ?? 50);
    let kills = 0;
    /** Kills after the run had recorded some deliveries: between two actions or in the middle of one. */
    let killsAmidDelivery = 0;
    let delivered = 0;
    enqueueBatch();
    let queuedFaults = 0;
    for (let run = 0; kills < wantedKills && run < wantedKills * 3; run += 1) {
      // The worst moment to die: the CRM has posted the reply and its answer is still on the way (400 ms late).
      // (A ticket needs no such fault: its unique action-key property refuses a second one, as HubSpot's does.)
      // Every other run, so some runs die elsewhere (before a request, between two).
      if (run % 2 === 0 && queuedFaults < 4) queuedFaults = await delayNextWrites();
      const outcome = await runChild(crm.url, file, Math.floor(random() * 800));
      expect(integrity(file)).toBe('ok');
      const db = openCacheDatabase(file);
      const open = db.outbox.list({ states: ['pending', 'delivering'], limit: 1 }).length;
      const deliveredNow = db.outbox.list({ states: ['delivered'], limit: 100_000 }).length;
      db.close();
      if (outcome === 'SIGKILL') {
        kills += 1;
        if (deliveredNow > delivered) killsAmidDelivery += 1;
      } else expect(outcome).toMatch(/^exit 0/);
      delivered = deliveredNow;
      if (open === 0) enqueueBatch();
    }
    expect(kills).toBeGreaterThanOrEqual(wantedKills);
    expect(killsAmidDelivery).toBeGreaterThanOrEqual(Math.floor(wantedKills / 3));
    expect(await runChild(crm.url, file)).toMatch(/^exit 0/);

    expect(integrity(file)).toBe('ok');
    const db = openCacheDatabase(file);
    const all = db.outbox.list({ states: ['pending', 'delivering', 'delivered', 'dead', 'discarded'], limit: 100_000 });
    expect(all.length).toBe(tickets.length + [...replies.values()].flat().length);
    expect(all.filter((item) => item.state !== 'delivered')).toEqual([]);
    db.close();

    const effects = (await (await fetch(`${crm.url}/__demo/side-effects`, { headers: { Authorization: 'Bearer t' } })).json()) as SideEffect[];
    // The demo ignores Idempotency-Key, as HubSpot does: only the outbox and the connector's look-ups keep it to one.
    const created = effects.filter((effect) => effect.method === 'POST' && effect.path === '/crm/v3/objects/tickets').map((effect) => effect.body.properties?.copilot_action_key ?? '');
    expect(created.sort()).toEqual([...tickets].sort());
    for (const thread of threads) {
      const posted = effects.filter((effect) => effect.method === 'POST' && effect.path === `/conversations/v3/conversations/threads/${thread}/messages`).map((effect) => effect.body.text);
      expect(posted).toEqual(replies.get(thread));
    }
  }, 120_000);
});
