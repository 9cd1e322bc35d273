import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalLaunchConsent } from '../../../src-main/cli/commands/mcp-launch-consent';
import { dispatch } from '../../../src-main/core/contract/dispatch';
import { createCore, type Core } from '../../../src-main/core/core';
import { silentLogger } from '../../../src-main/core/log/logger';
import { createMcpHub, createMemorySecretStore, createMemorySettingsStore } from '../../../src-main/core/mcp/client/index';
import { createFileLaunchApprovals, createLaunchGate, createMemoryLaunchApprovals } from '../../../src-main/core/mcp/client/process-launch-consent';
import { mcpServerConfigSchema } from '../../../src-main/core/mcp/client/settings';
import { startMcpService } from '../../../src-main/core/mcp/mcp-service';
import { agentSaysYes } from './agent-says-yes';

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

describe('the launch gate: a yes is worth exactly one command, its arguments and its environment', () => {
  const script = (marker: string) => ({ type: 'stdio' as const, command: '/bin/sh', args: ['-c', `echo x >> '${marker}'`], env: { LANG: 'C' } });
  const runs = (marker: string) => (existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').filter(Boolean).length : 0);

  it('asks once, remembers the yes across restarts, and asks again when the command, an argument, the folder or a variable changes', async () => {
    const folder = mkdtempSync(join(dir, 'gate-'));
    const marker = join(folder, 'runs');
    const consent = agentSaysYes();
    const approvals = createFileLaunchApprovals(join(folder, 'approvals.json'));
    const hub = createMcpHub({ settings: createMemorySettingsStore(), secrets: createMemorySecretStore(), launchConsent: consent, launchApprovals: approvals });
    try {
      await hub.testServer({ id: 'tool', name: 'Tool', transport: script(marker), timeoutMs: 1_000 });
      expect(consent.asked).toHaveLength(1);
      expect(consent.asked[0]).toMatchObject({ serverId: 'tool', command: '/bin/sh', args: ['-c', `echo x >> '${marker}'`], env: { LANG: 'C' } });
      expect(runs(marker)).toBe(1);
      await hub.testServer({ id: 'tool', name: 'Renamed, same command', transport: script(marker), timeoutMs: 1_000 });
      expect(consent.asked).toHaveLength(1);
      for (const changed of [
        { ...script(marker), args: ['-c', `echo y >> '${marker}'`] },
        { ...script(marker), env: { LANG: 'C', LD_PRELOAD: '/tmp/evil.so' } },
        { ...script(marker), env: { LANG: 'de_DE' } },
        { ...script(marker), cwd: folder },
        { ...script(marker), command: '/usr/bin/env', args: ['sh', '-c', `echo x >> '${marker}'`] },
      ]) {
        const before = consent.asked.length;
        await hub.testServer({ id: 'tool', name: 'Tool', transport: changed, timeoutMs: 1_000 });
        expect(consent.asked.length, JSON.stringify(changed)).toBe(before + 1);
      }
    } finally {
      await hub.close();
    }
    // Another run of the app: the file remembers fingerprints, never the command line itself.
    expect(readFileSync(join(folder, 'approvals.json'), 'utf8')).not.toContain('/bin/sh');
    const later = agentSaysYes();
    const again = createMcpHub({ settings: createMemorySettingsStore(), secrets: createMemorySecretStore(), launchConsent: later, launchApprovals: createFileLaunchApprovals(join(folder, 'approvals.json')) });
    try {
      await again.testServer({ id: 'tool', name: 'Tool', transport: script(marker), timeoutMs: 1_000 });
      expect(later.asked).toHaveLength(0);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('asks on the first start of a hand-written mcp-servers.json entry, and a no starts nothing and is not asked again by reconnects', async () => {
    const folder = mkdtempSync(join(dir, 'hand-'));
    const marker = join(folder, 'runs');
    writeFileSync(join(folder, 'mcp-servers.json'), JSON.stringify({ version: 1, servers: [{ id: 'hand', name: 'Hand-written', transport: script(marker), timeoutMs: 1_000 }] }));
    const asked: string[] = [];
    const service = startMcpService({
      dataDir: folder,
      retryIntervalMs: 0,
      secrets: createMemorySecretStore(),
      launchConsent: { remembersApprovals: true, ask: async (request) => (asked.push(request.serverId), { allowed: false, reason: 'you chose not to start it' }) },
    });
    try {
      await service.ready;
      expect(asked).toEqual(['hand']);
      const [server] = service.hub.servers();
      expect(server).toMatchObject({ id: 'hand', state: 'error', error: 'Hand-written was not started: you chose not to start it.' });
      await expect(service.hub.call('hand__anything', {})).rejects.toThrow();
      expect(asked).toEqual(['hand']);
      expect(runs(marker)).toBe(0);
      // Switching it off and on is the agent acting on it: the question comes again.
      await service.hub.setEnabled('hand', false);
      await service.hub.setEnabled('hand', true);
      expect(asked).toEqual(['hand', 'hand']);
    } finally {
      await service.close();
    }
  }, 60_000);

  it('lets the host’s own demo carrier start without asking, but not another command under its id', async () => {
    const folder = mkdtempSync(join(dir, 'carrier-'));
    const marker = join(folder, 'runs');
    const consent = { remembersApprovals: true, asked: 0, ask: async () => ((consent.asked += 1), { allowed: false as const, reason: 'no' }) };
    const service = startMcpService({ dataDir: folder, demoCarrier: 'stdio', retryIntervalMs: 0, secrets: createMemorySecretStore(), launchConsent: consent });
    try {
      await service.ready;
      expect(service.hub.servers().find((server) => server.id === 'carrier')?.state).toBe('ready');
      expect(consent.asked).toBe(0);
      const tested = await service.hub.testServer({ id: 'carrier', name: 'Carrier', transport: script(marker), timeoutMs: 1_000 });
      expect(tested.ok).toBe(false);
      expect(consent.asked).toBe(1);
      expect(runs(marker)).toBe(0);
    } finally {
      await service.close();
    }
  }, 60_000);
});

describe('the CLI asks on its terminal', () => {
  const request = { serverId: 'tool', serverName: 'Tool', command: '/bin/sh', args: ['-c', 'echo hi'], cwd: undefined, env: { LANG: 'C' } };
  const terminal = (answer: string) => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => {
      shown += chunk.toString('utf8');
      if (shown.includes('[y/N]')) input.write(`${answer}\n`);
    });
    return { input, output, shown: () => shown };
  };

  it('shows the program, its arguments and its environment, and starts it only on a yes', async () => {
    for (const [answer, allowed] of [['y', true], ['yes', true], ['', false], ['n', false], ['yess', false]] as const) {
      const tty = terminal(answer);
      const verdict = await terminalLaunchConsent({ yes: false, input: tty.input, output: tty.output }).ask(request);
      expect(verdict.allowed, answer).toBe(allowed);
      expect(tty.shown()).toContain('/bin/sh');
      expect(tty.shown()).toContain('"echo hi"');
      expect(tty.shown()).toContain('LANG=C');
    }
  });

  it('takes --yes, and without a terminal or --yes refuses with the way forward', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: false });
    expect(await terminalLaunchConsent({ yes: true, input, output: new PassThrough() }).ask(request)).toEqual({ allowed: true });
    expect(await terminalLaunchConsent({ yes: false, input, output: new PassThrough() }).ask(request)).toMatchObject({ allowed: false, reason: expect.stringContaining('--yes') });
  });
});

describe('questions, one at a time', () => {
  it('never has two launch questions open at once, and asks once for the same command wanted twice', async () => {
    let open = 0;
    let most = 0;
    const asked: string[] = [];
    const consent = {
      remembersApprovals: true,
      ask: async (request: { serverId: string }) => {
        open += 1;
        most = Math.max(most, open);
        asked.push(request.serverId);
        await new Promise((resolve) => setImmediate(resolve));
        open -= 1;
        return { allowed: false as const, reason: 'no' };
      },
    };
    const gate = createLaunchGate(consent, createMemoryLaunchApprovals());
    const config = (id: string, command: string) => mcpServerConfigSchema.parse({ id, name: id, transport: { type: 'stdio', command } });
    const attempts = [config('a', '/bin/a'), config('b', '/bin/b'), config('c', '/bin/c'), config('a2', '/bin/a')].map((item) => gate.authorize(item).catch((error: unknown) => error));
    const results = await Promise.all(attempts);
    expect(results.every((result) => result instanceof Error)).toBe(true);
    expect(most).toBe(1);
    expect(asked).toEqual(['a', 'b', 'c']);
  });
});
