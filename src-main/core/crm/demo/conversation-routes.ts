import { agents } from './catalog';
import { threadSpanMs, baseTime } from './generator';
import { HttpError, asRecord, page, readCount, readLimit, type RouteResult } from './http';
import type { IdempotencyLedger } from './idempotency';
import type { DemoState } from './state';
import { virtualPage } from './virtual-list';

/**
 * Threads in ascending id order; with `latestMessageTimestampAfter`, only the threads whose latest
 * message is newer, oldest change first (generated threads' latest times rise with their index,
 * so the first match is computed).
 */
export function listThreads(state: DemoState, url: URL): RouteResult {
  const limit = readLimit(url.searchParams.get('limit'), 20, 500);
  const offset = readCount(url.searchParams.get('after'), 0, 'after');
  const since = url.searchParams.get('latestMessageTimestampAfter');
  const count = state.threadCount();
  if (since === null) {
    const items = [];
    for (let index = offset; index < Math.min(count, offset + limit); index += 1) items.push(state.thread(index));
    return { status: 200, body: page(items, offset + limit < count ? offset + limit : undefined) };
  }
  const threshold = /^\d{1,16}$/.test(since) ? Number(since) : Date.parse(since);
  if (!Number.isFinite(threshold)) throw new HttpError(400, 'VALIDATION_ERROR', 'latestMessageTimestampAfter must be an ISO time');
  const start = Math.min(count, Math.max(0, Math.floor((threshold - baseTime - threadSpanMs) / 1000) + 1));
  const changed = state.changedThreads();
  const touched = changed
    .map((thread) => state.threadById(thread.id)?.index)
    .filter((index): index is number => index !== undefined)
    .sort((a, b) => a - b);
  const result = virtualPage({
    baseCount: count,
    start,
    touched,
    changedTail: changed.filter((thread) => Date.parse(thread.latestMessageTimestamp) > threshold),
    offset,
    limit,
    base: (index) => state.thread(index),
  });
  return { status: 200, body: page(result.items, result.nextOffset) };
}

function findThread(state: DemoState, id: string): { index: number; thread: ReturnType<DemoState['thread']> } {
  const found = state.threadById(id);
  if (!found) throw new HttpError(404, 'OBJECT_NOT_FOUND', `No thread with id ${id.slice(0, 64)}`);
  return found;
}

export function readThread(state: DemoState, id: string): RouteResult {
  return { status: 200, body: findThread(state, id).thread };
}

export function listMessages(state: DemoState, id: string, url: URL): RouteResult {
  const { index } = findThread(state, id);
  const all = state.messages(index);
  const limit = readLimit(url.searchParams.get('limit'), 20, 500);
  const after = readCount(url.searchParams.get('after'), 0, 'after');
  const next = after + limit;
  return { status: 200, body: page(all.slice(after, next), next < all.length ? next : undefined) };
}

export function postMessage(state: DemoState, ledger: IdempotencyLedger, id: string, path: string, key: string | undefined, rawBody: unknown): RouteResult {
  const { index } = findThread(state, id);
  const body = asRecord(rawBody);
  if (typeof body.text !== 'string' || body.text.trim().length === 0) throw new HttpError(400, 'VALIDATION_ERROR', 'text is required');
  if (body.type !== undefined && body.type !== 'MESSAGE') throw new HttpError(400, 'VALIDATION_ERROR', 'Only type MESSAGE is supported');
  if (body.direction !== undefined && body.direction !== 'OUTGOING') throw new HttpError(400, 'VALIDATION_ERROR', 'Only OUTGOING messages can be sent');
  if (body.text.length > 50_000) throw new HttpError(400, 'VALIDATION_ERROR', 'text is longer than 50000 characters');
  const actorId = typeof body.senderActorId === 'string' && /^A-[\w-]{1,40}$/.test(body.senderActorId) ? body.senderActorId : 'A-1';
  const sender = { actorId, name: agents.find((agent) => agent.id === actorId)?.name ?? 'AcmeBrands support' };
  const text = body.text;
  return ledger.run(key, { method: 'POST', path, body: rawBody }, () => ({ status: 201, body: state.addMessage(index, text, 'OUTGOING', sender) }));
}
