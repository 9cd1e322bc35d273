import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * The demo CRM in its own process, so a benchmark's stalls and memory are the sync's alone.
 * Started through the CLI (`crm serve --json`), whose last stdout line carries the URL.
 */
export async function startDemoCrmProcess(options: { seed: number; contacts: number; failRate?: number }): Promise<{ url: string; close(): Promise<void> }> {
  const cli = join(process.cwd(), 'src-main', 'cli', 'main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'crm', 'serve', '--seed', String(options.seed), '--contacts', String(options.contacts), ...(options.failRate ? ['--fail-rate', String(options.failRate)] : []), '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`demo CRM exited (${code}) before listening: ${output.slice(-300)}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
