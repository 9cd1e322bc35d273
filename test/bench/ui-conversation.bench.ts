import type { Browser, Page } from '@playwright/test';
import { launchChromium } from '../fixtures/chromium';
import { percentiles, type Benchmark, type BenchFigure } from './harness';
import { benchMessages, startUiHost, type UiHost } from './ui-host';
import { traceMainThread, type MainThreadCost } from './ui-main-thread';

const messageCount = Number(process.env.UI_CONVERSATION_MESSAGES ?? 10_000);
const rounds = Number(process.env.UI_CONVERSATION_ROUNDS ?? 3);
// UI_CONVERSATION_CPU=1 traces each open for the main thread's CPU time (a load-independent figure; tracing adds a little wall time).
const traceCpu = process.env.UI_CONVERSATION_CPU === '1';

type Mode = 'virtual' | 'cold' | 'full';

interface Round {
  openMs: number;
  openCost?: MainThreadCost;
  openLongTasks: number[];
  scrollFrames: number[];
  scrollLongTasks: number[];
  heapMb: number;
  domNodes: number;
}

/** Collects long tasks from the page's start, so the open and the scroll can each take theirs. */
function observeLongTasks(): void {
  const seen: { start: number; duration: number }[] = [];
  (window as unknown as { __longTasks: typeof seen }).__longTasks = seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** Clicks the conversation and waits for the frame after the one that shows its last message at the bottom. */
async function openAndWaitForBottom(page: Page, lastKey: string): Promise<{ openMs: number; from: number }> {
  return page.evaluate(async (last) => {
    performance.mark('open-from');
    const from = performance.now();
    document.querySelector<HTMLElement>('[data-testid="queue-item"]')?.click();
    await new Promise<void>((resolve) => {
      const check = (): void => {
        const log = document.querySelector('[data-testid="thread"]');
        const row = log?.querySelector(`[data-key="${last}"]`);
        if (log && row) {
          const box = log.getBoundingClientRect();
          const rect = row.getBoundingClientRect();
          if (rect.bottom <= box.bottom + 2 && rect.bottom > box.top) {
            resolve();
            return;
          }
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    // The rAF after the one that found it runs once that frame has been painted.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const openMs = performance.now() - from;
    performance.mark('open-to');
    return { openMs, from };
  }, lastKey);
}

/**
 * Scrolls from the bottom to the first message, about 1/300 of the thread per frame, recording each frame's
 * interval. Older pages load on the way up (the paged view), so it runs until message 0 is on screen.
 */
async function scrollToTop(page: Page): Promise<{ frames: number[]; from: number }> {
  return page.evaluate(async () => {
    const log = document.querySelector<HTMLElement>('[data-testid="thread"]');
    if (!log) throw new Error('no thread');
    const from = performance.now();
    const frames: number[] = [];
    let last = performance.now();
    for (let guard = 0; guard < 5000; guard += 1) {
      if (log.scrollTop === 0 && log.querySelector('[data-key="m0"]')) break;
      // The step grows as older pages arrive, so the whole thread takes a few hundred frames.
      log.scrollTop = Math.max(0, log.scrollTop - Math.max(2 * log.clientHeight, log.scrollHeight / 300));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    return { frames, from };
  });
}

async function longTasksSince(page: Page, from: number, to = Number.POSITIVE_INFINITY): Promise<number[]> {
  return page.evaluate(
    ([start, end]) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((task) => task.start >= start && task.start < end).map((task) => task.duration),
    [from, to] as const,
  );
}

async function round(browser: Browser, host: UiHost, mode: Mode): Promise<Round> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    // tsx keeps function names with an `__name` helper that the page does not have.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.addInitScript(observeLongTasks);
    const url = new URL(host.url);
    if (mode === 'full') url.search = '?list=full';
    if (mode === 'cold') url.search = '?warm=off';
    await page.goto(url.toString());
    await page.getByTestId('queue-item').first().waitFor({ timeout: 30_000 });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    const lastKey = `m${messageCount - 1}`;
    let openCost: MainThreadCost | undefined;
    let open: { openMs: number; from: number };
    if (traceCpu) ({ value: open, cost: openCost } = await traceMainThread(page, 'open-from', 'open-to', () => openAndWaitForBottom(page, lastKey)));
    else open = await openAndWaitForBottom(page, lastKey);
    const scrollStart = await page.evaluate(() => performance.now());
    const openLongTasks = await longTasksSince(page, open.from, scrollStart);
    const scroll = await scrollToTop(page);
    const scrollLongTasks = await longTasksSince(page, scroll.from);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    await cdp.detach();
    return { openMs: open.openMs, openCost, openLongTasks, scrollFrames: scroll.frames, scrollLongTasks, heapMb: heap.usedSize / 1_048_576, domNodes };
  } finally {
    await page.close();
  }
}

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/**
 * Opens a 10,000-message conversation in the real renderer (served with a scripted contract) and scrolls it
 * from the bottom to the top: time to the first painted frame at the bottom, long tasks, frame intervals and
 * JS heap. The window opens on the newest page and pages older ones in as the agent scrolls up; the baseline is
 * the same build fetching the whole thread and rendering every message (`?list=full`), rounds interleaved.
 */
const bench: Benchmark = {
  name: 'ui-conversation',
  async run() {
    const host = await startUiHost(benchMessages(messageCount));
    const browser = await launchChromium();
    const results: Record<Mode, Round[]> = { virtual: [], cold: [], full: [] };
    try {
      // One untimed round each warms the browser's caches.
      await round(browser, host, 'virtual');
      await round(browser, host, 'full');
      for (let index = 0; index < rounds; index += 1) {
        for (const mode of ['virtual', 'cold', 'full'] as const) results[mode].push(await round(browser, host, mode));
      }
    } finally {
      await browser.close();
      await host.close();
    }
    const virtual = results.virtual;
    const cold = results.cold;
    const full = results.full;
    const longest = (list: Round[]): number => Math.max(0, ...list.flatMap((entry) => entry.openLongTasks));
    const perOpen = (list: Round[]): number => list.reduce((count, entry) => count + entry.openLongTasks.length, 0) / Math.max(1, list.length);
    const cpu = (list: Round[]): number[] => list.flatMap((entry) => (entry.openCost ? [entry.openCost.cpuMs] : []));
    const largestCpu = (list: Round[]): number => Math.max(0, ...list.map((entry) => entry.openCost?.largestTaskCpuMs ?? 0));
    const cpuFigures: BenchFigure[] = traceCpu
      ? [
          {
            label: `open ${messageCount} msgs, main-thread CPU`,
            unit: 'ms',
            subject: percentiles(cpu(virtual)),
            baselineLabel: 'first open cold (?warm=off)',
            baseline: percentiles(cpu(cold)),
            extra: { largestTaskCpuMs: largestCpu(virtual), coldLargestTaskCpuMs: largestCpu(cold), fullCpuMsP50: percentiles(cpu(full)).p50, fullLargestTaskCpuMs: largestCpu(full) },
          },
        ]
      : [];
    const figures: BenchFigure[] = [
      {
        label: `open ${messageCount} msgs, warmed while idle`,
        unit: 'ms',
        subject: percentiles(virtual.map((entry) => entry.openMs)),
        baselineLabel: 'first open cold (?warm=off)',
        baseline: percentiles(cold.map((entry) => entry.openMs)),
        extra: { longTasksOpen: perOpen(virtual), longestOpenTaskMs: longest(virtual), coldLongTasksOpen: perOpen(cold), coldLongestOpenTaskMs: longest(cold) },
      },
      {
        label: `open ${messageCount} msgs, painted at bottom`,
        unit: 'ms',
        subject: percentiles(virtual.map((entry) => entry.openMs)),
        baselineLabel: 'all fetched, no virtualisation',
        baseline: percentiles(full.map((entry) => entry.openMs)),
        extra: {
          longTasksOpen: virtual.reduce((count, entry) => count + entry.openLongTasks.length, 0) / virtual.length,
          longestOpenTaskMs: Math.max(0, ...virtual.flatMap((entry) => entry.openLongTasks)),
          baselineLongTasksOpen: full.reduce((count, entry) => count + entry.openLongTasks.length, 0) / full.length,
          baselineLongestOpenTaskMs: Math.max(0, ...full.flatMap((entry) => entry.openLongTasks)),
        },
      },
      {
        label: 'scroll bottom→top, frame interval',
        unit: 'ms',
        subject: percentiles(virtual.flatMap((entry) => entry.scrollFrames)),
        baselineLabel: 'no virtualisation',
        baseline: percentiles(full.flatMap((entry) => entry.scrollFrames)),
        extra: {
          framesPerRound: virtual.reduce((count, entry) => count + entry.scrollFrames.length, 0) / virtual.length,
          longTasksScroll: virtual.reduce((count, entry) => count + entry.scrollLongTasks.length, 0) / virtual.length,
          longTaskMsScroll: sum(virtual.flatMap((entry) => entry.scrollLongTasks)) / virtual.length,
          baselineLongTasksScroll: full.reduce((count, entry) => count + entry.scrollLongTasks.length, 0) / full.length,
        },
      },
      {
        label: 'JS heap after open and scroll',
        unit: 'MB',
        subject: percentiles(virtual.map((entry) => entry.heapMb)),
        baselineLabel: 'no virtualisation',
        baseline: percentiles(full.map((entry) => entry.heapMb)),
        extra: { domNodes: virtual[0]?.domNodes ?? 0, baselineDomNodes: full[0]?.domNodes ?? 0 },
      },
      ...cpuFigures,
    ];
    return { name: 'ui-conversation', figures };
  },
};

export default bench;
