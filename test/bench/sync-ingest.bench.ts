import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createHubSpotConnector } from '../../src-main/core/crm/index';
import { openCacheDatabase } from '../../src-main/core/storage/index';
import { createSyncEngine } from '../../src-main/core/sync/index';
import { startDemoCrmProcess } from './demo-crm-process';
import { percentiles, type Benchmark } from './harness';

const contacts = Number(process.env.SYNC_BENCH_CONTACTS ?? 100_000);

/**
 * A full sync from the demo CRM on loopback (in its own process, so stalls and RSS are the sync's),
 * against writing contact rows one commit per row.
 */
const bench: Benchmark = {
  name: 'sync-ingest',
  async run() {
    const crm = await startDemoCrmProcess({ seed: 1, contacts });
    const dir = mkdtempSync(join(tmpdir(), 'copilot-sync-bench-'));
    const db = openCacheDatabase(join(dir, 'cache.db'));
    const pageWrites: number[] = [];
    const transaction = db.refetchableTransaction.bind(db);
    db.refetchableTransaction = <T>(work: () => T): T => {
      const start = performance.now();
      const result = transaction(work);
      pageWrites.push(performance.now() - start);
      return result;
    };
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const start = performance.now();
    const report = await createSyncEngine({ db, connector: createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'bench', messageConcurrency: 16 }) }).syncAll();
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    delay.disable();
    db.close();
    await crm.close();

    // Baseline: the same contact rows, one transaction (one fsync) per row.
    const baselineRows = Math.min(5000, contacts);
    const baseline = new Database(join(dir, 'baseline.db'));
    baseline.pragma('journal_mode = WAL');
    baseline.pragma('synchronous = FULL');
    baseline.exec('CREATE TABLE contacts (id TEXT PRIMARY KEY, email TEXT, name TEXT, updated_at TEXT)');
    const insert = baseline.prepare('INSERT OR REPLACE INTO contacts VALUES (?, ?, ?, ?)');
    const rowTimes: number[] = [];
    const baselineStart = performance.now();
    for (let index = 0; index < baselineRows; index += 1) {
      const rowStart = performance.now();
      baseline.transaction(() => insert.run(String(index), `c${index}@example.com`, `Customer ${index}`, new Date().toISOString()))();
      rowTimes.push(performance.now() - rowStart);
    }
    const baselineSeconds = (performance.now() - baselineStart) / 1000;
    baseline.close();
    rmSync(dir, { recursive: true, force: true });

    const recordsPerSecond = Math.round(report.records / seconds);
    return {
      name: 'sync-ingest',
      figures: [
        {
          label: `page write (${contacts} contacts)`,
          unit: 'ms',
          subject: percentiles(pageWrites),
          baselineLabel: 'one commit per row, per row',
          baseline: percentiles(rowTimes),
          extra: {
            records: report.records,
            records_per_s: recordsPerSecond,
            baseline_records_per_s: Math.round(baselineRows / baselineSeconds),
            peak_rss_mb: Math.round(peakRss / 1048576),
            longest_stall_ms: Number((delay.max / 1e6).toFixed(1)),
            seconds: Number(seconds.toFixed(1)),
          },
        },
      ],
    };
  },
};
export default bench;
