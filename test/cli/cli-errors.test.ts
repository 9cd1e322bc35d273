import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src-main/core/paths/repo-root';

const dir = mkdtempSync(join(tmpdir(), 'cli-errors-'));
const root = repoRoot();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run cli -- …` as a person would, with its own data folder and no CRM in the environment. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('COPILOT_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src-main/cli/main.ts', ...args], { cwd: root, timeout: 90_000, env: { ...clean, COPILOT_DATA_DIR: join(dir, 'data'), ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A stack trace or a raw library error would show its frames or its class name. */
function expectPlain(run: Run): void {
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toMatch(/ZodError|ENOENT|Error:/);
}

let crm: Server;
let crmUrl = '';
beforeAll(async () => {
  // HubSpot answers a bad private-app token with 401 and this body (its published error shape).
  crm = createServer((_request, response) => {
    response.writeHead(401, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: 'error', message: 'Authentication credentials not found.', correlationId: '00000000-0000-0000-0000-000000000000', category: 'INVALID_AUTHENTICATION' }));
  });
  await new Promise<void>((resolve) => crm.listen(0, '127.0.0.1', resolve));
  crmUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}`;
  writeFileSync(join(dir, 'wrong-shape.json'), JSON.stringify({ messages: [{ from: 'customer', text: 'hi' }] }));
  writeFileSync(join(dir, 'other-columns.csv'), 'text,label\nwhere is my order,order_status\n');
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'articles', 'refunds.md'), '# Refunds\n\nRefunds take five days.\n');
});
afterAll(async () => {
  await new Promise((resolve) => crm.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('CLI errors: a plain message and a non-zero exit', () => {
  it('copilot replay with a file of another shape says which shapes it reads', async () => {
    const run = await cli(['copilot', 'replay', '--conversation', join(dir, 'wrong-shape.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('not in the format this command reads');
    expect(run.stderr).toMatch(/turns/);
    expect(run.stderr).toMatch(/original/);
    expectPlain(run);
  });

  it('kb index with a folder that does not exist names the folder', async () => {
    const run = await cli(['kb', 'index', '--articles', join(dir, 'nope'), '--data', join(dir, 'kb')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`there is no folder ${join(dir, 'nope')}`);
    expectPlain(run);
  });

  it('kb eval with a CSV of other columns names the columns found and wanted, instead of n=0', async () => {
    const run = await cli(['kb', 'eval', '--articles', join(dir, 'articles'), '--queries', join(dir, 'other-columns.csv')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('has the columns text, label');
    expect(run.stderr).toContain('query, relevant_id');
    expect(run.stdout).not.toContain('n=0');
    expectPlain(run);
  });

  it('eval intent with a CSV of other columns says so, instead of n=0', async () => {
    const run = await cli(['eval', 'intent', '--data', join(dir, 'other-columns.csv')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('utterance, intent');
    expect(run.stdout).not.toContain('n=0');
    expectPlain(run);
  });

  it('an unknown command is called unknown, then the help', async () => {
    const run = await cli(['frobnicate', 'now']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Unknown command: frobnicate now/);
    expect(run.stderr).toContain('Usage: npm run cli');
  });

  it('sync with a bad token says what to do on the command line, not in Settings', async () => {
    const run = await cli(['sync', '--crm', crmUrl, '--token', 'wrong', '--db', join(dir, 'cache.db')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('refused our credentials');
    expect(run.stderr).toContain('--token');
    expect(run.stderr).not.toContain('Settings');
  });
});

describe("info and mcp servers describe the app's own state", () => {
  it('mcp servers lists the demo workspace’s built-in carrier', async () => {
    const run = await cli(['mcp', 'servers', '--data', join(dir, 'mcp')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/built in, demo workspace; carrier/);
    expect(run.stdout).toContain('carrier__track_shipment');
    expect(run.stdout).not.toContain('No MCP servers');
  });

  it('info uses the data folder the app uses and waits for the services to settle', async () => {
    const data = join(dir, 'app-data');
    const run = await cli(['info', '--json'], { COPILOT_DATA_DIR: data });
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { dataDir: string; workspace: string; services: { name: string; state: string }[] };
    expect(info.dataDir).toBe(data);
    expect(info.workspace).toBe('demo');
    expect(info.services.map((service) => service.name)).toEqual(expect.arrayContaining(['core', 'crm']));
    expect(info.services.find((service) => service.name === 'crm')?.state).toBe('ready');
  }, 120_000);
});
