// One full sync from the demo CRM (in its own process) into a fresh cache, in a process of its own so that its
// peak RSS is this size's alone. Prints one JSON line (IngestRun).
//   node --import tsx test/bench/sync-ingest-run.ts <contacts> <thread|main>
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCacheDatabase } from '../../src-main/core/storage/index';
import { startDemoCrmProcess } from './demo-crm-process';
import { measuredSync, type MainThreadWatch } from './sync-watch';

export interface IngestRun extends MainThreadWatch {
  contacts: number;
  writer: 'thread' | 'main';
  records: number;
  requests: number;
  seconds: number;
  cpuMicros: number;
  retainedHeapMb: number;
}

const contacts = Number(process.argv[2] ?? 10_000);
const writer = process.argv[3] === 'main' ? 'main' : 'thread';
const crm = await startDemoCrmProcess({ seed: 1, contacts });
const dir = mkdtempSync(join(tmpdir(), 'copilot-sync-ingest-'));
try {
  const db = openCacheDatabase(join(dir, 'cache.db'));
  let requests = 0;
  const counted: typeof fetch = (input, init) => {
    requests += 1;
    return fetch(input, init);
  };
  const { report, seconds, cpuMicros, watched } = await measuredSync(db, crm.url, counted, writer);
  db.close();
  // With --expose-gc: what the sync left behind once its garbage is gone (a leak grows it with the portal).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const retainedHeapMb = Math.round(process.memoryUsage().heapUsed / 1048576);
  const run: IngestRun = { contacts, writer, records: report.records, requests, seconds, cpuMicros, retainedHeapMb, ...watched };
  process.stdout.write(`${JSON.stringify(run)}\n`);
} finally {
  await crm.close();
  rmSync(dir, { recursive: true, force: true });
}
