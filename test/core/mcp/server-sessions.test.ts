import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createCopilotMcpServer } from '../../../src-main/core/mcp/server/index';
import { startMcpHttpServer, type McpHttpServer } from '../../../src-main/core/mcp/server/http-server';

const sources = { searchKnowledge: async () => [], getArticle: async () => undefined, shareCustomerData: false };
const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };
const initialized = { jsonrpc: '2.0', method: 'notifications/initialized' };
const listTools = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };

let served: McpHttpServer | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

function send(server: McpHttpServer, method: 'POST' | 'GET', body: unknown, session?: string): Promise<{ status: number; session: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${server.token}`, accept: 'application/json, text/event-stream', 'content-type': 'application/json' };
    if (session) headers['mcp-session-id'] = session;
    if (session) headers['mcp-protocol-version'] = '2025-06-18';
    const req = request(server.url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, session: res.headers['mcp-session-id'] as string | undefined, text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function openSession(server: McpHttpServer): Promise<string> {
  const answer = await send(server, 'POST', initialize);
  expect(answer.status).toBe(200);
  expect(answer.session).toBeTruthy();
  await send(server, 'POST', initialized, answer.session);
  return answer.session!;
}

/** A client listening for server messages: the standalone SSE stream stays open while the session is in use. */
function listen(server: McpHttpServer, session: string): Promise<{ req: ClientRequest; res: IncomingMessage }> {
  return new Promise((resolve, reject) => {
    const req = request(server.url, { method: 'GET', headers: { authorization: `Bearer ${server.token}`, accept: 'text/event-stream', 'mcp-session-id': session, 'mcp-protocol-version': '2025-06-18' } }, (res) => {
      expect(res.statusCode).toBe(200);
      resolve({ req, res });
    });
    req.on('error', reject);
    req.end();
  });
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('MCP Streamable HTTP sessions', () => {
  it('expires a session left idle for longer than the configured idle timeout', async () => {
    served = await startMcpHttpServer({ createServer: () => createCopilotMcpServer(sources), idleTimeoutMs: 300 });
    const session = await openSession(served);
    expect((await send(served, 'POST', listTools, session)).status).toBe(200);
    expect(served.sessions()).toBe(1);
    await until(() => served!.sessions() === 0);
    expect((await send(served, 'POST', listTools, session)).status).toBe(404);
  });

  it('does not expire a session while a request of it is open', async () => {
    served = await startMcpHttpServer({ createServer: () => createCopilotMcpServer(sources), idleTimeoutMs: 200 });
    const busy = await openSession(served);
    const idle = await openSession(served);
    const stream = await listen(served, busy);
    await until(() => served!.sessions() === 1);
    expect((await send(served, 'POST', listTools, busy)).status).toBe(200);
    expect((await send(served, 'POST', listTools, idle)).status).toBe(404);
    stream.req.destroy();
  });

  it('never evicts a session in use to make room: the least recently used idle one goes, or the newcomer is refused', async () => {
    served = await startMcpHttpServer({ createServer: () => createCopilotMcpServer(sources), maxSessions: 2 });
    const oldest = await openSession(served);
    const stream = await listen(served, oldest);
    const second = await openSession(served);
    // The oldest is in use (its stream is open); the second is idle: the newcomer takes the second's place.
    const third = await openSession(served);
    expect((await send(served, 'POST', listTools, oldest)).status).toBe(200);
    expect((await send(served, 'POST', listTools, second)).status).toBe(404);
    const thirdStream = await listen(served, third);
    // Both sessions in use: a fourth is refused, and both keep working.
    const fourth = await send(served, 'POST', initialize);
    expect(fourth.status).toBe(503);
    expect(fourth.text).toMatch(/too many/i);
    expect((await send(served, 'POST', listTools, oldest)).status).toBe(200);
    expect((await send(served, 'POST', listTools, third)).status).toBe(200);
    stream.req.destroy();
    thirdStream.req.destroy();
  });
});
