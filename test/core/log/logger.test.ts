import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../src-main/core/log/logger';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'copilot-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('file logger', () => {
  it('writes JSON lines and drops debug lines unless debug logging is on', () => {
    const dir = tempDir();
    const logger = createFileLogger({ dir });
    logger.info('synced', { pages: 3 });
    logger.debug('message text: hello');
    const lines = readFileSync(join(dir, 'copilot.log'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'info', message: 'synced', pages: 3 });
  });

  it('rotates by size and keeps a bounded number of generations', () => {
    const dir = tempDir();
    const logger = createFileLogger({ dir, maxBytes: 200, keep: 2 });
    for (let index = 0; index < 50; index += 1) logger.warn('line', { index });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['copilot.log', 'copilot.log.1', 'copilot.log.2']);
  });

  it('scrubs a line before it is written', () => {
    const dir = tempDir();
    const logger = createFileLogger({ dir, scrub: (text) => text.replaceAll('jane@example.com', '[EMAIL]') });
    logger.error('delivery failed', { to: 'jane@example.com' });
    expect(readFileSync(join(dir, 'copilot.log'), 'utf8')).not.toContain('jane@example.com');
  });
});
