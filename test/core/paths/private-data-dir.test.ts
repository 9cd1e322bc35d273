import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { preparePrivateDataDir } from '../../../src-main/core/paths/private-data-dir';
import { openCacheDatabase } from '../../../src-main/core/storage/index';

const mode = (path: string): number => statSync(path).mode & 0o777;
const made: string[] = [];
const initialUmask = process.umask();

afterEach(() => {
  process.umask(initialUmask);
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('data folder is private to its owner', () => {
  it('tightens a folder left 0755 with 0644 files by an older version: folders 0700, files 0600', () => {
    const parent = mkdtempSync(join(tmpdir(), 'copilot-private-'));
    made.push(parent);
    const dir = join(parent, 'Support Copilot');
    mkdirSync(join(dir, 'logs'), { recursive: true });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'logs'), 0o755);
    writeFileSync(join(dir, 'cache.db'), 'x', { mode: 0o644 });
    writeFileSync(join(dir, 'logs', 'copilot.log'), 'x', { mode: 0o644 });
    chmodSync(join(dir, 'cache.db'), 0o644);
    chmodSync(join(dir, 'logs', 'copilot.log'), 0o644);

    preparePrivateDataDir(dir);

    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'logs'))).toBe(0o700);
    expect(mode(join(dir, 'cache.db'))).toBe(0o600);
    expect(mode(join(dir, 'logs', 'copilot.log'))).toBe(0o600);
  });

  it('creates a new folder 0700, and the cache database with its WAL files 0600', () => {
    const parent = mkdtempSync(join(tmpdir(), 'copilot-private-'));
    made.push(parent);
    process.umask(0o022);
    const dir = join(parent, 'fresh');
    preparePrivateDataDir(dir);
    expect(mode(dir)).toBe(0o700);
    const db = openCacheDatabase(join(dir, 'cache.db'));
    try {
      for (const file of ['cache.db', 'cache.db-wal', 'cache.db-shm']) expect(mode(join(dir, file))).toBe(0o600);
    } finally {
      db.close();
    }
  });
});
