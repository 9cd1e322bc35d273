import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createHubSpotConnector } from '../../src-main/core/crm/index';
import { createMainThreadPageWriter, type CacheDatabase } from '../../src-main/core/storage/index';
import { createSyncEngine, type SyncReport } from '../../src-main/core/sync/index';
import type { Percentiles } from './harness';

export interface MainThreadWatch {
  /** Event-loop delay of this thread while watched (perf_hooks' histogram, 1 ms resolution). */
  loop: Percentiles;
  loopMaxMs: number;
  /** Peak resident set of the whole process, sampled every 50 ms. */
  peakRssMb: number;
  peakHeapMb: number;
}

/** Watches the main thread's event loop and the process's memory until `stop()`. */
export function watchMainThread(): { stop(): MainThreadWatch } {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let peakRss = process.memoryUsage.rss();
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 50);
  return {
    stop() {
      clearInterval(sampler);
      delay.disable();
      const ms = (ns: number): number => Number((ns / 1e6).toFixed(1));
      return {
        loop: { n: delay.count, p50: ms(delay.percentile(50)), p95: ms(delay.percentile(95)), p99: ms(delay.percentile(99)), mean: ms(delay.mean) },
        loopMaxMs: ms(delay.max),
        peakRssMb: Math.round(Math.max(peakRss, process.memoryUsage.rss()) / 1048576),
        peakHeapMb: Math.round(peakHeap / 1048576),
      };
    },
  };
}

export interface MeasuredSync {
  report: SyncReport;
  seconds: number;
  /** CPU time of the whole process (every thread) during the sync. */
  cpuMicros: number;
  /** Time the main event loop was busy during the sync (not idle waiting), in microseconds. */
  mainBusyMicros: number;
  watched: MainThreadWatch;
}

/** One full sync through the real connector and engine, watched; pages written by the writer thread or on the main thread. */
export async function measuredSync(db: CacheDatabase, baseUrl: string, transport: typeof fetch, writer: 'thread' | 'main'): Promise<MeasuredSync> {
  const watch = watchMainThread();
  const cpuBefore = process.cpuUsage();
  const loopBefore = performance.eventLoopUtilization();
  const start = performance.now();
  const report = await createSyncEngine({
    db,
    connector: createHubSpotConnector({ baseUrl, token: 't', source: 'bench', messageConcurrency: 16, fetch: transport }),
    ...(writer === 'main' ? { pageWriter: createMainThreadPageWriter(db) } : {}),
  }).syncAll();
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const loop = performance.eventLoopUtilization(loopBefore);
  return { report, seconds, cpuMicros: cpu.user + cpu.system, mainBusyMicros: loop.active * 1000, watched: watch.stop() };
}
