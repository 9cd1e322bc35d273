import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { McpServerView } from '../../../src-main/core/contract/index';
import { dispatch } from '../../../src-main/core/contract/dispatch';
import { createCopilotMcpPort } from '../../../src-main/core/copilot/adapters';
import { createCore, type Core } from '../../../src-main/core/core';
import { silentLogger } from '../../../src-main/core/log/logger';
import { createMemorySecretStore } from '../../../src-main/core/mcp/client/index';
import { mcpPaths, startMcpService } from '../../../src-main/core/mcp/mcp-service';
import { createCopilotMcpServer, openCopilotMcpSources, startMcpHttpServer, type McpHttpServer, type OpenedSources } from '../../../src-main/core/mcp/server/index';

let dir: string;
let core: Core;
let sources: OpenedSources;
let http: McpHttpServer;
const call = (method: string, input: unknown) => dispatch(core.handlers, method, input);
const servers = async (): Promise<McpServerView[]> => {
  const answer = await call('mcp.servers.list', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as McpServerView[];
};
async function until(check: (list: McpServerView[]) => boolean): Promise<McpServerView[]> {
  for (;;) {
    const list = await servers();
    if (check(list)) return list;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mcp-settings-'));
  sources = await openCopilotMcpSources({ dataDir: join(dir, 'served') });
  http = await startMcpHttpServer({ createServer: () => createCopilotMcpServer(sources.sources) });
  core = await createCore({ dataDir: join(dir, 'app'), host: 'test' }, { logger: silentLogger });
}, 60_000);
afterAll(async () => {
  await core?.dispose();
  await http?.close();
  await sources?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('mcp.* contract methods (the settings page)', () => {
  it('lists the demo carrier in the demo workspace with its tools classified read or write', async () => {
    const [carrier] = await until((list) => list.some((server) => server.id === 'carrier' && server.state !== 'connecting'));
    expect(carrier).toMatchObject({ id: 'carrier', builtIn: true, state: 'ready', trustedForReads: true, hasToken: false });
    expect(Object.fromEntries(carrier!.tools.map((tool) => [tool.qualifiedName, tool.access]))).toEqual({ carrier__track_shipment: 'read', carrier__reschedule_delivery: 'write' });
    expect(await call('mcp.servers.remove', { id: 'carrier' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  }, 60_000);

  it('adds an HTTP server with a bearer token that is kept as a secret and never sent back', async () => {
    const tested = await call('mcp.servers.test', { id: 'kb', name: 'Copilot knowledge', transport: { type: 'http', url: http.url }, token: http.token });
    expect(tested).toMatchObject({ ok: true, value: { ok: true } });
    const wrong = await call('mcp.servers.test', { id: 'kb', name: 'Copilot knowledge', transport: { type: 'http', url: http.url }, token: 'wrong-token' });
    expect(wrong).toMatchObject({ ok: true, value: { ok: false, error: expect.stringContaining('Copilot knowledge') } });

    const added = await call('mcp.servers.add', { id: 'kb', name: 'Copilot knowledge', transport: { type: 'http', url: http.url }, token: http.token });
    expect(added).toMatchObject({ ok: true, value: { id: 'kb', state: 'ready', hasToken: true, builtIn: false } });
    const list = await servers();
    expect(JSON.stringify(list)).not.toContain(http.token);
    expect(readFileSync(mcpPaths(join(dir, 'app')).settings, 'utf8')).not.toContain(http.token);
    expect(readFileSync(mcpPaths(join(dir, 'app')).secrets, 'utf8')).toContain(http.token);
    // Read-only hints of an untrusted server are not believed: everything waits for approval until the agent trusts it.
    expect(list.find((server) => server.id === 'kb')?.tools.every((tool) => tool.readOnlyHint && tool.access === 'write')).toBe(true);
    const trusted = await call('mcp.servers.update', { id: 'kb', trustedForReads: true });
    expect(trusted).toMatchObject({ ok: true, value: { trustedForReads: true, state: 'ready' } });
    expect((trusted.ok ? (trusted.value as McpServerView) : undefined)?.tools.every((tool) => tool.access === 'read')).toBe(true);
  }, 60_000);

  it('disables and removes a server, and refuses malformed settings before any handler runs', async () => {
    expect(await call('mcp.servers.update', { id: 'kb', enabled: false })).toMatchObject({ ok: true, value: { enabled: false, state: 'disabled', tools: [] } });
    expect(await call('mcp.servers.remove', { id: 'kb' })).toEqual({ ok: true, value: { removed: true } });
    expect((await servers()).map((server) => server.id)).toEqual(['carrier']);
    expect(readFileSync(mcpPaths(join(dir, 'app')).secrets, 'utf8')).not.toContain(http.token);
    expect(await call('mcp.servers.add', { id: 'two__parts', name: 'x', transport: { type: 'stdio', command: 'x' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('mcp.servers.add', { id: 'web', name: 'x', transport: { type: 'http', url: 'file:///etc/passwd' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('mcp.servers.update', { id: 'nope', enabled: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 60_000);

  it('runs the demo carrier in-process where the app cannot spawn itself as Node (the packaged desktop app)', async () => {
    const service = startMcpService({ dataDir: join(dir, 'in-process'), demoCarrier: 'in-process', secrets: createMemorySecretStore(), retryIntervalMs: 0 });
    try {
      await service.ready;
      expect(service.hub.servers()).toEqual([expect.objectContaining({ id: 'carrier', state: 'ready', builtIn: true })]);
      const port = createCopilotMcpPort(service);
      const tracked = await port.call('carrier__track_shipment', { orderId: 'ORD-1' });
      expect(JSON.parse(tracked.text)).toMatchObject({ orderId: 'ORD-1', carrier: 'Parcelo Express' });
      await expect(port.call('carrier__reschedule_delivery', { orderId: 'ORD-1', newDate: '2030-01-01' })).rejects.toThrow(/only after the agent approves/);
    } finally {
      await service.close();
    }
  });
});
