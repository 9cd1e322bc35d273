import type { z } from 'zod';
import type { CrmConnector, OutboxAction, PulledPage, RejectedRecord, SyncCursor } from '../connector';
import { createHttpClient, type HttpClient, type RetryPolicy } from '../http-client';
import type { CrmMessage, CrmObjectType, CrmRecordOf } from '../records';
import {
  contactSchema,
  lineItemSchema,
  messageSchema,
  orderSchema,
  pageSchema,
  threadSchema,
  ticketSchema,
  toContact,
  toConversation,
  toLineItem,
  toMessage,
  toOrder,
  toTicket,
} from './schemas';

export interface HubSpotConnectorOptions {
  baseUrl: string;
  /** Names this CRM in the sync cursors; changing it starts a fresh sync. */
  source?: string;
  token?: string;
  retry?: Partial<RetryPolicy>;
  pageSize?: number;
  /** Conversations whose messages are fetched at once. */
  messageConcurrency?: number;
  sleep?: (ms: number) => Promise<void>;
}

interface ObjectSpec<T extends CrmObjectType> {
  schema: z.ZodType;
  map: (value: never) => CrmRecordOf[T];
  associations: string;
}

/** HubSpot returns only a few default properties unless each one is named. */
const propertiesOf = (schema: z.ZodType): string[] => {
  const shape = (schema as unknown as { shape: { properties: { shape: Record<string, unknown> } } }).shape.properties.shape;
  return [...Object.keys(shape), 'hs_lastmodifieddate'];
};

const objectSpecs: { [T in Exclude<CrmObjectType, 'conversations'>]: ObjectSpec<T> } = {
  contacts: { schema: contactSchema, map: toContact as (value: never) => CrmRecordOf['contacts'], associations: '' },
  orders: { schema: orderSchema, map: toOrder as (value: never) => CrmRecordOf['orders'], associations: 'contacts,line_items' },
  line_items: { schema: lineItemSchema, map: toLineItem as (value: never) => CrmRecordOf['line_items'], associations: 'orders' },
  tickets: { schema: ticketSchema, map: toTicket as (value: never) => CrmRecordOf['tickets'], associations: 'contacts,orders' },
};

/** Clock skew and in-flight writes: an incremental pull starts this much before the last high-water mark. */
const overlapMs = 60_000;

interface InitialState {
  after: string;
  startedAt: number;
}
interface IncrementalState {
  since: number;
  after: string;
  high: number;
}

function readState<T>(cursor: string, fallback: T): T {
  try {
    return { ...fallback, ...(JSON.parse(cursor) as Partial<T>) };
  } catch {
    return fallback;
  }
}

function idOf(raw: unknown): string | null {
  return raw && typeof raw === 'object' && 'id' in raw && typeof (raw as { id: unknown }).id === 'string' ? (raw as { id: string }).id.slice(0, 64) : null;
}

function hasAssociations(raw: unknown): boolean {
  return Boolean(raw && typeof raw === 'object' && Object.hasOwn(raw, 'associations'));
}

function validate<T>(raw: unknown, schema: z.ZodType, map: (value: never) => T): { ok: true; value: T } | { ok: false; rejected: RejectedRecord } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, rejected: { recordId: idOf(raw), reason, raw } };
  }
  try {
    return { ok: true, value: map(parsed.data as never) };
  } catch (error) {
    return { ok: false, rejected: { recordId: idOf(raw), reason: error instanceof Error ? error.message : String(error), raw } };
  }
}

/** HubSpot CRM v3 (objects, search, conversations), or any server speaking the same API such as the demo CRM. */
export function createHubSpotConnector(options: HubSpotConnectorOptions): CrmConnector {
  const http: HttpClient = createHttpClient({
    baseUrl: options.baseUrl,
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const pageSize = Math.min(100, options.pageSize ?? 100);
  const concurrency = options.messageConcurrency ?? 8;

  function parsePage(body: unknown): z.infer<typeof pageSchema> {
    const page = pageSchema.safeParse(body);
    if (!page.success) throw new Error('The CRM answered a page in an unexpected shape.');
    return page.data;
  }

  async function fetchConversation(conversationId: string, since?: string, signal?: AbortSignal): Promise<{ messages: CrmMessage[]; rejected: RejectedRecord[] }> {
    const sinceMs = since ? Date.parse(since) : Number.NaN;
    const messages: CrmMessage[] = [];
    const rejected: RejectedRecord[] = [];
    let after: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '100', ...(after ? { after } : {}) });
      const page = parsePage(
        await http.request({ method: 'GET', path: `/conversations/v3/conversations/threads/${encodeURIComponent(conversationId)}/messages?${query}`, ...(signal ? { signal } : {}) }),
      );
      for (const raw of page.results) {
        const result = validate(raw, messageSchema, (value: z.infer<typeof messageSchema>) => toMessage(conversationId, value));
        if (!result.ok) rejected.push(result.rejected);
        // The API pages from the oldest message and has no "since" filter, so older ones are skipped here.
        else if (!(Date.parse(result.value.createdAt) <= sinceMs)) messages.push(result.value);
      }
      after = page.paging?.next?.after;
    } while (after);
    return { messages, rejected };
  }

  /**
   * HubSpot's search answers without associations; the records that lack them are read again
   * through batch read (at most 100 ids a call), so an order never loses its customer on an update.
   */
  async function withAssociations(
    type: CrmObjectType,
    page: z.infer<typeof pageSchema>,
    properties: string[],
    associations: string,
    signal?: AbortSignal,
  ): Promise<z.infer<typeof pageSchema>> {
    if (!associations) return page;
    const missing = page.results.map(idOf).filter((id, index): id is string => id !== null && !hasAssociations(page.results[index]));
    if (missing.length === 0) return page;
    const complete = new Map<string, unknown>();
    for (let start = 0; start < missing.length; start += 100) {
      const body = await http.request({
        method: 'POST',
        path: `/crm/v3/objects/${type}/batch/read?associations=${encodeURIComponent(associations)}`,
        body: { inputs: missing.slice(start, start + 100).map((id) => ({ id })), properties },
        ...(signal ? { signal } : {}),
      });
      for (const record of parsePage(body).results) {
        const id = idOf(record);
        if (id !== null) complete.set(id, record);
      }
    }
    return { ...page, results: page.results.map((raw) => complete.get(idOf(raw) ?? '') ?? raw) };
  }

  async function* pullObjects<T extends Exclude<CrmObjectType, 'conversations'>>(type: T, from: SyncCursor | undefined, signal?: AbortSignal): AsyncGenerator<PulledPage<T>> {
    const spec = objectSpecs[type] as ObjectSpec<T>;
    const properties = propertiesOf(spec.schema);
    let cursor: SyncCursor = from ?? { phase: 'initial', cursor: JSON.stringify({ after: '', startedAt: Date.now() }) };
    for (;;) {
      let body: unknown;
      let nextCursor: SyncCursor;
      let done: boolean;
      const records: CrmRecordOf[T][] = [];
      const rejected: RejectedRecord[] = [];
      if (cursor.phase === 'initial') {
        const state = readState<InitialState>(cursor.cursor, { after: '', startedAt: Date.now() });
        const query = new URLSearchParams({
          limit: String(pageSize),
          ...(state.after ? { after: state.after } : {}),
          properties: properties.join(','),
          ...(spec.associations ? { associations: spec.associations } : {}),
        });
        body = await http.request({ method: 'GET', path: `/crm/v3/objects/${type}?${query}`, ...(signal ? { signal } : {}) });
        const page = parsePage(body);
        const after = page.paging?.next?.after;
        done = after === undefined;
        nextCursor = done
          ? { phase: 'incremental', cursor: JSON.stringify({ since: state.startedAt - overlapMs, after: '', high: state.startedAt - overlapMs }) }
          : { phase: 'initial', cursor: JSON.stringify({ after, startedAt: state.startedAt }) };
        body = page;
      } else {
        const state = readState<IncrementalState>(cursor.cursor, { since: 0, after: '', high: 0 });
        body = await http.request({
          method: 'POST',
          path: `/crm/v3/objects/${type}/search`,
          body: {
            filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(state.since) }] }],
            sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
            properties,
            limit: pageSize,
            ...(state.after ? { after: state.after } : {}),
          },
          ...(signal ? { signal } : {}),
        });
        const page = await withAssociations(type, parsePage(body), properties, spec.associations, signal);
        let high = state.high;
        for (const raw of page.results) {
          const updated = Date.parse(String((raw as { updatedAt?: unknown }).updatedAt ?? ''));
          if (!Number.isNaN(updated)) high = Math.max(high, updated);
        }
        const after = page.paging?.next?.after;
        done = after === undefined;
        // The next tick starts at the newest change seen; GTE re-reads that one record, which upserts as a no-op.
        nextCursor = done
          ? { phase: 'incremental', cursor: JSON.stringify({ since: Math.max(state.since, high), after: '', high: Math.max(state.since, high) }) }
          : { phase: 'incremental', cursor: JSON.stringify({ since: state.since, after, high }) };
        body = page;
      }
      for (const raw of (body as z.infer<typeof pageSchema>).results) {
        const result = validate(raw, spec.schema, spec.map);
        if (result.ok) records.push(result.value);
        else rejected.push(result.rejected);
      }
      yield { records, messages: [], rejected, nextCursor, done };
      if (done) return;
      cursor = nextCursor;
    }
  }

  async function* pullConversations(from: SyncCursor | undefined, signal?: AbortSignal): AsyncGenerator<PulledPage<'conversations'>> {
    let cursor: SyncCursor = from ?? { phase: 'initial', cursor: JSON.stringify({ after: '', startedAt: Date.now() }) };
    for (;;) {
      const incremental = cursor.phase === 'incremental';
      const state = incremental ? readState<IncrementalState>(cursor.cursor, { since: 0, after: '', high: 0 }) : readState<InitialState>(cursor.cursor, { after: '', startedAt: Date.now() });
      const query = new URLSearchParams({
        limit: String(pageSize),
        ...(state.after ? { after: state.after } : {}),
        ...(incremental ? { latestMessageTimestampAfter: new Date((state as IncrementalState).since).toISOString() } : {}),
      });
      const page = parsePage(await http.request({ method: 'GET', path: `/conversations/v3/conversations/threads?${query}`, ...(signal ? { signal } : {}) }));
      const records: CrmRecordOf['conversations'][] = [];
      const rejected: RejectedRecord[] = [];
      for (const raw of page.results) {
        const result = validate(raw, threadSchema, toConversation);
        if (result.ok) records.push(result.value);
        else rejected.push(result.rejected);
      }
      const messages: CrmMessage[] = [];
      for (let start = 0; start < records.length; start += concurrency) {
        const batch = await Promise.all(records.slice(start, start + concurrency).map((record) => fetchConversation(record.id, undefined, signal)));
        for (const result of batch) {
          messages.push(...result.messages);
          rejected.push(...result.rejected);
        }
      }
      const after = page.paging?.next?.after;
      const done = after === undefined;
      let next: SyncCursor;
      if (!incremental) {
        const startedAt = (state as InitialState).startedAt;
        next = done
          ? { phase: 'incremental', cursor: JSON.stringify({ since: startedAt - overlapMs, after: '', high: startedAt - overlapMs }) }
          : { phase: 'initial', cursor: JSON.stringify({ after, startedAt }) };
      } else {
        const previous = state as IncrementalState;
        const high = Math.max(previous.high, ...records.map((record) => Date.parse(record.lastMessageAt ?? '') || 0));
        next = done ? { phase: 'incremental', cursor: JSON.stringify({ since: Math.max(previous.since, high), after: '', high }) } : { phase: 'incremental', cursor: JSON.stringify({ since: previous.since, after, high }) };
      }
      yield { records, messages, rejected, nextCursor: next, done };
      if (done) return;
      cursor = next;
    }
  }

  async function pushAction(action: OutboxAction, idempotencyKey: string, signal?: AbortSignal): Promise<unknown> {
    const p = action.payload;
    const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));
    const contactAssociation = [{ to: { id: action.customerId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 16 }] }];
    const base = { idempotencyKey, ...(signal ? { signal } : {}) };
    switch (action.kind) {
      case 'send_reply':
        return http.request({
          ...base,
          method: 'POST',
          path: `/conversations/v3/conversations/threads/${encodeURIComponent(text(p.conversationId))}/messages`,
          body: { type: 'MESSAGE', text: text(p.text), direction: 'OUTGOING', senderActorId: 'A-1' },
        });
      case 'request_refund':
        return http.request({
          ...base,
          method: 'POST',
          path: '/crm/v3/objects/tickets',
          body: {
            properties: {
              hs_ticket_category: 'REFUND_REQUEST',
              subject: `Refund request for order ${text(p.orderId)}`,
              content: text(p.reason),
              refund_amount: text(p.amount),
              order_id: text(p.orderId),
              hs_pipeline_stage: '1',
            },
            associations: contactAssociation,
          },
        });
      case 'create_ticket':
        return http.request({
          ...base,
          method: 'POST',
          path: '/crm/v3/objects/tickets',
          body: { properties: { subject: text(p.subject), content: text(p.content), hs_pipeline_stage: '1', hs_ticket_priority: text(p.priority) || 'MEDIUM' }, associations: contactAssociation },
        });
      case 'update_ticket':
        return http.request({ ...base, method: 'PATCH', path: `/crm/v3/objects/tickets/${encodeURIComponent(text(p.ticketId))}`, body: { properties: p.properties ?? {} } });
      case 'escalate':
        return p.ticketId
          ? http.request({ ...base, method: 'PATCH', path: `/crm/v3/objects/tickets/${encodeURIComponent(text(p.ticketId))}`, body: { properties: { hs_ticket_priority: 'HIGH', content: text(p.handoffNote) } } })
          : http.request({
              ...base,
              method: 'POST',
              path: '/crm/v3/objects/tickets',
              body: { properties: { subject: `Escalation: ${text(p.reason)}`, content: text(p.handoffNote), hs_pipeline_stage: '1', hs_ticket_priority: 'HIGH', hs_ticket_category: 'ESCALATION' }, associations: contactAssociation },
            });
      case 'update_preferences':
        return http.request({ ...base, method: 'PATCH', path: `/crm/v3/objects/contacts/${encodeURIComponent(action.customerId)}`, body: { properties: { preferences: JSON.stringify(p.preferences ?? {}) } } });
    }
  }

  return {
    source: options.source ?? `hubspot:${new URL(options.baseUrl).host}`,
    pullChanged: ((type: CrmObjectType, cursor: SyncCursor | undefined, signal?: AbortSignal) =>
      type === 'conversations' ? pullConversations(cursor, signal) : pullObjects(type, cursor, signal)) as CrmConnector['pullChanged'],
    fetchConversation,
    pushAction,
    get retries() {
      return http.retries;
    },
  };
}
