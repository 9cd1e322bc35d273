import { monitorEventLoopDelay } from 'node:perf_hooks';
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
