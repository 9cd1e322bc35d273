import { performance } from 'node:perf_hooks';

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export interface BenchFigure {
  /** What was measured, e.g. "full-text search". */
  label: string;
  unit: string;
  subject: Percentiles;
  /** The baseline measured in the same run, e.g. "SQLite LIKE scan". */
  baselineLabel: string;
  baseline: Percentiles;
  /** Anything else worth reporting: throughput, peak RSS, stalls. */
  extra?: Record<string, number | string>;
}

export interface BenchReport {
  name: string;
  figures: BenchFigure[];
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchReport>;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean };
}

/** Times `fn` `iterations` times after `warmup` untimed calls; returns milliseconds per call. */
export async function timeAsync(fn: (index: number) => Promise<unknown> | unknown, iterations: number, warmup = 5): Promise<Percentiles> {
  for (let index = 0; index < warmup; index += 1) await fn(index);
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const start = performance.now();
    await fn(index);
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

export function formatFigure(figure: BenchFigure): string {
  const ratio = figure.baseline.p50 > 0 ? figure.subject.p50 / figure.baseline.p50 : Number.NaN;
  const fmt = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(3));
  const extra = figure.extra
    ? `  ${Object.entries(figure.extra)
        .map(([key, value]) => `${key}=${typeof value === 'number' ? fmt(value) : value}`)
        .join(' ')}`
    : '';
  return (
    `  ${figure.label.padEnd(34)} p50 ${fmt(figure.subject.p50)} p95 ${fmt(figure.subject.p95)} ${figure.unit}` +
    `  | ${figure.baselineLabel}: p50 ${fmt(figure.baseline.p50)} p95 ${fmt(figure.baseline.p95)}` +
    `  | ratio ${fmt(ratio)}x${extra}`
  );
}
