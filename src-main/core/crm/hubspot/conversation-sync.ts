import type { PullOptions, PulledPage, RejectedRecord, RelatedRecords, SyncCursor } from '../connector';
import type { HttpClient } from '../http-client';
import type { CrmConversation, CrmMessage } from '../records';
import { acceptsThread } from './fast-checks';
import { threadSchema, toConversation, type HubSpotMessage } from './schemas';
import { idOf, parsePage, validate } from './validate';
import { decodeMessageEntries, pagingAfterOf, threadMessages, type HubSpotWirePart } from './wire-pages';

/** Whole portal, or the agent's inboxes plus the threads assigned to them, with the records those threads reference. */
export type SyncScope = { kind: 'portal' } | { kind: 'agent'; inboxIds: string[]; actorId?: string };

export interface ConversationSyncOptions {
  http: HttpClient;
  pageSize: number;
  concurrency: number;
  overlapMs: number;
  now: () => number;
  scope: () => SyncScope;
  /** Agent scope: how long a customer's fetched records count as fresh (default five minutes). */
  relatedRefreshMs?: number;
  /** Agent scope: the contacts (and their orders, line items, tickets) the synced threads reference. */
  fetchRelated: (contactIds: string[], signal?: AbortSignal) => Promise<RelatedRecords>;
}

interface ThreadState {
  after?: string;
  startedAt?: number;
  since?: number;
  newest?: number;
}

function readState(cursor: string | undefined): ThreadState {
  try {
    return cursor ? (JSON.parse(cursor) as ThreadState) : {};
  } catch {
    return {};
  }
}

export function createConversationSync(options: ConversationSyncOptions) {
  const { http } = options;
  /**
   * The latest-message time of each thread whose messages this process has read: the overlap lists a
   * thread again on the next run, and an unchanged one needs no second read. Empty after a restart,
   * which costs one read per listed thread, no more. Only threads recent enough to be listed again are
   * kept (see `forget`), so it holds the last minutes' threads, not the portal's.
   */
  const read = new Map<string, string | null>();
  /** Drops what no run from `floor` on can list again unchanged: a thread older than the window reappears only with a newer message. */
  const forget = (floor: number): void => {
    for (const [id, at] of read) if (!(Date.parse(at ?? '') >= floor)) read.delete(id);
  };
  /** Agent scope: when each referenced customer's records were last fetched; refreshed at most every few minutes. */
  const relatedAt = new Map<string, number>();
  const relatedRefreshMs = options.relatedRefreshMs ?? 5 * 60_000;

  const messagesPath = (threadId: string, query: URLSearchParams): string => `/conversations/v3/conversations/threads/${encodeURIComponent(threadId)}/messages?${query}`;

  /** Every message page of a thread, undecoded: only their paging cursors are read here, the writer parses them. */
  async function messageParts(threadId: string, signal?: AbortSignal): Promise<HubSpotWirePart[]> {
    const parts: HubSpotWirePart[] = [];
    let after: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '100', ...(after ? { after } : {}) });
      const body = await http.requestBytes({ method: 'GET', path: messagesPath(threadId, query), ...(signal ? { signal } : {}) });
      after = pagingAfterOf(body);
      parts.push({ format: 'hubspot-messages', threadId, body, after });
    } while (after);
    return parts;
  }

  /** The thread's messages, newest first as the API answers, read back to `sinceMs` (everything when NaN). */
  async function readMessages(threadId: string, sinceMs: number, signal?: AbortSignal): Promise<{ raw: HubSpotMessage[]; rejected: RejectedRecord[] }> {
    const raw: HubSpotMessage[] = [];
    const rejected: RejectedRecord[] = [];
    let after: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '100', ...(after ? { after } : {}) });
      const page = parsePage(await http.request({ method: 'GET', path: messagesPath(threadId, query), ...(signal ? { signal } : {}) }));
      const decoded = decodeMessageEntries(page.results, sinceMs);
      for (const entry of decoded.kept) raw.push(entry);
      for (const entry of decoded.rejected) rejected.push(entry);
      const { older } = decoded;
      // Newest first: once a page reaches back past `since`, the rest is older still.
      after = older ? undefined : page.paging?.next?.after;
    } while (after);
    return { raw, rejected };
  }

  async function fetchConversation(threadId: string, since?: string, signal?: AbortSignal): Promise<{ messages: CrmMessage[]; rejected: RejectedRecord[] }> {
    const sinceMs = since ? Date.parse(since) : Number.NaN;
    const { raw, rejected } = await readMessages(threadId, sinceMs, signal);
    return { messages: threadMessages(threadId, raw, sinceMs), rejected };
  }

  function inScope(scope: SyncScope, raw: unknown): boolean {
    if (scope.kind === 'portal') return true;
    const thread = raw as { inboxId?: unknown; assignedTo?: unknown };
    return (typeof thread.inboxId === 'string' && scope.inboxIds.includes(thread.inboxId)) || (scope.actorId !== undefined && thread.assignedTo === scope.actorId);
  }

  async function* pull(from: SyncCursor | undefined, signal?: AbortSignal, pullOptions?: PullOptions): AsyncGenerator<PulledPage<'conversations'>> {
    const incremental = from?.phase === 'incremental';
    const state = readState(from?.cursor);
    const startedAt = state.startedAt ?? options.now();
    const since = incremental ? Math.max(0, (state.since ?? 0) - options.overlapMs) : 0;
    let newest = state.newest ?? state.since ?? 0;
    let after = state.after;
    const scope = options.scope();
    // This run lists threads from `since` on; the next one starts after it (an initial run hands over its start time).
    const floor = incremental ? since : startedAt - options.overlapMs;
    forget(floor);
    for (;;) {
      const query = new URLSearchParams({ limit: String(options.pageSize), ...(after ? { after } : {}) });
      if (incremental) {
        query.set('sort', 'latestMessageTimestamp');
        query.set('latestMessageTimestampAfter', new Date(since).toISOString());
      } else if (scope.kind === 'agent') {
        for (const inbox of scope.inboxIds) query.append('inboxId', inbox);
      }
      const page = parsePage(await http.request({ method: 'GET', path: `/conversations/v3/conversations/threads?${query}`, ...(signal ? { signal } : {}) }));
      const records: CrmConversation[] = [];
      const rejected: RejectedRecord[] = [];
      const deleted: string[] = [];
      for (const raw of page.results) {
        const archived = (raw as { archived?: unknown; spam?: unknown } | null)?.archived === true || (raw as { spam?: unknown } | null)?.spam === true;
        if (archived) {
          const id = idOf(raw);
          if (id) deleted.push(id);
          continue;
        }
        if (!inScope(scope, raw)) continue;
        const result = validate(raw, threadSchema, toConversation, acceptsThread);
        if (result.ok) records.push(result.value);
        else rejected.push(result.rejected);
      }
      const messages: CrmMessage[] = [];
      const encoded: HubSpotWirePart[] = [];
      const changed = records.filter((record) => !read.has(record.id) || read.get(record.id) !== record.lastMessageAt);
      // A first sync reads every message of a thread: its pages go to the writer undecoded. An incremental one stops
      // at the first message older than `since`, which needs them read here.
      const undecoded = pullOptions?.encoded === true && !incremental;
      for (let start = 0; start < changed.length; start += options.concurrency) {
        const slice = changed.slice(start, start + options.concurrency);
        if (undecoded) {
          for (const parts of await Promise.all(slice.map((record) => messageParts(record.id, signal)))) for (const part of parts) encoded.push(part);
          continue;
        }
        const batch = await Promise.all(slice.map((record) => fetchConversation(record.id, incremental ? new Date(since).toISOString() : undefined, signal)));
        for (const result of batch) {
          messages.push(...result.messages);
          rejected.push(...result.rejected);
        }
      }
      for (const record of records) newest = Math.max(newest, Date.parse(record.lastMessageAt ?? '') || 0);
      const related =
        scope.kind === 'agent'
          ? await options.fetchRelated(
              [...new Set(changed.map((record) => record.contactId).filter((id): id is string => id !== null && /^\d{1,30}$/.test(id)))].filter(
                (id) => options.now() - (relatedAt.get(id) ?? Number.NEGATIVE_INFINITY) >= relatedRefreshMs,
              ),
              signal,
            )
          : undefined;
      for (const contact of related?.contacts ?? []) relatedAt.set(contact.id, options.now());
      const next = page.paging?.next?.after;
      const done = next === undefined;
      // Remembered only once the page is committed: a page that failed is read again in full.
      const remember = (): void => {
        for (const record of changed) if (Date.parse(record.lastMessageAt ?? '') >= floor) read.set(record.id, record.lastMessageAt);
      };
      const nextCursor: SyncCursor = done
        ? { phase: 'incremental', cursor: JSON.stringify({ since: incremental ? newest : startedAt, newest: incremental ? newest : startedAt } satisfies ThreadState) }
        : { phase: from?.phase ?? 'initial', cursor: JSON.stringify({ after: next, startedAt, ...(incremental ? { since: state.since ?? 0, newest } : {}) } satisfies ThreadState) };
      yield {
        records,
        messages,
        rejected,
        nextCursor,
        done,
        ...(deleted.length > 0 ? { deleted } : {}),
        ...(related ? { related } : {}),
        ...(encoded.length > 0 ? { encoded } : {}),
        committed: remember,
      };
      if (done) return;
      after = next;
    }
  }

  return { pull, fetchConversation, readMessages };
}
