import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomicSync } from '../../../src-main/core/files/atomic-write';
import { repoRoot } from '../../../src-main/core/paths/repo-root';

const dir = mkdtempSync(join(tmpdir(), 'atomic-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const writer = join(repoRoot(), 'test', 'core', 'files', 'concurrent-writer.ts');

function run(kind: string, file: string, letter: string, count: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, kind, file, letter, String(count)], { cwd: repoRoot(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', (code) => resolve({ code, stderr: stderr.slice(-600) }));
  });
}

/** Whole and unmixed: every string in the file is written by one writer only. */
function checkWhole(text: string, kind: string): void {
  const parsed = JSON.parse(text) as unknown;
  const strings = JSON.stringify(parsed).match(/"(a{50,}|b{50,})[^"]*"/g) ?? [];
  expect(strings.length, kind).toBeGreaterThan(0);
  const letters = new Set(strings.map((value) => value[1]));
  if (kind !== 'ledger') expect(letters.size, `${kind}: one writer per file`).toBe(1);
  const blob = (text.match(/a{1000,}|b{1000,}/g) ?? []).map((value) => value.length);
  for (const length of blob) expect(length, kind).toBe(kind === 'ledger' ? 2_000 : kind === 'mcp-settings' ? 1_900 : 200_000);
}

describe('atomic file writes', () => {
  it('the helper writes with the given mode and leaves no temporary file', () => {
    const file = join(dir, 'one', 'settings.json');
    writeFileAtomicSync(file, '{"ok":true}', { mode: 0o600 });
    expect(readFileSync(file, 'utf8')).toBe('{"ok":true}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'one'))).toEqual(['settings.json']);
  });

  for (const kind of ['helper', 'mcp-secrets', 'desktop-secrets', 'mcp-settings', 'ledger']) {
    it(`${kind}: two processes writing the same file never leave a torn or mixed file, and neither fails`, async () => {
      const folder = mkdtempSync(join(dir, `${kind}-`));
      const file = join(folder, 'file.json');
      let done = false;
      const both = Promise.all([run(kind, file, 'a', 80), run(kind, file, 'b', 80)]).finally(() => (done = true));
      let reads = 0;
      while (!done) {
        let text: string | undefined;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          text = undefined;
        }
        if (text !== undefined) {
          checkWhole(text, kind);
          reads += 1;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      const [first, second] = await both;
      expect(first, first.stderr).toMatchObject({ code: 0 });
      expect(second, second.stderr).toMatchObject({ code: 0 });
      checkWhole(readFileSync(file, 'utf8'), kind);
      expect(reads).toBeGreaterThan(0);
      expect(readdirSync(folder).filter((name) => name !== 'file.json')).toEqual([]);
    }, 120_000);
  }
});
