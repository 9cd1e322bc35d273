import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../src-main/core/paths/repo-root';

const cli = join(repoRoot(), 'src-main', 'cli', 'main.ts');
const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

/** A raw POST, so the test controls every header, Host included. */
function post(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(initialize);
  });
}

function connect(url: string, headers: Record<string, string>): Promise<Client> {
  const client = new Client({ name: 'http-test', version: '1.0.0' });
  return client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } })).then(() => client);
}

describe('copilot MCP server over Streamable HTTP (`mcp serve --http`)', () => {
  let dataDir: string;
  let child: ChildProcess;
  let url = '';
  let token = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mcp-http-'));
    child = spawn(process.execPath, ['--import', 'tsx', cli, 'mcp', 'serve', '--http', '--port', '0', '--data', dataDir, '--json'], { cwd: repoRoot(), stdio: ['ignore', 'pipe', 'ignore'] });
    const lines = createInterface({ input: child.stdout! });
    for await (const line of lines) {
      if (!line.startsWith('{')) continue;
      ({ url, token } = JSON.parse(line) as { url: string; token: string });
      break;
    }
  }, 120_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('binds loopback only and hands out a long random token', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the SDK client with the token: tools, search_knowledge, article resource', async () => {
    const client = await connect(url, { authorization: `Bearer ${token}` });
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual(['get_conversation_summary', 'lookup_customer', 'search_knowledge']);
      const result = (await client.callTool({ name: 'search_knowledge', arguments: { query: 'change my shipping address' } })) as CallToolResult;
      const links = result.content.filter((item) => item.type === 'resource_link');
      expect(links.length).toBeGreaterThan(0);
      const resource = await client.readResource({ uri: links[0]!.uri });
      expect(resource.contents[0]?.mimeType).toBe('text/markdown');
      // No cache was ever synced into this data folder: a clear tool error, not a crash.
      const customer = (await client.callTool({ name: 'lookup_customer', arguments: { query: 'someone' } })) as CallToolResult;
      expect(customer.isError).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('accepts a loopback Origin (a local web client)', async () => {
    const port = new URL(url).port;
    expect(await post(url, { authorization: `Bearer ${token}`, origin: `http://localhost:${port}` })).toBe(200);
  });

  it('refuses a missing or wrong token', async () => {
    expect(await post(url, {})).toBe(401);
    expect(await post(url, { authorization: `Bearer ${token}x` })).toBe(401);
    expect(await post(url, { authorization: token })).toBe(401);
    await expect(connect(url, { authorization: 'Bearer nope' })).rejects.toThrow();
  });

  it('refuses non-loopback origins and rebinding hosts even with the right token', async () => {
    const auth = { authorization: `Bearer ${token}` };
    expect(await post(url, { ...auth, origin: 'https://evil.example' })).toBe(403);
    expect(await post(url, { ...auth, origin: 'http://127.0.0.1.evil.example' })).toBe(403);
    expect(await post(url, { ...auth, origin: 'null' })).toBe(403);
    expect(await post(url, { ...auth, host: 'evil.example' })).toBe(403);
  });
});
