import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { McpServerView } from '../../../src-main/core/contract/index';
import { carrierEntryPath } from '../../../src-main/core/mcp/demo-carrier/index';
import { repoRoot } from '../../../src-main/core/paths/repo-root';

const dir = mkdtempSync(join(tmpdir(), 'mcp-servers-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run cli -- mcp servers', () => {
  it('connects a hand-written server list once and reports each tool as read or write, and a server that is down', async () => {
    // The README's shape: a stdio command with its arguments, and an HTTP URL.
    const servers = [
      { id: 'carrier', name: 'Parcelo carrier', trustedForReads: true, transport: { type: 'stdio', command: process.execPath, args: ['--import', 'tsx', carrierEntryPath()] } },
      { id: 'down', name: 'Down server', transport: { type: 'http', url: 'http://127.0.0.1:9/mcp' }, timeoutMs: 2000 },
    ];
    writeFileSync(join(dir, 'mcp-servers.json'), JSON.stringify({ version: 1, servers }));
    const root = repoRoot();
    const run = promisify(execFile)(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src-main/cli/main.ts', 'mcp', 'servers', '--data', dir, '--yes', '--json'], { cwd: root, timeout: 60_000 });
    // One server is down, so the command exits 1 after printing.
    const failure = (await run.then(() => undefined, (error: unknown) => error)) as { code?: number; stdout?: string } | undefined;
    expect(failure?.code).toBe(1);
    const report = JSON.parse((failure?.stdout ?? '').trim().split('\n').at(-1) ?? '{}') as { servers: McpServerView[] };
    const byId = new Map(report.servers.map((server) => [server.id, server]));
    expect(byId.get('carrier')).toMatchObject({ state: 'ready', tools: [expect.objectContaining({ qualifiedName: 'carrier__track_shipment', access: 'read' }), expect.objectContaining({ qualifiedName: 'carrier__reschedule_delivery', access: 'write' })] });
    expect(byId.get('down')).toMatchObject({ state: 'error', error: expect.stringMatching(/^Down server is not reachable/) });
  }, 90_000);

  it('starts no stdio program without --yes when nobody is at a terminal to ask', async () => {
    const folder = join(dir, 'no-yes');
    const marker = join(folder, 'ran');
    mkdirSync(folder, { recursive: true });
    const servers = [{ id: 'shell', name: 'Shell', transport: { type: 'stdio', command: '/bin/sh', args: ['-c', `touch '${marker}'`] }, timeoutMs: 2000 }];
    writeFileSync(join(folder, 'mcp-servers.json'), JSON.stringify({ version: 1, servers }));
    const root = repoRoot();
    const run = promisify(execFile)(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src-main/cli/main.ts', 'mcp', 'servers', '--data', folder, '--json'], { cwd: root, timeout: 60_000 });
    const failure = (await run.then(() => undefined, (error: unknown) => error)) as { code?: number; stdout?: string } | undefined;
    expect(failure?.code).toBe(1);
    const report = JSON.parse((failure?.stdout ?? '').trim().split('\n').at(-1) ?? '{}') as { servers: McpServerView[] };
    expect(report.servers.find((server) => server.id === 'shell')).toMatchObject({ state: 'error', error: expect.stringContaining('--yes') });
    expect(existsSync(marker)).toBe(false);
  }, 90_000);
});
