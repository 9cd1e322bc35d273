import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector, type FaultOptions } from './faults';
import { baseTime, messagesPerThread, type DemoRecord } from './generator';
import { DemoState, type DemoObjectType } from './state';
import { virtualPage } from './virtual-list';

export interface DemoCrmOptions extends FaultOptions {
  seed?: number;
  contacts?: number;
  port?: number;
  /** When set, only this bearer token is accepted; otherwise any non-empty one. */
  token?: string;
  /** Posts a new customer message into a random open conversation this often. */
  liveMessagesEverySeconds?: number;
}

export interface DemoCrmStats {
  counts: { contacts: number; orders: number; line_items: number; tickets: number; conversations: number; messages: number };
  requests: number;
}

export interface DemoCrm {
  url: string;
  state: DemoState;
  stats(): DemoCrmStats;
  close(): Promise<void>;
}

interface SideEffect {
  idempotencyKey: string;
  method: string;
  path: string;
  body: unknown;
  at: string;
}

const objectTypes = new Set<DemoObjectType>(['contacts', 'orders', 'line_items', 'tickets']);
const maxBodyBytes = 5 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly category: string,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new HttpError(413, 'VALIDATION_ERROR', 'Body too large');
    chunks.push(chunk as Buffer);
  }
  if (chunks.length === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'VALIDATION_ERROR', 'Body is not JSON');
  }
}

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

function stringProperties(value: unknown): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, item] of Object.entries(asRecord(value))) {
    if (key === '__proto__' || key === 'constructor') continue;
    out[key] = item === null ? null : String(item);
  }
  return out;
}

/**
 * The built-in demo CRM: the HubSpot CRM v3 subset the app speaks, over real HTTP on 127.0.0.1,
 * with a seeded retailer, idempotency keys for side effects, and injectable faults.
 */
export async function startDemoCrm(options: DemoCrmOptions = {}): Promise<DemoCrm> {
  const state = new DemoState(options.seed ?? 1, options.contacts ?? 200);
  const faults = new FaultInjector(options);
  const idempotent = new Map<string, { status: number; body: unknown }>();
  const sideEffects: SideEffect[] = [];
  const requestLog: { method: string; path: string; at: number; status: number }[] = [];
  let requests = 0;

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  }

  function authorised(request: IncomingMessage): boolean {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    return options.token ? token === options.token : token.length > 0;
  }

  function listObjects(type: DemoObjectType, url: URL): unknown {
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 10) || 10));
    const after = Number(url.searchParams.get('after') ?? 0) || 0;
    const size = state.size(type);
    const results: DemoRecord[] = [];
    for (let index = after; index < Math.min(size, after + limit); index += 1) {
      const record = state.at(type, index);
      if (record) results.push(record);
    }
    const next = after + limit;
    return { results, ...(next < size ? { paging: { next: { after: String(next) } } } : {}) };
  }

  function searchObjects(type: DemoObjectType, body: Record<string, unknown>): unknown {
    const limit = Math.min(200, Math.max(1, Number(body.limit ?? 100) || 100));
    const offset = Number(body.after ?? 0) || 0;
    const groups = Array.isArray(body.filterGroups) ? body.filterGroups : [];
    const filter = asRecord(asRecord(groups[0]).filters && (asRecord(groups[0]).filters as unknown[])[0]);
    if (filter.propertyName !== undefined && filter.propertyName !== 'hs_lastmodifieddate') throw new HttpError(400, 'VALIDATION_ERROR', 'Only hs_lastmodifieddate filters are supported');
    const threshold = Number(filter.value ?? 0);
    const strict = filter.operator === 'GT';
    const toIndex = Math.ceil((threshold - baseTime) / 1000);
    let start = Math.max(0, toIndex);
    if (strict && baseTime + start * 1000 <= threshold) start += 1;
    const changedTail = state
      .changed(type)
      .filter((record) => (strict ? Date.parse(record.updatedAt) > threshold : Date.parse(record.updatedAt) >= threshold));
    const page = virtualPage({
      baseCount: state.baseCount(type),
      start,
      touched: state.touchedIndices(type),
      changedTail,
      offset,
      limit,
      base: (index) => state.at(type, index) as DemoRecord,
    });
    const total = Math.max(0, state.baseCount(type) - start) + changedTail.length;
    return { total, results: page.items, ...(page.nextOffset !== undefined ? { paging: { next: { after: String(page.nextOffset) } } } : {}) };
  }

  function listThreads(url: URL): unknown {
    const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100));
    const offset = Number(url.searchParams.get('after') ?? 0) || 0;
    const since = url.searchParams.get('latestMessageTimestampAfter');
    const threshold = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
    const lastOffset = (messagesPerThread - 1) * 60_000;
    let start = Number.isFinite(threshold) ? Math.max(0, Math.floor((threshold - baseTime - lastOffset) / 1000) + 1) : 0;
    if (start < 0) start = 0;
    const changed = state.changedThreads();
    const touched = changed.map((thread) => state.threadById(thread.id)?.index).filter((index): index is number => index !== undefined).sort((a, b) => a - b);
    const page = virtualPage({
      baseCount: state.threadCount(),
      start,
      touched,
      changedTail: changed.filter((thread) => Date.parse(thread.latestMessageTimestamp) > threshold),
      offset,
      limit,
      base: (index) => state.thread(index),
    });
    return { results: page.items, ...(page.nextOffset !== undefined ? { paging: { next: { after: String(page.nextOffset) } } } : {}) };
  }

  async function sideEffect(request: IncomingMessage, path: string, body: unknown, act: () => { status: number; body: unknown }): Promise<{ status: number; body: unknown }> {
    const key = request.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' && key.length > 0 && key.length <= 200 ? key : undefined;
    if (idempotencyKey) {
      const stored = idempotent.get(idempotencyKey);
      if (stored) return stored;
    }
    const result = act();
    if (idempotencyKey && result.status < 300) {
      idempotent.set(idempotencyKey, result);
      sideEffects.push({ idempotencyKey, method: request.method ?? 'POST', path, body, at: new Date().toISOString() });
    }
    return result;
  }

  async function route(request: IncomingMessage, url: URL): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const method = request.method ?? 'GET';
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === '__demo') {
      const what = parts[1];
      if (what === 'stats' && method === 'GET') return { status: 200, body: stats() };
      if (what === 'side-effects' && method === 'GET') return { status: 200, body: sideEffects };
      if (what === 'requests' && method === 'GET') return { status: 200, body: requestLog.slice(-5000) };
      if (what === 'customer-message' && method === 'POST') {
        const body = asRecord(await readJson(request));
        const found = state.threadById(String(body.threadId ?? ''));
        if (!found || typeof body.text !== 'string') throw new HttpError(400, 'VALIDATION_ERROR', 'threadId and text are required');
        return { status: 201, body: state.addMessage(found.index, body.text.slice(0, 10_000), 'INCOMING') };
      }
      if (what === 'touch' && method === 'POST') {
        const body = asRecord(await readJson(request));
        const type = String(body.type) as DemoObjectType;
        if (!objectTypes.has(type)) throw new HttpError(400, 'VALIDATION_ERROR', 'unknown type');
        const ids = Array.isArray(body.ids) ? body.ids.map(String) : [];
        if (typeof body.fraction === 'number') {
          const step = Math.max(1, Math.round(1 / body.fraction));
          for (let index = 0; index < state.baseCount(type); index += step) ids.push((state.at(type, index) as DemoRecord).id);
        }
        for (const id of ids) state.touch(type, id);
        return { status: 200, body: { touched: ids.length } };
      }
      throw new HttpError(404, 'OBJECT_NOT_FOUND', 'No such demo endpoint');
    }
    if (parts[0] === 'crm' && parts[1] === 'v3' && parts[2] === 'objects') {
      const type = parts[3] as DemoObjectType;
      if (!objectTypes.has(type)) throw new HttpError(404, 'OBJECT_NOT_FOUND', `Unknown object type ${parts[3]}`);
      if (parts.length === 4 && method === 'GET') return { status: 200, body: listObjects(type, url) };
      if (parts.length === 5 && parts[4] === 'search' && method === 'POST') return { status: 200, body: searchObjects(type, asRecord(await readJson(request))) };
      if (parts.length === 6 && parts[4] === 'batch' && parts[5] === 'read' && method === 'POST') {
        const body = asRecord(await readJson(request));
        const inputs = Array.isArray(body.inputs) ? body.inputs : [];
        if (inputs.length > 100) throw new HttpError(400, 'VALIDATION_ERROR', 'At most 100 inputs');
        const results = inputs.map((input) => state.get(type, String(asRecord(input).id ?? ''))).filter((record): record is DemoRecord => record !== undefined);
        return { status: 200, body: { status: 'COMPLETE', results } };
      }
      if (parts.length === 4 && method === 'POST') {
        const body = asRecord(await readJson(request));
        return sideEffect(request, url.pathname, body, () => {
          const associations = Array.isArray(body.associations)
            ? { contacts: { results: body.associations.map((item) => ({ id: String(asRecord(asRecord(item).to).id ?? ''), type: 'ticket_to_contact' })) } }
            : undefined;
          return { status: 201, body: state.create(type, stringProperties(body.properties), associations) };
        });
      }
      if (parts.length === 5 && method === 'PATCH') {
        const body = asRecord(await readJson(request));
        const id = parts[4] ?? '';
        return sideEffect(request, url.pathname, body, () => {
          const record = state.patch(type, id, stringProperties(body.properties));
          if (!record) throw new HttpError(404, 'OBJECT_NOT_FOUND', `No ${type} ${id}`);
          return { status: 200, body: record };
        });
      }
      if (parts.length === 5 && method === 'GET') {
        const record = state.get(type, parts[4] ?? '');
        if (!record) throw new HttpError(404, 'OBJECT_NOT_FOUND', 'Not found');
        return { status: 200, body: record };
      }
    }
    if (parts[0] === 'conversations' && parts[1] === 'v3' && parts[2] === 'conversations' && parts[3] === 'threads') {
      if (parts.length === 4 && method === 'GET') return { status: 200, body: listThreads(url) };
      const found = state.threadById(parts[4] ?? '');
      if (!found) throw new HttpError(404, 'OBJECT_NOT_FOUND', 'No such thread');
      if (parts.length === 5 && method === 'GET') return { status: 200, body: found.thread };
      if (parts.length === 6 && parts[5] === 'messages' && method === 'GET') {
        const all = state.messages(found.index);
        const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100));
        const after = Number(url.searchParams.get('after') ?? 0) || 0;
        const next = after + limit;
        return { status: 200, body: { results: all.slice(after, next), ...(next < all.length ? { paging: { next: { after: String(next) } } } : {}) } };
      }
      if (parts.length === 6 && parts[5] === 'messages' && method === 'POST') {
        const body = asRecord(await readJson(request));
        if (typeof body.text !== 'string' || body.text.length === 0) throw new HttpError(400, 'VALIDATION_ERROR', 'text is required');
        const text = body.text.slice(0, 50_000);
        return sideEffect(request, url.pathname, body, () => ({ status: 201, body: state.addMessage(found.index, text, 'OUTGOING') }));
      }
    }
    throw new HttpError(404, 'OBJECT_NOT_FOUND', 'No such endpoint');
  }

  function stats(): DemoCrmStats {
    const counts = state.generator.counts();
    const created = (type: DemoObjectType): number => state.size(type) - state.baseCount(type);
    return {
      counts: {
        contacts: counts.contacts + created('contacts'),
        orders: counts.orders + created('orders'),
        line_items: counts.line_items + created('line_items'),
        tickets: counts.tickets + created('tickets'),
        conversations: counts.conversations,
        messages: counts.messages + state.extraMessageCount(),
      },
      requests,
    };
  }

  const server = createServer((request, response) => {
    requests += 1;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const log = (status: number): void => {
      requestLog.push({ method: request.method ?? 'GET', path: url.pathname, at: Date.now(), status });
      if (requestLog.length > 20_000) requestLog.splice(0, 10_000);
    };
    const respond = async (): Promise<void> => {
      if (!authorised(request)) {
        log(401);
        send(response, 401, { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' });
        return;
      }
      const isDemo = url.pathname.startsWith('/__demo/');
      const decision = isDemo ? { kind: 'pass' as const } : faults.decide();
      if (decision.kind === 'limit') {
        log(429);
        send(response, 429, { status: 'error', message: 'You have reached your secondly limit.', category: 'RATE_LIMITS' }, { 'Retry-After': String(decision.retryAfterSeconds) });
        return;
      }
      if (decision.kind === 'fail') {
        log(decision.status);
        send(response, decision.status, { status: 'error', message: 'Injected failure' });
        return;
      }
      try {
        const result = await route(request, url);
        log(result.status);
        send(response, result.status, result.body, result.headers);
      } catch (error) {
        const status = error instanceof HttpError ? error.status : 500;
        log(status);
        send(response, status, { status: 'error', category: error instanceof HttpError ? error.category : 'INTERNAL_ERROR', message: error instanceof Error ? error.message : 'error' });
      }
    };
    const delay = isFinite(faults.latency()) ? faults.latency() : 0;
    if (delay > 0) setTimeout(() => void respond(), delay);
    else void respond();
  });
  server.keepAliveTimeout = 5_000;

  let live: ReturnType<typeof setInterval> | undefined;
  if (options.liveMessagesEverySeconds && options.liveMessagesEverySeconds > 0) {
    const lines = ['Any update on this?', 'Hello? Is anyone there?', 'I also wanted to ask about my refund.', 'Thanks, waiting for your answer.', 'Can you check my order status again?'];
    let tick = 0;
    live = setInterval(() => {
      const openIndex = [...Array(Math.min(12, state.threadCount())).keys()].filter((index) => state.thread(index).status === 'OPEN');
      const index = openIndex[tick % Math.max(1, openIndex.length)];
      if (index !== undefined) state.addMessage(index, lines[tick % lines.length] ?? 'Hello?', 'INCOMING');
      tick += 1;
    }, options.liveMessagesEverySeconds * 1000);
    live.unref();
  }

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
      if (live) clearInterval(live);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
