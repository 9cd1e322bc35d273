import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src-main/core/contract/dispatch';
import { createCore, type Core } from '../../../src-main/core/core';
import { silentLogger } from '../../../src-main/core/log/logger';

let dir: string;
let core: Core;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mcp-launch-'));
  core = await createCore({ dataDir: join(dir, 'app'), host: 'test', crm: { url: 'http://127.0.0.1:9' } }, { logger: silentLogger });
}, 60_000);
afterAll(async () => {
  await core?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('the contract alone never launches a process', () => {
  it('mcp.servers.test with a stdio /bin/sh command starts nothing without a consent only main can give', async () => {
    const marker = join(dir, 'ran');
    const answer = await dispatch(core.handlers, 'mcp.servers.test', { id: 'evil', name: 'Evil', transport: { type: 'stdio', command: '/bin/sh', args: ['-c', `touch '${marker}'`] } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(marker)).toBe(false);
    expect(answer).toMatchObject({ ok: true, value: { ok: false, error: expect.stringMatching(/not started|not allowed/i) } });
  });

  it('mcp.servers.add with a stdio command saves it but starts nothing', async () => {
    const marker = join(dir, 'ran-add');
    const answer = await dispatch(core.handlers, 'mcp.servers.add', { id: 'evil2', name: 'Evil two', transport: { type: 'stdio', command: '/bin/sh', args: ['-c', `touch '${marker}'`] } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(marker)).toBe(false);
    expect(answer).toMatchObject({ ok: true, value: { id: 'evil2', state: 'error', error: expect.stringMatching(/not started|not allowed/i) } });
  });
});
