import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHubSpotConnector } from '../../src-main/core/crm/index';
import { openCacheDatabase } from '../../src-main/core/storage/index';
import { createSyncEngine } from '../../src-main/core/sync/index';
import { startDemoCrmProcess } from './demo-crm-process';
import { percentiles, type Benchmark, type BenchFigure } from './harness';
import { hasRecording, loadRecording, recordingFetch, replayFetch } from './sync-recording';
import { watchMainThread } from './sync-watch';

const contacts = Number(process.env.SYNC_REPLAY_CONTACTS ?? 20_000);
const runs = Number(process.env.SYNC_REPLAY_RUNS ?? 3);
const recording = process.env.SYNC_REPLAY_FILE ?? join(tmpdir(), `copilot-sync-replay-seed1-${contacts}.jsonl`);
/** The recorded URL; nothing listens there during a replay. */
const recordedBase = 'http://127.0.0.1:9/';

/** Records the demo CRM's answers to one full sync, once: the demo runs in its own process, only while recording. */
async function ensureRecording(): Promise<void> {
  if (hasRecording(recording) && !process.env.SYNC_REPLAY_FRESH) return;
  const crm = await startDemoCrmProcess({ seed: 1, contacts });
  const dir = mkdtempSync(join(tmpdir(), 'copilot-sync-record-'));
  const recorder = recordingFetch(recording);
  try {
    const db = openCacheDatabase(join(dir, 'cache.db'));
    await createSyncEngine({ db, connector: createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'bench', messageConcurrency: 16, fetch: recorder.fetch }) }).syncAll();
    db.close();
    const { answers, bytes } = await recorder.finish();
    process.stdout.write(`  recorded ${answers} answers (${Math.round(bytes / 1048576)} MB) to ${recording}\n`);
  } finally {
    await crm.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ReplayRun {
  seconds: number;
  records: number;
  cpuMicros: number;
  loopP99: number;
  loopMax: number;
  peakRssMb: number;
}

async function replayOnce(answers: Awaited<ReturnType<typeof loadRecording>>, dir: string, index: number): Promise<ReplayRun> {
  const db = openCacheDatabase(join(dir, `replay-${index}.db`));
  const replay = replayFetch(answers);
  const watch = watchMainThread();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const report = await createSyncEngine({ db, connector: createHubSpotConnector({ baseUrl: recordedBase, token: 't', source: 'bench', messageConcurrency: 16, fetch: replay.fetch }) }).syncAll();
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const watched = watch.stop();
  db.close();
  if (replay.served() !== answers.size) throw new Error(`the replay asked ${replay.served()} of ${answers.size} recorded requests`);
  return { seconds, records: report.records, cpuMicros: cpu.user + cpu.system, loopP99: watched.loopP99Ms, loopMax: watched.loopMaxMs, peakRssMb: watched.peakRssMb };
}

/**
 * Our side of the ingest alone: one full sync's HTTP answers, recorded once from the demo CRM, replayed at
 * full speed through the real connector and sync engine into a fresh cache.db, without the network or the
 * demo. Records/s and CPU µs per record count every thread of this process.
 */
const bench: Benchmark = {
  name: 'sync-replay',
  async run() {
    await ensureRecording();
    const answers = await loadRecording(recording);
    const dir = mkdtempSync(join(tmpdir(), 'copilot-sync-replay-'));
    const results: ReplayRun[] = [];
    try {
      for (let index = 0; index < runs; index += 1) results.push(await replayOnce(answers, dir, index));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Baseline in the same run: only JSON.parse of every recorded answer, the floor of reading these bytes.
    const parseStart = performance.now();
    for (const answer of answers.values()) JSON.parse(answer.body);
    const parseSeconds = (performance.now() - parseStart) / 1000;
    const records = results[0]?.records ?? 0;
    const rate = percentiles(results.map((run) => run.records / run.seconds));
    const figure: BenchFigure = {
      label: `replayed sync (${contacts} contacts)`,
      unit: 'records/s',
      subject: rate,
      baselineLabel: 'JSON.parse of the same answers',
      baseline: percentiles([records / parseSeconds]),
      extra: {
        records,
        requests: answers.size,
        cpu_us_per_record: Number(percentiles(results.map((run) => run.cpuMicros / run.records)).p50.toFixed(1)),
        loop_delay_p99_ms: percentiles(results.map((run) => run.loopP99)).p50,
        loop_delay_max_ms: Math.max(...results.map((run) => run.loopMax)),
        peak_rss_mb: Math.max(...results.map((run) => run.peakRssMb)),
        runs,
      },
    };
    return { name: 'sync-replay', figures: [figure] };
  },
};
export default bench;
