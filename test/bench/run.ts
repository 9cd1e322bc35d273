import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatFigure, type Benchmark, type BenchReport } from './harness';

/**
 * Runs every `test/bench/*.bench.ts` (or those named on the command line) and writes
 * all figures to test-results/bench.json. Benchmarks never run inside `npm test`.
 */
async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const wanted = new Set(process.argv.slice(2));
  const files = readdirSync(here)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort();
  const reports: BenchReport[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark };
    const bench = module.default;
    if (wanted.size > 0 && !wanted.has(bench.name)) continue;
    process.stdout.write(`\n${bench.name}\n`);
    const report = await bench.run();
    for (const figure of report.figures) process.stdout.write(`${formatFigure(figure)}\n`);
    reports.push(report);
  }
  const out = join(here, '..', '..', 'test-results', 'bench.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, reports }, null, 2));
  process.stdout.write(`\nwrote ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
