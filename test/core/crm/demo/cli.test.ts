import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../src-main/core/paths/repo-root';

describe('npm run cli -- crm serve', () => {
  it('prints its URL as JSON, serves the seeded CRM with the given token, and stops on SIGTERM', async () => {
    const root = repoRoot();
    const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src-main/cli/main.ts', 'crm', 'serve', '--json', '--contacts', '25', '--seed', '4', '--token', 'cli-secret'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      const started = new Promise<{ url: string; counts: Record<string, number> }>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const line = stdout.split('\n').find((item) => item.startsWith('{'));
          if (line) resolve(JSON.parse(line) as { url: string; counts: Record<string, number> });
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const info = await started;
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info.counts.contacts).toBe(25);
      const refused = await fetch(`${info.url}/__demo/stats`, { headers: { Authorization: 'Bearer other' } });
      expect(refused.status).toBe(401);
      const stats = (await (await fetch(`${info.url}/__demo/stats`, { headers: { Authorization: 'Bearer cli-secret' } })).json()) as { counts: Record<string, number> };
      expect(stats.counts).toEqual(info.counts);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);

  it('refuses out-of-range flags with a usage error', async () => {
    const root = repoRoot();
    const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src-main/cli/main.ts', 'crm', 'serve', '--fail-rate', '3'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain('--fail-rate');
  }, 120_000);
});
