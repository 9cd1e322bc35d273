import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mainHeapFlags } from '../../scripts/main-heap-flags.mjs';
import { percentiles, type BenchFigure, type Benchmark } from './harness';
import type { IngestRun } from './sync-ingest-run';

/** Contacts per run, one fresh process each (the RSS curve); `SYNC_BENCH_CONTACTS=20000` for a quick run. */
const sizes = (process.env.SYNC_BENCH_CONTACTS ?? '10000,50000,100000')
  .split(',')
  .map(Number)
  .filter((size) => size > 0);
/** The same sync with its pages written on the main thread (the design before the writer thread), at this size. */
const baselineContacts = Number(process.env.SYNC_BENCH_BASELINE_CONTACTS ?? Math.min(...sizes));

/**
 * HubSpot's published limits for a private app (developers.hubspot.com, "API usage guidelines and limits"
 * and the changelog "Increasing our API limits"): requests per rolling 10 s and per day, by tier. The
 * search endpoints allow 5 a second; a first sync lists objects and reads threads, and does not search.
 */
const hubspotTiers = [
  { tier: 'Free/Starter', per10s: 100, daily: 250_000 },
  { tier: 'Professional', per10s: 190, daily: 650_000 },
  { tier: 'Enterprise', per10s: 190, daily: 1_000_000 },
] as const;
/** The share of the portal's limits one desktop takes by default (`rateShare` in crm-agent.json). */
const defaultRateShare = 0.1;

/** One more run at this size with V8's default heap (no flags), beside the app's: what the flags save. 0 to skip. */
const defaultHeapContacts = Number(process.env.SYNC_BENCH_DEFAULT_HEAP_CONTACTS ?? Math.max(...sizes));

function runOnce(contacts: number, writer: 'thread' | 'main', flags: readonly string[] = mainHeapFlags): Promise<IngestRun> {
  return new Promise((resolve, reject) => {
    // The heap flags the app's main process is launched with (scripts/start.mjs, package.json), so the RSS is the app's.
    const child = spawn(process.execPath, [...flags, '--expose-gc', '--import', 'tsx', join(process.cwd(), 'test', 'bench', 'sync-ingest-run.ts'), String(contacts), writer], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.once('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as IngestRun);
      else reject(new Error(`sync-ingest run (${contacts}, ${writer}) exited ${code}: ${output.slice(-300)}`));
    });
  });
}

/** Contact rows, one transaction (one fsync) per row: the same-run floor the ingest is compared with. */
function rowAtATime(rows: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'copilot-sync-baseline-'));
  try {
    const baseline = new Database(join(dir, 'baseline.db'));
    baseline.pragma('journal_mode = WAL');
    baseline.pragma('synchronous = FULL');
    baseline.exec('CREATE TABLE contacts (id TEXT PRIMARY KEY, email TEXT, name TEXT, updated_at TEXT)');
    const insert = baseline.prepare('INSERT OR REPLACE INTO contacts VALUES (?, ?, ?, ?)');
    const start = performance.now();
    for (let index = 0; index < rows; index += 1) baseline.transaction(() => insert.run(String(index), `c${index}@example.com`, `Customer ${index}`, new Date().toISOString()))();
    const seconds = (performance.now() - start) / 1000;
    baseline.close();
    return rows / seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hours = (seconds: number): number => Number((seconds / 3600).toFixed(1));

/**
 * Full syncs from the demo CRM on loopback, rate limits off, the demo in its own process: records/s, the main
 * thread's event-loop delay and the peak RSS at each size, each in a fresh process. Beside them in the same run:
 * the sync with its pages written on the main thread, and contact rows written one commit per row.
 */
const bench: Benchmark = {
  name: 'sync-ingest',
  async run() {
    process.stdout.write(`  main process launched with ${mainHeapFlags.join(' ') || 'no V8 flags'}, as the app is (scripts/main-heap-flags.mjs)\n`);
    const runs: IngestRun[] = [];
    for (const contacts of sizes) runs.push(await runOnce(contacts, 'thread'));
    const baseline = await runOnce(baselineContacts, 'main');
    const defaultHeap = defaultHeapContacts > 0 ? await runOnce(defaultHeapContacts, 'thread', []) : undefined;
    const rowRate = rowAtATime(Math.min(5000, Math.max(...sizes)));
    const rate = (run: IngestRun): number => Math.round(run.records / run.seconds);
    const largest = runs.at(-1) as IngestRun;
    const single = (value: number) => percentiles([value]);
    const figures: BenchFigure[] = runs.map((run) => ({
      label: `sync ${run.contacts} contacts`,
      unit: 'records/s',
      subject: single(rate(run)),
      baselineLabel: 'contact rows, one commit per row',
      baseline: single(Math.round(rowRate)),
      extra: {
        records: run.records,
        requests: run.requests,
        seconds: Number(run.seconds.toFixed(1)),
        cpu_us_per_record: Number((run.cpuMicros / run.records).toFixed(1)),
        loop_delay_p99_ms: run.loop.p99,
        loop_delay_max_ms: run.loopMaxMs,
        peak_rss_mb: run.peakRssMb,
        peak_heap_mb: run.peakHeapMb,
        heap_after_gc_mb: run.retainedHeapMb,
      },
    }));
    figures.push({
      label: `event-loop delay, ${largest.contacts} contacts`,
      unit: 'ms',
      subject: largest.loop,
      baselineLabel: `pages written on the main thread, ${baseline.contacts} contacts`,
      baseline: baseline.loop,
      extra: {
        p99_ms: largest.loop.p99,
        max_ms: largest.loopMaxMs,
        baseline_p99_ms: baseline.loop.p99,
        baseline_max_ms: baseline.loopMaxMs,
        baseline_records_per_s: rate(baseline),
        baseline_peak_rss_mb: baseline.peakRssMb,
        rss_curve: runs.map((run) => `${run.contacts / 1000}k:${run.peakRssMb}MB`).join(','),
      },
    });
    if (defaultHeap) {
      const flagged = runs.find((run) => run.contacts === defaultHeap.contacts);
      figures.push({
        label: `peak RSS, ${defaultHeap.contacts} contacts, ${mainHeapFlags.join(' ')}`,
        unit: 'MB',
        subject: single(flagged?.peakRssMb ?? Number.NaN),
        baselineLabel: "V8's default heap",
        baseline: single(defaultHeap.peakRssMb),
        extra: {
          peak_heap_mb: flagged?.peakHeapMb ?? Number.NaN,
          baseline_peak_heap_mb: defaultHeap.peakHeapMb,
          records_per_s: flagged ? rate(flagged) : Number.NaN,
          baseline_records_per_s: rate(defaultHeap),
          cpu_us_per_record: flagged ? Number((flagged.cpuMicros / flagged.records).toFixed(1)) : Number.NaN,
          baseline_cpu_us_per_record: Number((defaultHeap.cpuMicros / defaultHeap.records).toFixed(1)),
          loop_delay_max_ms: flagged?.loopMaxMs ?? Number.NaN,
          baseline_loop_delay_max_ms: defaultHeap.loopMaxMs,
        },
      });
    }
    // What a first sync of a 1,000,000-contact portal costs in requests (scaled from the largest run; the
    // demo's shape is HubSpot's: list pages of 100, one message page per thread) and how long HubSpot's limits make it.
    const requests = Math.round((largest.requests / largest.contacts) * 1_000_000);
    const estimate: Record<string, number | string> = { requests_1m_contacts: requests };
    for (const { tier, per10s, daily } of hubspotTiers) {
      for (const share of [1, defaultRateShare]) {
        const perSecond = (per10s / 10) * share;
        // Paced by this desktop's share of the burst limit; when the portal's daily allowance runs out (this
        // desktop alone using it), the rest waits for the next day.
        const burstSeconds = requests / perSecond;
        const perDay = Math.min(daily, perSecond * 86_400);
        const days = Math.floor(requests / perDay);
        const seconds = Math.max(burstSeconds, days * 86_400 + (requests - days * perDay) / perSecond);
        estimate[`${tier}${share === 1 ? '' : `_share${share * 100}pct`}_hours`] = hours(seconds);
      }
    }
    figures.push({
      label: 'first sync of 1M contacts at HubSpot limits',
      unit: 'h',
      subject: single(Number(estimate['Enterprise_hours'])),
      baselineLabel: 'loopback here, no limits',
      baseline: single(hours(1_000_000 * (largest.records / largest.contacts) / rate(largest))),
      extra: estimate,
    });
    return { name: 'sync-ingest', figures };
  },
};
export default bench;
