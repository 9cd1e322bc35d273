import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  associationTypes,
  batchAssociateDefault,
  batchCreateAssociations,
  batchReadAssociations,
  deleteAssociation,
  listAssociations,
  putAssociation,
  putDefaultAssociation,
} from './association-routes';
import { objectTypeOf } from './associations';
import { archiveThread, listMessages, listThreads, patchThread, postMessage, readMessage, readThread } from './conversation-routes';
import { demoRoute, type DemoCrmStats, type RequestLogEntry } from './demo-routes';
import { FaultInjector, type FaultOptions } from './faults';
import { HttpError, errorBody, errorResult, readJson, send, type RouteResult } from './http';
import { IdempotencyLedger, idempotencyKeyOf } from './idempotency';
import { startLiveMessages } from './live-messages';
import {
  archiveObject,
  batchArchive,
  batchRead,
  createObject,
  listObjects,
  mergeContacts,
  patchObject,
  readObject,
  searchObjects,
  type ObjectContext,
} from './object-routes';
import { conversationSettingsRoute, ownersRoute, pipelinesRoute, propertiesRoute } from './portal-routes';
import { PortalLimits, rateLimitBody, type PortalLimitOptions } from './rate-limits';
import { ScriptedFaults } from './scripted-faults';
import { NoteStore, isNotesType, noteAssociationsRoute, notesRoute } from './notes';
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
  /** The demo's "now" (epoch ms) that generated records are dated from; default: the start time, to the minute. */
  now?: number;
  /** How deep one search query can page (HubSpot: 10,000); `after` at or past it answers 400. */
  searchResultCap?: number;
  /** How long a created or changed record takes to show up in search (HubSpot's index lag; default 2,000 ms). */
  searchIndexLagMs?: number;
  /** HubSpot's rate limits: reported in X-HubSpot-RateLimit-* headers, enforced with `enforce: true`. */
  portalLimits?: PortalLimitOptions;
  /** Honour Idempotency-Key on writes, as the demo used to (HubSpot does not; default false). */
  idempotencyKeys?: boolean;
  /** Only HubSpot's standard properties (no retailer custom properties such as `preferences`). */
  standardPortal?: boolean;
  /** Scopes the token lacks, e.g. `['tickets']`: calls needing them answer 403 MISSING_SCOPES. */
  missingScopes?: string[];
}

export interface DemoCrm {
  url: string;
  state: DemoState;
  stats(): DemoCrmStats;
  close(): Promise<void>;
}

const maxContacts = 5_000_000;
const defaultSearchCap = 10_000;
const defaultSearchLagMs = 2_000;

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'VALIDATION_ERROR', 'Malformed path');
  }
}
const requestLogSize = 5_000;

/**
 * The built-in demo CRM: the HubSpot API subset the app speaks (see README.md), over real HTTP
 * on 127.0.0.1, answering as HubSpot's published specs describe, with a seeded retailer and
 * injectable faults.
 */
export async function startDemoCrm(options: DemoCrmOptions = {}): Promise<DemoCrm> {
  const contacts = Math.floor(options.contacts ?? 200);
  if (!(contacts >= 0 && contacts <= maxContacts)) throw new RangeError(`contacts must be between 0 and ${maxContacts}`);
  const seed = Math.floor(options.seed ?? 1);
  const state = new DemoState(seed, contacts, { ...(options.now !== undefined ? { now: options.now } : {}), standardPortal: options.standardPortal === true });
  const faults = new FaultInjector({ ...options, seed });
  const limits = new PortalLimits(options.portalLimits);
  const ledger = new IdempotencyLedger(options.idempotencyKeys === true);
  const missingScopes = new Set(options.missingScopes ?? []);
  const scripted = new ScriptedFaults();
  const notes = new NoteStore(state);
  const context: ObjectContext = {
    state,
    ledger,
    search: { cap: Math.max(1, Math.floor(options.searchResultCap ?? defaultSearchCap)), lagMs: Math.max(0, options.searchIndexLagMs ?? defaultSearchLagMs) },
  };
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
        contacts: state.liveCount('contacts'),
        orders: state.liveCount('orders'),
        line_items: state.liveCount('line_items'),
        tickets: state.liveCount('tickets'),
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
    const path = url.pathname;
    if (parts[0] === '__demo' && parts[1] === 'faults' && parts.length === 2 && method === 'POST') return { status: 200, body: { queued: scripted.add(await readJson(request)) } };
    if (parts[0] === '__demo' && parts.length === 2) {
      return demoRoute(state, ledger, { stats, requestLog: () => requestLog.slice() }, parts[1], request);
    }
    if (parts[0] === 'crm' && parts[1] === 'v3' && parts[2] === 'objects' && isNotesType(parts[3])) {
      return notesRoute(notes, ledger, method, parts.slice(4), url, path, key, method === 'POST' ? await readJson(request) : undefined);
    }
    if (parts[0] === 'crm' && parts[1] === 'v4') {
      const answered = noteAssociationsRoute(notes, method, parts, url, method === 'POST' && parts[2] === 'associations' && (isNotesType(parts[3]) || isNotesType(parts[4])) ? await readJson(request) : undefined);
      if (answered) return answered;
    }
    if (parts[0] === 'crm' && parts[1] === 'v3' && parts[2] === 'objects' && parts.length >= 4) {
      const type = objectTypeOf(parts[3]);
      if (!type) throw new HttpError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${String(parts[3]).slice(0, 64)}`);
      if (parts.length === 4 && method === 'GET') return listObjects(state, type, url);
      if (parts.length === 4 && method === 'POST') return createObject(context, type, path, key, await readJson(request));
      if (parts.length === 5 && parts[4] === 'search' && method === 'POST') return searchObjects(context, type, await readJson(request));
      if (parts.length === 5 && parts[4] === 'merge' && method === 'POST' && type === 'contacts') return mergeContacts(context, path, key, await readJson(request));
      if (parts.length === 6 && parts[4] === 'batch' && parts[5] === 'read' && method === 'POST') return batchRead(state, type, await readJson(request), url);
      if (parts.length === 6 && parts[4] === 'batch' && parts[5] === 'archive' && method === 'POST') return batchArchive(context, type, path, key, await readJson(request));
      if (parts.length === 5 && method === 'GET') return readObject(state, type, parts[4] ?? '', url);
      if (parts.length === 5 && method === 'PATCH') return patchObject(context, type, parts[4] ?? '', path, key, await readJson(request));
      if (parts.length === 5 && method === 'DELETE') return archiveObject(context, type, parts[4] ?? '', path, key);
    }
    if (parts[0] === 'crm' && parts[1] === 'v4' && parts[2] === 'associations' && parts.length === 7 && parts[5] === 'batch' && method === 'POST') {
      const { from, to } = associationTypes(parts[3], parts[4]);
      if (parts[6] === 'read') return batchReadAssociations(context, from, to, await readJson(request));
      if (parts[6] === 'create') return batchCreateAssociations(context, from, to, path, key, await readJson(request));
    }
    if (parts[0] === 'crm' && parts[1] === 'v4' && parts[2] === 'associations' && parts.length === 8 && parts[5] === 'batch' && parts[6] === 'associate' && parts[7] === 'default' && method === 'POST') {
      const { from, to } = associationTypes(parts[3], parts[4]);
      return batchAssociateDefault(context, from, to, path, key, await readJson(request));
    }
    if (parts[0] === 'crm' && parts[1] === 'v4' && parts[2] === 'objects' && parts[5] === 'associations') {
      if (parts.length === 9 && parts[6] === 'default' && method === 'PUT') {
        const { from, to } = associationTypes(parts[3], parts[7]);
        return putDefaultAssociation(context, from, parts[4] ?? '', to, parts[8] ?? '', path, key);
      }
      const { from, to } = associationTypes(parts[3], parts[6]);
      if (parts.length === 7 && method === 'GET') return listAssociations(context, from, parts[4] ?? '', to, url);
      if (parts.length === 8 && method === 'PUT') return putAssociation(context, from, parts[4] ?? '', to, parts[7] ?? '', path, key, await readJson(request));
      if (parts.length === 8 && method === 'DELETE') return deleteAssociation(context, from, parts[4] ?? '', to, parts[7] ?? '', path, key);
    }
    if (parts[0] === 'crm' && parts[1] === 'v3' && parts[2] === 'pipelines' && parts.length >= 4) return pipelinesRoute(state, parts, method);
    if (parts[0] === 'crm' && parts[1] === 'v3' && parts[2] === 'properties' && parts.length >= 4 && parts.length <= 5) {
      return propertiesRoute(state, ledger, missingScopes, parts, method, path, key, method === 'POST' ? await readJson(request) : undefined);
    }
    if (parts[0] === 'crm' && parts[1] === 'v3' && parts[2] === 'owners' && parts.length <= 4 && method === 'GET') return ownersRoute(state, parts, url);
    if (parts[0] === 'conversations' && parts[1] === 'v3' && parts[2] === 'conversations' && ['inboxes', 'channels', 'channel-accounts'].includes(parts[3] ?? '') && parts.length <= 5 && method === 'GET') {
      return conversationSettingsRoute(state, parts[3] ?? '', parts[4]);
    }
    if (parts[0] === 'conversations' && parts[1] === 'v3' && parts[2] === 'conversations' && parts[3] === 'threads') {
      const id = parts[4] ?? '';
      if (parts.length === 4 && method === 'GET') return listThreads(state, url);
      if (parts.length === 5 && method === 'GET') return readThread(state, id, url);
      if (parts.length === 5 && method === 'PATCH') return patchThread(state, ledger, id, path, key, await readJson(request));
      if (parts.length === 5 && method === 'DELETE') return archiveThread(state, ledger, id, path, key);
      if (parts.length === 6 && parts[5] === 'messages' && method === 'GET') return listMessages(state, id, url);
      if (parts.length === 6 && parts[5] === 'messages' && method === 'POST') return postMessage(state, ledger, id, path, key, await readJson(request));
      if (parts.length === 7 && parts[5] === 'messages' && method === 'GET') return readMessage(state, id, parts[6] ?? '');
    }
    throw new HttpError(404, 'OBJECT_NOT_FOUND', 'No such endpoint');
  }

  const server = createServer((request, response) => {
    requests += 1;
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://127.0.0.1');
    } catch {
      send(response, 400, errorBody(400, 'VALIDATION_ERROR', 'Bad request target'));
      return;
    }
    let limitHeaders: Record<string, string> = {};
    const answer = (result: RouteResult): void => {
      requestLog.push({ method: request.method ?? 'GET', path: url.pathname, at: Date.now(), status: result.status });
      if (requestLog.length > requestLogSize) requestLog.splice(0, requestLog.length - requestLogSize);
      send(response, result.status, result.body, { ...limitHeaders, ...result.headers });
    };
    const respond = async (): Promise<void> => {
      if (!authorised(request)) {
        answer({ status: 401, body: errorBody(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview') });
        return;
      }
      const isApi = !url.pathname.startsWith('/__demo/');
      // Faults and limits hit the API only: the test hooks must answer even when the "CRM" is failing.
      if (isApi) {
        const isSearch = request.method === 'POST' && /^\/crm\/v3\/objects\/[^/]+\/search$/.test(url.pathname);
        const limit = limits.decide(isSearch);
        limitHeaders = limit.headers;
        if (limit.kind === 'limit') {
          answer({ status: 429, body: rateLimitBody(limit.policy, randomUUID(), randomUUID()), headers: limit.retryAfterSeconds !== undefined ? { 'Retry-After': String(limit.retryAfterSeconds) } : {} });
          return;
        }
      }
      const decision = isApi ? faults.decide() : ({ kind: 'pass' } as const);
      if (decision.kind === 'limit') {
        answer({ status: 429, body: rateLimitBody('TEN_SECONDLY_ROLLING', randomUUID(), randomUUID()), headers: { 'Retry-After': String(decision.retryAfterSeconds) } });
        return;
      }
      if (decision.kind === 'fail') {
        answer({ status: decision.status, body: errorBody(decision.status, 'INTERNAL_ERROR', 'Injected failure') });
        return;
      }
      const fault = isApi ? scripted.take(request.method ?? 'GET', url.pathname) : undefined;
      if (fault?.when === 'before') {
        if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        answer({ status: fault.status ?? 504, body: errorBody(fault.status ?? 504, 'INTERNAL_ERROR', 'Scripted failure (before acting)') });
        return;
      }
      let result: RouteResult;
      try {
        result = await route(request, url);
      } catch (error) {
        result = error instanceof HttpError ? errorResult(error) : { status: 500, body: errorBody(500, 'INTERNAL_ERROR', error instanceof Error ? error.message : 'error') };
      }
      // "after": the CRM has acted; the client sees an error, or the answer only once its timeout may have fired.
      if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault?.status !== undefined) result = { status: fault.status, body: errorBody(fault.status, 'INTERNAL_ERROR', 'Scripted failure (after acting)') };
      if (!response.destroyed) answer(result);
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
