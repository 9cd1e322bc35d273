import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { checkRequest } from './loopback-guard';

export interface McpHttpServerOptions {
  /** A fresh McpServer per session: one McpServer serves exactly one transport. */
  createServer(): McpServer;
  /** 0 picks a free port. */
  port?: number;
  /** Defaults to a random per-launch token. */
  token?: string;
  /** At most this many sessions at once; a newcomer takes the place of the longest idle one, never of one in use. */
  maxSessions?: number;
  /** A session with no open request for this long is closed (default 30 minutes). */
  idleTimeoutMs?: number;
  onError?: (error: Error) => void;
}

export interface McpHttpServer {
  url: string;
  token: string;
  port: number;
  sessions(): number;
  close(): Promise<void>;
}

const mcpPath = '/mcp';

function reply(response: ServerResponse, status: number, message: string): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json', ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}) });
  response.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message }, id: null }));
}

interface Session {
  transport: StreamableHTTPServerTransport;
  server: McpServer;
  /** Requests of this session still open (a tool call, the client's listening stream). */
  open: number;
  /** When its last request ended. */
  idleSince: number;
}

const defaultIdleTimeoutMs = 30 * 60_000;

/**
 * Streamable HTTP on 127.0.0.1 only. Every request must carry the per-launch bearer token and,
 * when a browser sends one, a loopback Origin; anything else is refused before the SDK sees it.
 */
export async function startMcpHttpServer(options: McpHttpServerOptions): Promise<McpHttpServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxSessions = options.maxSessions ?? 32;
  const idleTimeoutMs = options.idleTimeoutMs ?? defaultIdleTimeoutMs;
  const sessions = new Map<string, Session>();
  const expired = (session: Session, now: number): boolean => session.open === 0 && now - session.idleSince >= idleTimeoutMs;
  /** Counts the request as the session's until its response closes, however it ends. */
  const hold = (session: Session, response: ServerResponse): void => {
    session.open += 1;
    response.once('close', () => {
      session.open -= 1;
      session.idleSince = Date.now();
    });
  };

  const closeSession = async (id: string): Promise<void> => {
    const session = sessions.get(id);
    if (!session) return;
    sessions.delete(id);
    await session.server.close().catch(() => undefined);
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== mcpPath) return reply(response, 404, 'Not found');
    const verdict = checkRequest(request, token);
    if (!verdict.ok) return reply(response, verdict.status, verdict.message);

    const sessionHeader = request.headers['mcp-session-id'];
    const sessionId = typeof sessionHeader === 'string' ? sessionHeader : undefined;
    if (sessionId) {
      const session = sessions.get(sessionId);
      if (session && expired(session, Date.now())) await closeSession(sessionId);
      if (!session || !sessions.has(sessionId)) return reply(response, 404, 'Unknown or expired session');
      hold(session, response);
      return session.transport.handleRequest(request, response);
    }
    if (request.method !== 'POST') return reply(response, 400, 'Start a session with an initialize request');

    // The longest idle session makes room, so a client that never closes cannot exhaust the process;
    // a session in use is never dropped: with all of them busy, the newcomer waits for one to end.
    if (sessions.size >= maxSessions) {
      let idlest: [string, Session] | undefined;
      for (const entry of sessions) if (entry[1].open === 0 && (!idlest || entry[1].idleSince < idlest[1].idleSince)) idlest = entry;
      if (!idlest) return reply(response, 503, `Too many MCP sessions in use (${maxSessions}); close one and try again`);
      await closeSession(idlest[0]);
    }
    const server = options.createServer();
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        const session: Session = { transport, server, open: 0, idleSince: Date.now() };
        sessions.set(id, session);
        hold(session, response);
      },
      onsessionclosed: (id) => closeSession(id),
      maxRequestBodySize: 1_000_000,
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(request, response);
    // Not an initialize request: the SDK has answered with an error and no session exists to keep.
    if (!transport.sessionId) await server.close().catch(() => undefined);
  }

  const http = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.onError?.(error instanceof Error ? error : new Error(String(error)));
      reply(response, 500, 'Internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  // Idle sessions end on their own, so a client that vanished without DELETE does not hold a place.
  const sweeper = setInterval(
    () => {
      const now = Date.now();
      for (const [id, session] of sessions) if (expired(session, now)) void closeSession(id);
    },
    Math.max(50, Math.min(idleTimeoutMs / 2, 60_000)),
  );
  sweeper.unref();
  return {
    url: `http://127.0.0.1:${port}${mcpPath}`,
    token,
    port,
    sessions: () => sessions.size,
    async close() {
      clearInterval(sweeper);
      for (const id of [...sessions.keys()]) await closeSession(id);
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
