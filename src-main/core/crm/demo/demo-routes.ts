import { HttpError, asRecord, readJson, type RouteResult } from './http';
import type { IdempotencyLedger } from './idempotency';
import { isObjectType } from './object-routes';
import type { DemoState } from './state';
import type { IncomingMessage } from 'node:http';

export interface RequestLogEntry {
  method: string;
  path: string;
  /** Epoch milliseconds when the answer was sent. */
  at: number;
  status: number;
}

export interface DemoCrmStats {
  /** Live records (archived and merged-away ones not counted); `messages` counts MESSAGE entries only, not comments or other entries. */
  counts: { contacts: number; orders: number; line_items: number; tickets: number; conversations: number; messages: number };
  requests: number;
}

const maxTouched = 200_000;

/** `/__demo/...`: introspection and test hooks that HubSpot does not have. */
export async function demoRoute(
  state: DemoState,
  ledger: IdempotencyLedger,
  context: { stats: () => DemoCrmStats; requestLog: () => RequestLogEntry[] },
  what: string | undefined,
  request: IncomingMessage,
): Promise<RouteResult> {
  const method = request.method ?? 'GET';
  if (what === 'stats' && method === 'GET') return { status: 200, body: context.stats() };
  if (what === 'side-effects' && method === 'GET') return { status: 200, body: ledger.sideEffects() };
  if (what === 'requests' && method === 'GET') return { status: 200, body: context.requestLog() };
  if (what === 'customer-message' && method === 'POST') {
    const body = asRecord(await readJson(request));
    const found = state.threadById(String(body.threadId ?? ''));
    if (!found) throw new HttpError(404, 'OBJECT_NOT_FOUND', 'No such thread');
    if (typeof body.text !== 'string' || body.text.length === 0 || body.text.length > 50_000) throw new HttpError(400, 'VALIDATION_ERROR', 'text is required (at most 50000 characters)');
    return { status: 201, body: state.addMessage(found.index, body.text, 'INCOMING') };
  }
  if (what === 'archive' && method === 'POST') {
    // A record deleted in HubSpot's own UI: the sync should see it go.
    const body = asRecord(await readJson(request));
    const type = String(body.type);
    if (!isObjectType(type)) throw new HttpError(400, 'VALIDATION_ERROR', 'type must be contacts, orders, line_items or tickets');
    if (!Array.isArray(body.ids) || body.ids.length > maxTouched) throw new HttpError(400, 'VALIDATION_ERROR', `ids must be an array of at most ${maxTouched}`);
    let archived = 0;
    for (const id of body.ids) if (state.archive(type, String(id))) archived += 1;
    return { status: 200, body: { archived } };
  }
  if (what === 'merge' && method === 'POST') {
    // Two contacts merged in HubSpot's UI: the primary survives and takes over the other's threads and records.
    const body = asRecord(await readJson(request));
    const merged = state.merge(String(body.primaryId ?? ''), String(body.mergedId ?? ''));
    if (!merged) throw new HttpError(400, 'VALIDATION_ERROR', 'primaryId and mergedId must be two different live contacts');
    return { status: 200, body: { id: merged.id, mergedIds: (merged.properties.hs_merged_object_ids ?? '').split(';').filter(Boolean) } };
  }
  if (what === 'touch' && method === 'POST') {
    const body = asRecord(await readJson(request));
    const type = String(body.type);
    if (!isObjectType(type)) throw new HttpError(400, 'VALIDATION_ERROR', 'type must be contacts, orders, line_items or tickets');
    const ids: string[] = [];
    if (body.ids !== undefined) {
      if (!Array.isArray(body.ids) || body.ids.length > maxTouched) throw new HttpError(400, 'VALIDATION_ERROR', `ids must be an array of at most ${maxTouched}`);
      ids.push(...body.ids.map(String));
    }
    if (body.fraction !== undefined) {
      const fraction = Number(body.fraction);
      if (!(fraction > 0 && fraction <= 1)) throw new HttpError(400, 'VALIDATION_ERROR', 'fraction must be in (0, 1]');
      // Every k-th generated record: spread over the whole range and the same for every run.
      const step = Math.max(1, Math.round(1 / fraction));
      const count = state.baseCount(type);
      if (count / step > maxTouched) throw new HttpError(400, 'VALIDATION_ERROR', `At most ${maxTouched} records can be touched at once`);
      for (let index = 0; index < count; index += step) ids.push(state.baseRecord(type, index).id);
    }
    let touched = 0;
    for (const id of ids) if (state.touch(type, id)) touched += 1;
    return { status: 200, body: { touched } };
  }
  throw new HttpError(404, 'OBJECT_NOT_FOUND', 'No such demo endpoint');
}
