import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHubSpotConnector } from '../../src-main/core/crm/index';
import { openCacheDatabase } from '../../src-main/core/storage/index';
import { createSyncEngine } from '../../src-main/core/sync/index';
import { startDemoCrmProcess } from './demo-crm-process';
import { percentiles, type Benchmark, type BenchFigure, type Percentiles } from './harness';
import { hasRecording, loadRecording, recordingFetch, replayFetch } from './sync-recording';
import { measuredSync } from './sync-watch';

const contacts = Number(process.env.SYNC_REPLAY_CONTACTS ?? 20_000);
const runs = Number(process.env.SYNC_REPLAY_RUNS ?? 3);
/** Which page writers to replay through: the writer thread (the app's) and the main thread (the baseline). */
const writers = (process.env.SYNC_REPLAY_WRITERS ?? 'thread,main').split(',').filter((name): name is 'thread' | 'main' => name === 'thread' || name === 'main');
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
  writer: 'thread' | 'main';
  seconds: number;
  records: number;
  cpuMicros: number;
  mainBusyMicros: number;
  loop: Percentiles;
  loopMax: number;
  peakRssMb: number;
}

async function replayOnce(answers: Awaited<ReturnType<typeof loadRecording>>, dir: string, index: number, writer: 'thread' | 'main'): Promise<ReplayRun> {
  const db = openCacheDatabase(join(dir, `replay-${writer}-${index}.db`));
  const replay = replayFetch(answers);
  const { report, seconds, cpuMicros, mainBusyMicros, watched } = await measuredSync(db, recordedBase, replay.fetch, writer);
  db.close();
  if (replay.served() !== answers.size) throw new Error(`the replay asked ${replay.served()} of ${answers.size} recorded requests`);
  return { writer, seconds, records: report.records, cpuMicros, mainBusyMicros, loop: watched.loop, loopMax: watched.loopMaxMs, peakRssMb: watched.peakRssMb };
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
      // Alternated, so that load on a shared machine falls on both alike.
      for (let index = 0; index < runs; index += 1) for (const writer of writers) results.push(await replayOnce(answers, dir, index, writer));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The floor of reading these bytes at all: JSON.parse of every recorded answer.
    const parseStart = performance.now();
    for (const answer of answers.values()) JSON.parse(answer.body);
    const parseRate = (results[0]?.records ?? 0) / ((performance.now() - parseStart) / 1000);
    const of = (writer: 'thread' | 'main'): ReplayRun[] => results.filter((run) => run.writer === writer);
    const rate = (writer: 'thread' | 'main'): Percentiles => percentiles(of(writer).map((run) => run.records / run.seconds));
    const cpu = (writer: 'thread' | 'main'): number => Number(percentiles(of(writer).map((run) => run.cpuMicros / run.records)).p50.toFixed(1));
    const mainBusy = (writer: 'thread' | 'main'): number => Number(percentiles(of(writer).map((run) => run.mainBusyMicros / run.records)).p50.toFixed(1));
    const loop = (writer: 'thread' | 'main'): Percentiles => {
      const median = (pick: (value: Percentiles) => number): number => percentiles(of(writer).map((run) => pick(run.loop))).p50;
      return { n: of(writer).length, p50: median((value) => value.p50), p95: median((value) => value.p95), p99: median((value) => value.p99), mean: median((value) => value.mean) };
    };
    const maxOf = (writer: 'thread' | 'main'): number => Math.max(...of(writer).map((run) => run.loopMax));
    const records = results[0]?.records ?? 0;
    const figures: BenchFigure[] = [
      {
        label: `replayed sync (${contacts} contacts)`,
        unit: 'records/s',
        subject: rate('thread'),
        baselineLabel: 'pages written on the main thread',
        baseline: rate('main'),
        extra: { records, requests: answers.size, cpu_us_per_record: cpu('thread'), baseline_cpu_us_per_record: cpu('main'), main_loop_busy_us_per_record: mainBusy('thread'), baseline_main_loop_busy_us_per_record: mainBusy('main'), json_parse_floor_records_per_s: Math.round(parseRate), runs },
      },
      {
        label: 'main event-loop delay in the replay',
        unit: 'ms',
        subject: loop('thread'),
        baselineLabel: 'pages written on the main thread',
        baseline: loop('main'),
        extra: { p99_ms: loop('thread').p99, max_ms: maxOf('thread'), baseline_p99_ms: loop('main').p99, baseline_max_ms: maxOf('main'), peak_rss_mb: Math.max(...results.map((run) => run.peakRssMb)) },
      },
    ];
    return { name: 'sync-replay', figures };
  },
};
export default bench;
