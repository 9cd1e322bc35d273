import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../src-main/core/paths/repo-root';

const dataDir = mkdtempSync(join(tmpdir(), 'copilot-kb-log-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('LanceDB’s own log lines', () => {
  it('never reach the terminal of a CLI user, even when the index is created', async () => {
    const root = repoRoot();
    const env = { ...process.env };
    delete env.LANCEDB_LOG;
    delete env.RUST_LOG;
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src-main/cli/main.ts', 'kb', 'index', '--articles', join(import.meta.dirname, 'fixtures', 'kb'), '--data', dataDir],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
    expect(stdout).toMatch(/added 4/);
    expect(stderr).not.toMatch(/No existing dataset|lance::|WARN/);
  }, 60_000);
});
