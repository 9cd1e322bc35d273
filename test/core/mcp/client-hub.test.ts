import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFileSettingsStore,
  createMcpHub,
  createMemorySecretStore,
  createMemorySettingsStore,
  McpToolError,
  mcpTokenSecret,
  attachMcpOutbox,
  toLangChainTools,
  type McpHub,
  type McpServerConfigInput,
} from '../../../src-main/core/mcp/client/index';
import { demoCarrierServerConfig, shipmentFor } from '../../../src-main/core/mcp/demo-carrier/index';
import { agentSaysYes } from './agent-says-yes';
import { createCopilotMcpServer, openCopilotMcpSources, startMcpHttpServer, type McpHttpServer, type OpenedSources } from '../../../src-main/core/mcp/server/index';
import { createOutboxDelivery } from '../../../src-main/core/outbox/delivery-loop';
import { openCacheDatabase } from '../../../src-main/core/storage/index';
import { outboxStoreOf } from '../../../src-main/core/sync/outbox-worker';

function carrierConfig(ledger: string, overrides: Partial<McpServerConfigInput> = {}): McpServerConfigInput {
  return { ...demoCarrierServerConfig(ledger), name: 'Parcelo carrier', ...overrides };
}

const inTransitOrder = (() => {
  for (let index = 1; ; index += 1) if (shipmentFor({ orderId: `ORD-${2000 + index}` })!.status === 'in_transit') return `ORD-${2000 + index}`;
})();
const dayAfterEta = (orderId: string, days: number): string =>
  new Date(Date.parse(`${shipmentFor({ orderId })!.estimatedDelivery}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function waitFor(hub: McpHub, predicate: () => boolean, ms = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const timer = setTimeout(() => {
      stop();
      reject(new Error('condition not reached'));
    }, ms);
    const stop = hub.onChange(() => {
      if (!predicate()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

describe('MCP client hub against real servers', () => {
  let dir: string;
  let ledger: string;
  let hub: McpHub;
  let copilotSources: OpenedSources;
  let http: McpHttpServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcp-client-'));
    ledger = join(dir, 'ledger.json');
    copilotSources = await openCopilotMcpSources({ dataDir: join(dir, 'copilot') });
    http = await startMcpHttpServer({ createServer: () => createCopilotMcpServer(copilotSources.sources) });
    const secrets = createMemorySecretStore();
    hub = createMcpHub({ settings: createFileSettingsStore(join(dir, 'mcp-servers.json')), secrets, launchConsent: agentSaysYes() });
    await hub.addServer(carrierConfig(ledger));
    await hub.addServer({ id: 'kb', name: 'Copilot knowledge', trustedForReads: false, transport: { type: 'http', url: http.url } }, http.token);
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
    await http?.close();
    await copilotSources?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names tools server__tool and classifies read/write by readOnlyHint and the trusted-for-reads mark', () => {
    const servers = new Map(hub.servers().map((server) => [server.id, server]));
    expect(servers.get('carrier')?.state).toBe('ready');
    expect(servers.get('kb')?.state).toBe('ready');
    const access = Object.fromEntries(hub.tools().map((tool) => [tool.qualifiedName, tool.sideEffect ? 'write' : 'read']));
    expect(access).toMatchObject({ carrier__track_shipment: 'read', carrier__reschedule_delivery: 'write' });
    // The knowledge server says read-only, but nobody marked it trusted: it goes through approval.
    expect(access.kb__search_knowledge).toBe('write');
    expect(servers.get('kb')?.tools.every((tool) => tool.readOnlyHint && tool.access === 'write')).toBe(true);
  });

  it('keeps the token out of the settings file and in the secret store', () => {
    const file = readFileSync(join(dir, 'mcp-servers.json'), 'utf8');
    expect(file).not.toContain(http.token);
    expect(JSON.parse(file).servers.find((server: { id: string }) => server.id === 'kb').transport.hasToken).toBe(true);
  });

  it('calls a tool over stdio and over HTTP and returns cleaned text', async () => {
    const tracked = await hub.call('carrier__track_shipment', { orderId: inTransitOrder });
    expect(JSON.parse(tracked.text)).toMatchObject({ orderId: inTransitOrder, status: 'in_transit' });
    const found = await hub.call('kb__search_knowledge', { query: 'refund policy' });
    expect(found.isError).toBe(false);
    expect(found.text).toContain('kb://article/');
  });

  it('validates arguments against the input schema before anything is sent', async () => {
    const attempt = hub.call('carrier__reschedule_delivery', { orderId: inTransitOrder, newDate: 'next tuesday', idempotencyKey: 'validation-key-1' });
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_ARGS' });
    await expect(hub.call('carrier__reschedule_delivery', { orderId: 42, newDate: dayAfterEta(inTransitOrder, 1) })).rejects.toBeInstanceOf(McpToolError);
    expect(existsSync(ledger)).toBe(false);
    await expect(hub.call('carrier__no_such_tool', {})).rejects.toMatchObject({ code: 'UNKNOWN_TOOL' });
  });

  it('exposes LangChain tools: read-only ones run, side-effecting ones never run from here', async () => {
    const tools = new Map(toLangChainTools(hub, { redact: (text) => text.replace(/ORD-\d+/g, '[ORDER]') }).map((item) => [item.name, item]));
    const read = String(await tools.get('carrier__track_shipment')!.invoke({ orderId: inTransitOrder }));
    expect(read).toMatch(/^<tool_result tool="carrier__track_shipment"/);
    expect(read).toContain('[ORDER]');
    expect(read).not.toContain(inTransitOrder);
    const write = String(await tools.get('carrier__reschedule_delivery')!.invoke({ orderId: inTransitOrder, newDate: dayAfterEta(inTransitOrder, 1), idempotencyKey: 'lc-key-123' }));
    expect(write).toContain('approval');
    expect(existsSync(ledger)).toBe(false);
  });

  it('delivers an approved side effect through the durable outbox exactly once, across a restart and a lost acknowledgement', async () => {
    const file = join(dir, 'cache.db');
    const args = { orderId: inTransitOrder, newDate: dayAfterEta(inTransitOrder, 3), timeWindow: 'evening' };
    const open = () => {
      const db = openCacheDatabase(file);
      return { db, outbox: attachMcpOutbox({ store: db.outbox, delivery: createOutboxDelivery({ store: outboxStoreOf(db) }), hub }) };
    };
    let { db, outbox } = open();
    expect(outbox.enqueue({ idempotencyKey: 'copilot:conv-9:call-1', tool: 'carrier__reschedule_delivery', args })).toBe(true);
    // Killed before delivery: the item is on disk.
    outbox.close();
    db.close();
    ({ db, outbox } = open());
    expect(outbox.enqueue({ idempotencyKey: 'copilot:conv-9:call-1', tool: 'carrier__reschedule_delivery', args })).toBe(false);
    // The carrier acted but the acknowledgement was lost (a kill mid-delivery): same key again.
    await hub.call('carrier__reschedule_delivery', args, { idempotencyKey: 'copilot:conv-9:call-1' });
    expect(await outbox.deliverDue()).toEqual({ delivered: 1, dead: 0, retrying: 0 });
    expect(await outbox.deliverDue()).toEqual({ delivered: 0, dead: 0, retrying: 0 });
    expect(outbox.get('copilot:conv-9:call-1')?.state).toBe('delivered');
    const entries = JSON.parse(readFileSync(ledger, 'utf8')) as { idempotencyKey: string; newDate: string }[];
    expect(entries).toEqual([expect.objectContaining({ idempotencyKey: 'copilot:conv-9:call-1', newDate: args.newDate })]);
    outbox.close();
    db.close();
  }, 30_000);

  it('reports a wrong token, a missing command and a hung server as clear errors and carries on', async () => {
    const broken = createMcpHub({ settings: createMemorySettingsStore(), secrets: createMemorySecretStore(), launchConsent: agentSaysYes() });
    try {
      await broken.addServer({ id: 'wrong-token', name: 'Wrong token', transport: { type: 'http', url: http.url } }, 'not-the-token');
      await broken.addServer({ id: 'missing', name: 'Missing binary', transport: { type: 'stdio', command: join(dir, 'no-such-binary') }, timeoutMs: 5_000 });
      const started = Date.now();
      await broken.addServer({
        id: 'hung',
        name: 'Hung server',
        transport: { type: 'stdio', command: process.execPath, args: ['-e', 'process.stdin.resume(); setInterval(() => {}, 60000)'] },
        timeoutMs: 1_000,
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      const states = Object.fromEntries(broken.servers().map((server) => [server.id, server]));
      expect(states['wrong-token']).toMatchObject({ state: 'error' });
      expect(states.missing).toMatchObject({ state: 'error' });
      expect(states.missing?.error).toMatch(/Missing binary/);
      expect(states.hung).toMatchObject({ state: 'error' });
      expect(states.hung?.error).toMatch(/Hung server did not answer within 1 s/);
      expect(broken.tools()).toEqual([]);
      await expect(broken.call('hung__anything', {})).rejects.toMatchObject({ code: expect.stringMatching(/UNAVAILABLE|TIMEOUT/) });
      const probe = await broken.testServer({ id: 'kb', name: 'Copilot knowledge', transport: { type: 'http', url: http.url } }, http.token);
      expect(probe.ok).toBe(true);
      expect(probe.tools.map((tool) => tool.name)).toContain('search_knowledge');
    } finally {
      await broken.close();
    }
  }, 60_000);

  it('times out a tool call that hangs, and the server keeps serving other calls', async () => {
    const server = new McpServer({ name: 'slow', version: '1' });
    server.registerTool('hang', { inputSchema: {}, annotations: { readOnlyHint: true } }, () => new Promise(() => undefined));
    server.registerTool('ping', { inputSchema: {}, annotations: { readOnlyHint: true } }, () => ({ content: [{ type: 'text', text: 'pong' }] }));
    const local = createMcpHub({
      settings: createMemorySettingsStore(),
      secrets: createMemorySecretStore(),
      createTransport: () => {
        const [client, serverSide] = InMemoryTransport.createLinkedPair();
        void server.connect(serverSide);
        return client;
      },
    });
    try {
      await local.addServer({ id: 'slow', name: 'Slow server', trustedForReads: true, transport: { type: 'stdio', command: 'unused' }, timeoutMs: 600 });
      await expect(local.call('slow__hang', {})).rejects.toMatchObject({ code: 'TIMEOUT', message: 'Slow server did not answer within 1 s.' });
      expect((await local.call('slow__ping', {})).text).toBe('pong');
    } finally {
      await local.close();
    }
  });

  it('picks up notifications/tools/list_changed without a restart', async () => {
    const server = new McpServer({ name: 'changing', version: '1' }, { capabilities: { tools: { listChanged: true } } });
    server.registerTool('first', { inputSchema: {}, annotations: { readOnlyHint: true } }, () => ({ content: [{ type: 'text', text: '1' }] }));
    const local = createMcpHub({
      settings: createMemorySettingsStore(),
      secrets: createMemorySecretStore(),
      createTransport: () => {
        const [client, serverSide] = InMemoryTransport.createLinkedPair();
        void server.connect(serverSide);
        return client;
      },
    });
    try {
      await local.addServer({ id: 'changing', name: 'Changing', transport: { type: 'stdio', command: 'unused' } });
      expect(local.tools().map((tool) => tool.qualifiedName)).toEqual(['changing__first']);
      // Registering after connect makes the SDK server send notifications/tools/list_changed.
      server.registerTool('second', { inputSchema: { n: z.number() } }, ({ n }) => ({ content: [{ type: 'text', text: String(n * 2) }] }));
      await waitFor(local, () => local.tools().some((tool) => tool.qualifiedName === 'changing__second'));
      expect((await local.call('changing__second', { n: 21 })).text).toBe('42');
      expect(local.tool('changing__second')?.sideEffect).toBe(true);
    } finally {
      await local.close();
    }
  });

  it('keeps the token when a server is saved again without it, and drops it when the origin changes', async () => {
    const secrets = createMemorySecretStore();
    const local = createMcpHub({ settings: createMemorySettingsStore(), secrets });
    try {
      await local.addServer({ id: 'kb2', name: 'Knowledge', transport: { type: 'http', url: http.url } }, http.token);
      const renamed = await local.addServer({ id: 'kb2', name: 'Knowledge, renamed', transport: { type: 'http', url: http.url } });
      expect(renamed.state).toBe('ready');
      expect(secrets.get(mcpTokenSecret('kb2'))).toBe(http.token);
      const moved = await local.addServer({ id: 'kb2', name: 'Elsewhere', transport: { type: 'http', url: 'http://127.0.0.1:9/mcp' } });
      expect(moved.hasToken).toBe(false);
      expect(secrets.get(mcpTokenSecret('kb2'))).toBeUndefined();
    } finally {
      await local.close();
    }
  }, 60_000);

  it('remembers that the agent disabled or trusted a built-in server across restarts, without storing it as their own', async () => {
    const settingsFile = join(dir, 'built-in-choices.json');
    const builtIn = [carrierConfig(join(dir, 'built-in-ledger.json'))];
    const first = createMcpHub({ settings: createFileSettingsStore(settingsFile), secrets: createMemorySecretStore(), builtIn });
    try {
      await first.setTrustedForReads('carrier', true);
      expect((await first.setEnabled('carrier', false)).state).toBe('disabled');
    } finally {
      await first.close();
    }
    const again = createMcpHub({ settings: createFileSettingsStore(settingsFile), secrets: createMemorySecretStore(), builtIn });
    try {
      expect(again.servers().find((server) => server.id === 'carrier')).toMatchObject({ builtIn: true, enabled: false, trustedForReads: true });
      // The carrier's command stays the host's: it is not written down as a server of the agent's.
      expect(createFileSettingsStore(settingsFile).load()).toEqual([]);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('keeps an unreadable settings file aside instead of writing over it', () => {
    const settingsFile = join(dir, 'broken-settings.json');
    writeFileSync(settingsFile, '{"version":1,"servers":[{"id":"Bad Id!"}],"hand-edited":true}');
    const store = createFileSettingsStore(settingsFile);
    expect(store.load()).toEqual([]);
    expect(store.loadBuiltInChoices()).toEqual({});
    store.saveBuiltInChoices({ carrier: { enabled: false, trustedForReads: false } });
    const kept = readdirSync(dir).filter((name) => name.startsWith('broken-settings.json.unreadable-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toContain('hand-edited');
    expect(createFileSettingsStore(settingsFile).loadBuiltInChoices()).toEqual({ carrier: { enabled: false, trustedForReads: false } });
  });

  it('persists the server list and restores it, with enable/disable and removal', async () => {
    const settingsFile = join(dir, 'mcp-servers.json');
    const secrets = createMemorySecretStore();
    secrets.set(mcpTokenSecret('kb'), http.token);
    const again = createMcpHub({ settings: createFileSettingsStore(settingsFile), secrets, launchConsent: agentSaysYes() });
    try {
      expect(again.servers().map((server) => server.id).sort()).toEqual(['carrier', 'kb']);
      await again.start();
      expect(again.servers().find((server) => server.id === 'kb')?.state).toBe('ready');
      const disabled = await again.setEnabled('kb', false);
      expect(disabled.state).toBe('disabled');
      expect(again.tools().some((tool) => tool.serverId === 'kb')).toBe(false);
      await expect(again.call('kb__search_knowledge', { query: 'refund' })).rejects.toMatchObject({ code: 'DISABLED' });
      await again.removeServer('kb');
      expect(secrets.get(mcpTokenSecret('kb'))).toBeUndefined();
      expect(createFileSettingsStore(settingsFile).load().map((server) => server.id)).toEqual(['carrier']);
    } finally {
      await again.close();
    }
  }, 60_000);
});
