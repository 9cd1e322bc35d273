import type { CDPSession, Page } from '@playwright/test';

/** What the renderer's main thread spent between two marks: its own CPU time, not the wall clock. */
export interface MainThreadCost {
  cpuMs: number;
  /** The costliest single task's CPU time: the long task the open would be on an idle machine. */
  largestTaskCpuMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/** Playwright types trace events as string maps; Chromium sends numbers for the times and thread ids. */
function traceEvent(raw: Readonly<Record<string, unknown>>): TraceEvent | undefined {
  const { name, ph, tid, ts, dur, tdur } = raw;
  if (typeof name !== 'string' || typeof ph !== 'string' || typeof tid !== 'number' || typeof ts !== 'number') return undefined;
  return { name, ph, tid, ts, dur: typeof dur === 'number' ? dur : undefined, tdur: typeof tdur === 'number' ? tdur : undefined };
}

const taskNames = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * Traces `action` and sums the thread time (`tdur`) of the main thread's top-level tasks between the page's
 * `from` and `to` marks. On a machine shared with other work the wall clock mostly measures the wait for a core;
 * thread time is what the window itself costs, so two builds compare under any load.
 */
export async function traceMainThread<T>(page: Page, from: string, to: string, action: () => Promise<T>): Promise<{ value: T; cost: MainThreadCost }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (payload) => {
    for (const raw of payload.value) {
      const event = traceEvent(raw);
      if (event) events.push(event);
    }
  });
  await cdp.send('Tracing.start', { categories: 'toplevel,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  const value = await action();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const start = events.find((event) => event.name === from);
  const end = events.find((event) => event.name === to);
  if (!start || !end) return { value, cost: { cpuMs: Number.NaN, largestTaskCpuMs: Number.NaN } };
  const tasks = events.filter((event) => event.tid === start.tid && event.ph === 'X' && taskNames.has(event.name) && event.ts + (event.dur ?? 0) > start.ts && event.ts < end.ts);
  // A task can nest inside another (a message pump inside a task): count only the outermost.
  const outer = tasks.filter((task) => !tasks.some((other) => other !== task && other.ts <= task.ts && other.ts + (other.dur ?? 0) >= task.ts + (task.dur ?? 0) && (other.dur ?? 0) > (task.dur ?? 0)));
  const cpu = outer.map((task) => (task.tdur ?? task.dur ?? 0) / 1000);
  return { value, cost: { cpuMs: cpu.reduce((sum, ms) => sum + ms, 0), largestTaskCpuMs: Math.max(0, ...cpu) } };
}
