// One full sync from the demo CRM (in its own process) into a fresh cache, in a process of its own so that its
// peak RSS is this size's alone. Prints one JSON line (IngestRun).
//   node --import tsx test/bench/sync-ingest-run.ts <contacts> <thread|main>
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHubSpotConnector } from '../../src-main/core/crm/index';
import { createMainThreadPageWriter, openCacheDatabase } from '../../src-main/core/storage/index';
import { createSyncEngine } from '../../src-main/core/sync/index';
import { startDemoCrmProcess } from './demo-crm-process';
import { watchMainThread, type MainThreadWatch } from './sync-watch';

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
  const watch = watchMainThread();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const report = await createSyncEngine({
    db,
    connector: createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'bench', messageConcurrency: 16, fetch: counted }),
    ...(writer === 'main' ? { pageWriter: createMainThreadPageWriter(db) } : {}),
  }).syncAll();
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const watched = watch.stop();
  db.close();
  // With --expose-gc: what the sync left behind once its garbage is gone (a leak grows it with the portal).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const retainedHeapMb = Math.round(process.memoryUsage().heapUsed / 1048576);
  const run: IngestRun = { contacts, writer, records: report.records, requests, seconds, cpuMicros: cpu.user + cpu.system, retainedHeapMb, ...watched };
  process.stdout.write(`${JSON.stringify(run)}\n`);
} finally {
  await crm.close();
  rmSync(dir, { recursive: true, force: true });
}
