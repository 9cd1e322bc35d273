import type { CDPSession, Page } from '@playwright/test';
import { launchChromium } from '../fixtures/chromium';
import { percentiles, type Benchmark } from './harness';
import { benchConversationId, benchMessages, benchTurn, startUiHost } from './ui-host';

const tokenCount = Number(process.env.UI_STREAM_TOKENS ?? 2000);
const tokensPerSecond = 100;
const windowMs = 1000;
const words = 'thanks for waiting I have checked your order and the parcel left our warehouse yesterday so it should arrive'.split(' ');

interface Sample {
  taskMs: number;
  layoutMs: number;
  frames: number;
  chars: number;
}

/** Counts frames and remembers how long the streaming suggestion is, for the samples taken from outside. */
function countFrames(): void {
  const state = { frames: 0 };
  (window as unknown as { __frames: typeof state }).__frames = state;
  const tick = (): void => {
    state.frames += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const seen: number[] = [];
  (window as unknown as { __longTasks: number[] }).__longTasks = seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.push(entry.duration);
  }).observe({ type: 'longtask' });
}

async function sample(page: Page, cdp: CDPSession): Promise<Sample> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string): number => (metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000;
  const inPage = await page.evaluate(() => ({
    frames: (window as unknown as { __frames: { frames: number } }).__frames.frames,
    chars: document.querySelector('[data-testid="suggestion"] [data-testid="suggestion-text"]')?.textContent?.length ?? 0,
  }));
  return { taskMs: metric('TaskDuration'), layoutMs: metric('LayoutDuration') + metric('RecalcStyleDuration'), ...inPage };
}

/** Main-thread milliseconds per frame in each window between consecutive samples, tagged with the text length at its end. */
function perFrame(samples: Sample[]): { taskPerFrame: number; layoutPerFrame: number; chars: number }[] {
  return samples.slice(1).map((current, index) => {
    const previous = samples[index]!;
    const frames = Math.max(1, current.frames - previous.frames);
    return { taskPerFrame: (current.taskMs - previous.taskMs) / frames, layoutPerFrame: (current.layoutMs - previous.layoutMs) / frames, chars: current.chars };
  });
}

const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

/**
 * A 2,000-token suggestion streamed at 100 tokens/s into the real renderer: main-thread time per frame
 * (Chromium's TaskDuration over the frames drawn, per second) while the text is in its last quarter,
 * against its first quarter in the same stream. Flat means the ratio stays near 1.
 */
const bench: Benchmark = {
  name: 'ui-stream',
  async run() {
    const host = await startUiHost(benchMessages(20));
    let startStream: () => void = () => undefined;
    const streamAllowed = new Promise<void>((resolve) => (startStream = resolve));
    let fullText = '';
    host.answers.set('copilot.state', () => null);
    host.answers.set('copilot.turn', async (_input, push) => {
      await streamAllowed;
      const begin = Date.now();
      for (let index = 0; index < tokenCount; index += 1) {
        const token = `${index === 0 ? '' : ' '}${words[index % words.length]}`;
        fullText += token;
        push('copilot.token', { conversationId: benchConversationId, suggestionIndex: 0, token });
        // Drift-free pacing: token i leaves at begin + i × 10 ms.
        const wait = begin + ((index + 1) * 1000) / tokensPerSecond - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      return benchTurn(benchConversationId, fullText);
    });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      await page.addInitScript(countFrames);
      await page.goto(host.url);
      await page.getByTestId('queue-item').first().click();
      await page.getByTestId('thread').waitFor();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const idle: Sample[] = [];
      for (let index = 0; index < 4; index += 1) {
        idle.push(await sample(page, cdp));
        await new Promise((resolve) => setTimeout(resolve, windowMs));
      }
      startStream();
      const streaming: Sample[] = [await sample(page, cdp)];
      const longTasksBefore = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.length);
      const deadline = Date.now() + (tokenCount / tokensPerSecond) * 1000 + 10_000;
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, windowMs));
        streaming.push(await sample(page, cdp));
        const done = await page.getByTestId('suggestion').first().getAttribute('aria-busy');
        if (done === 'false') break;
      }
      await page.screenshot({ path: 'test-results/ui-stream-done.png' });
      const longTasks = await page.evaluate((from) => (window as unknown as { __longTasks: number[] }).__longTasks.slice(from), longTasksBefore);
      await cdp.detach();
      const windows = perFrame(streaming).filter((entry) => entry.chars > 0);
      const finalChars = fullText.length;
      const early = windows.filter((entry) => entry.chars <= finalChars * 0.25);
      const late = windows.filter((entry) => entry.chars >= finalChars * 0.75 && entry.chars < finalChars);
      const idleWindows = perFrame(idle);
      const framesPerSecond = mean(perFrame(streaming).map((_, index) => streaming[index + 1]!.frames - streaming[index]!.frames)) / (windowMs / 1000);
      return {
        name: 'ui-stream',
        figures: [
          {
            label: `main thread per frame, last quarter`,
            unit: 'ms',
            subject: percentiles(late.map((entry) => entry.taskPerFrame)),
            baselineLabel: 'first quarter',
            baseline: percentiles(early.map((entry) => entry.taskPerFrame)),
            extra: {
              idleMsPerFrame: mean(idleWindows.map((entry) => entry.taskPerFrame)),
              layoutStyleLate: mean(late.map((entry) => entry.layoutPerFrame)),
              layoutStyleEarly: mean(early.map((entry) => entry.layoutPerFrame)),
              framesPerSecond,
              longTasks: longTasks.length,
              tokens: tokenCount,
              chars: finalChars,
            },
          },
        ],
      };
    } finally {
      await browser.close();
      await host.close();
    }
  },
};

export default bench;
