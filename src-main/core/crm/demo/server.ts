import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listMessages, listThreads, postMessage, readThread } from './conversation-routes';
import { demoRoute, type DemoCrmStats, type RequestLogEntry } from './demo-routes';
import { FaultInjector, type FaultOptions } from './faults';
import { HttpError, readJson, send, type RouteResult } from './http';
import { IdempotencyLedger, idempotencyKeyOf } from './idempotency';
import { startLiveMessages } from './live-messages';
import { batchRead, createObject, isObjectType, listObjects, patchObject, readObject, searchObjects } from './object-routes';
import { DemoState } from './state';

export type { DemoCrmStats } from './demo-routes';

export interface DemoCrmOptions extends FaultOptions {
  seed?: number;
  /** Customers to generate (default 200, at most 5,000,000); orders, tickets and conversations follow. */
  contacts?: number;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** When set, only this bearer token is accepted; otherwise any non-empty one. */
  token?: string;
  /** Posts a new customer message into a random open conversation this often. */
  liveMessagesEverySeconds?: number;
}

export interface DemoCrm {
  url: string;
  state: DemoState;
  stats(): DemoCrmStats;
  close(): Promise<void>;
}

const maxContacts = 5_000_000;

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'VALIDATION_ERROR', 'Malformed path');
  }
}
const requestLogSize = 5_000;

/**
 * The built-in demo CRM: the HubSpot CRM v3 subset the app speaks (see README.md), over real
 * HTTP on 127.0.0.1, with a seeded retailer, idempotency keys for side effects, and injectable faults.
 */
export async function startDemoCrm(options: DemoCrmOptions = {}): Promise<DemoCrm> {
  const contacts = Math.floor(options.contacts ?? 200);
  if (!(contacts >= 0 && contacts <= maxContacts)) throw new RangeError(`contacts must be between 0 and ${maxContacts}`);
  const seed = Math.floor(options.seed ?? 1);
  const state = new DemoState(seed, contacts);
  const faults = new FaultInjector({ ...options, seed });
  const ledger = new IdempotencyLedger();
  const requestLog: RequestLogEntry[] = [];
  let requests = 0;

  function authorised(request: IncomingMessage): boolean {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : '';
    return options.token ? token === options.token : token.length > 0;
  }

  function stats(): DemoCrmStats {
    const counts = state.generator.counts();
    return {
      counts: {
        contacts: state.size('contacts'),
        orders: state.size('orders'),
        line_items: state.size('line_items'),
        tickets: state.size('tickets'),
        conversations: counts.conversations,
        messages: counts.messages + state.extraMessageCount(),
      },
      requests,
    };
  }

  async function route(request: IncomingMessage, url: URL): Promise<RouteResult> {
    const method = request.method ?? 'GET';
    const parts = url.pathname.split('/').filter(Boolean).map(decodePart);
    const key = idempotencyKeyOf(request.headers['idempotency-key']);
    if (parts[0] === '__demo' && parts.length === 2) {
      return demoRoute(state, ledger, { stats, requestLog: () => requestLog.slice() }, parts[1], request);
    }
    if (parts[0] === 'crm' && parts[1] === 'v3' && parts[2] === 'objects' && parts.length >= 4) {
      const type = parts[3];
      if (!isObjectType(type)) throw new HttpError(404, 'OBJECT_NOT_FOUND', `Unknown object type ${String(type).slice(0, 64)}`);
      if (parts.length === 4 && method === 'GET') return listObjects(state, type, url);
      if (parts.length === 4 && method === 'POST') return createObject(state, ledger, type, url.pathname, key, await readJson(request));
      if (parts.length === 5 && parts[4] === 'search' && method === 'POST') return searchObjects(state, type, await readJson(request));
      if (parts.length === 6 && parts[4] === 'batch' && parts[5] === 'read' && method === 'POST') return batchRead(state, type, await readJson(request));
      if (parts.length === 5 && method === 'GET') return readObject(state, type, parts[4] ?? '', url);
      if (parts.length === 5 && method === 'PATCH') return patchObject(state, ledger, type, parts[4] ?? '', url.pathname, key, await readJson(request));
    }
    if (parts[0] === 'conversations' && parts[1] === 'v3' && parts[2] === 'conversations' && parts[3] === 'threads') {
      const id = parts[4] ?? '';
      if (parts.length === 4 && method === 'GET') return listThreads(state, url);
      if (parts.length === 5 && method === 'GET') return readThread(state, id);
      if (parts.length === 6 && parts[5] === 'messages' && method === 'GET') return listMessages(state, id, url);
      if (parts.length === 6 && parts[5] === 'messages' && method === 'POST') return postMessage(state, ledger, id, url.pathname, key, await readJson(request));
    }
    throw new HttpError(404, 'OBJECT_NOT_FOUND', 'No such endpoint');
  }

  const server = createServer((request, response) => {
    requests += 1;
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://127.0.0.1');
    } catch {
      send(response, 400, { status: 'error', category: 'VALIDATION_ERROR', message: 'Bad request target' });
      return;
    }
    const answer = (result: RouteResult): void => {
      requestLog.push({ method: request.method ?? 'GET', path: url.pathname, at: Date.now(), status: result.status });
      if (requestLog.length > requestLogSize) requestLog.splice(0, requestLog.length - requestLogSize);
      send(response, result.status, result.body, result.headers);
    };
    const respond = async (): Promise<void> => {
      if (!authorised(request)) {
        answer({ status: 401, body: { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' } });
        return;
      }
      // Faults hit the API only: the test hooks must answer even when the "CRM" is failing.
      const decision = url.pathname.startsWith('/__demo/') ? ({ kind: 'pass' } as const) : faults.decide();
      if (decision.kind === 'limit') {
        answer({ status: 429, body: { status: 'error', message: 'You have reached your secondly limit.', category: 'RATE_LIMITS' }, headers: { 'Retry-After': String(decision.retryAfterSeconds) } });
        return;
      }
      if (decision.kind === 'fail') {
        answer({ status: decision.status, body: { status: 'error', message: 'Injected failure', category: 'INTERNAL_ERROR' } });
        return;
      }
      try {
        answer(await route(request, url));
      } catch (error) {
        const known = error instanceof HttpError;
        answer({ status: known ? error.status : 500, body: { status: 'error', category: known ? error.category : 'INTERNAL_ERROR', message: error instanceof Error ? error.message : 'error' } });
      }
    };
    // Latency before the first byte, as a slow CRM would add.
    if (faults.latencyMs > 0) setTimeout(() => void respond(), faults.latencyMs);
    else void respond();
  });
  server.keepAliveTimeout = 5_000;

  const stopLive = options.liveMessagesEverySeconds && options.liveMessagesEverySeconds > 0 ? startLiveMessages(state, options.liveMessagesEverySeconds, seed) : undefined;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    stats,
    async close() {
      stopLive?.();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
