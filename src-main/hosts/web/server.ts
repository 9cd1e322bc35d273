import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { WireEvent, WireResult } from '../../core/contract/bridge';
import { dispatch } from '../../core/contract/dispatch';
import type { Core } from '../../core/core';
import { contentSecurityPolicy } from './content-security-policy';
import { isAllowedHost, isAllowedOrigin, isLoopbackAddress, singleParam, tokensMatch } from './loopback';
import { serveStatic } from './static-files';

export interface WebHostOptions {
  core: Pick<Core, 'handlers' | 'events' | 'logger'>;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Injected by tests; a random one is made per launch otherwise. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const webSocketPath = '/ws';
/** Large enough that an oversized field reaches zod and is refused with a typed error. */
const maxFrameBytes = 32 * 1024 * 1024;

const wireCallSchema = z.strictObject({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(200),
  input: z.unknown(),
});

/**
 * The browser host: serves the built renderer and carries the contract over a WebSocket
 * on 127.0.0.1 only, guarded by a random per-launch token and the page's origin.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const { core } = options;
  let port = 0;

  const server = createServer((request, response) => {
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (
      !isLoopbackAddress(request.socket.remoteAddress) ||
      !isAllowedHost(request.headers.host, port) ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      response.writeHead(403, headers);
      response.end();
      return;
    }
    serveStatic(options.rendererDir, request.url ?? '/', response, headers);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });

  function authorised(request: IncomingMessage): boolean {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    return (
      url.pathname === webSocketPath &&
      isLoopbackAddress(request.socket.remoteAddress) &&
      isAllowedHost(request.headers.host, port) &&
      isAllowedOrigin(request.headers.origin, port) &&
      tokensMatch(singleParam(url.searchParams, 'token'), token)
    );
  }

  server.on('upgrade', (request, socket, head) => {
    if (!authorised(request)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  const unsubscribe = core.events.onAny((event, payload) => {
    const frame: WireEvent = { kind: 'event', event, payload };
    const text = JSON.stringify(frame);
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
  });

  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data, isBinary) => {
      void handleFrame(ws, isBinary ? undefined : data.toString());
    });
    ws.on('error', (error) => core.logger.warn('web host socket error', { error: error.message }));
  });

  async function handleFrame(ws: WebSocket, text: string | undefined): Promise<void> {
    let raw: unknown;
    try {
      raw = text === undefined ? undefined : JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const frame = wireCallSchema.safeParse(raw);
    if (!frame.success) {
      const answer: WireResult = {
        kind: 'result',
        id: -1,
        envelope: { ok: false, error: { code: 'INVALID_INPUT', message: 'The request was not a valid call frame.' } },
      };
      ws.send(JSON.stringify(answer));
      return;
    }
    const envelope = await dispatch(core.handlers, frame.data.method, frame.data.input, core.logger);
    const answer: WireResult = { kind: 'result', id: frame.data.id, envelope };
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(answer));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
