import type { CrmConnector, PullOptions, RelatedRecords } from '../connector';
import { createHttpClient, type HttpClient, type RetryPolicy } from '../http-client';
import type { RatePacerOptions } from '../rate-pacer';
import type { CrmObjectType, CrmRecordOf, CrmTicket } from '../records';
import { createActions } from './actions';
import { attachAssociations, readAssociations } from './associations';
import { createConversationSync, type SyncScope } from './conversation-sync';
import { createObjectSync, propertiesOf, type ObjectSpec, type ObjectType } from './object-sync';
import { createPortalSetup, type PortalInbox, type PortalOwner } from './portal-setup';
import { contactSchema, lineItemSchema, orderSchema, ticketSchema, toContact, toLineItem, toOrder, toTicket } from './schemas';
import { parsePage, validate } from './validate';
import { relabelTicket } from './wire-pages';

export interface HubSpotConnectorOptions {
  baseUrl: string;
  /** Names this CRM in the sync cursors; changing it starts a fresh sync. */
  source?: string;
  token?: string;
  retry?: Partial<RetryPolicy>;
  /**
   * This desktop's share of the portal's rate limits, and the search limit. On by default, except for a
   * CRM on this machine (the demo CRM, a local proxy), which is paced only when `enabled` says so.
   */
  pacing?: RatePacerOptions;
  pageSize?: number;
  /** HubSpot's search answers up to 200 a page. */
  searchPageSize?: number;
  /** Conversations whose messages are fetched at once. */
  messageConcurrency?: number;
  /** Every incremental run re-reads this much before where the last one ended. */
  overlapMs?: number;
  archivedSweepMs?: number;
  /** How long search may lag behind a write (HubSpot: a few seconds). */
  searchLagMs?: number;
  /** The agent's HubSpot user id (from the owners list): replies are sent as `A-<userId>`. */
  senderUserId?: () => number | string | undefined;
  /** Whether the agent agreed to create the app's properties in the portal. */
  propertyConsent?: () => boolean;
  scope?: () => SyncScope;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** The HTTP transport (the global fetch by default); the ingest benchmark replays a recorded stream through it. */
  fetch?: typeof fetch;
}

export interface HubSpotConnector extends CrmConnector {
  /** The portal's users, for the agent to pick their own in Settings. */
  owners(): Promise<PortalOwner[]>;
  /** The portal's conversation inboxes, for the agent to choose the ones they work in. */
  inboxes(): Promise<PortalInbox[]>;
  /** Reads the ticket pipeline and, with consent, creates the app's properties. */
  prepare(consent: boolean): Promise<{ propertiesReady: boolean }>;
  /** Agent scope: one customer not in the cache, with their orders and tickets, fetched on demand. */
  fetchCustomer(contactId: string, signal?: AbortSignal): Promise<RelatedRecords>;
  /** How many contacts the portal holds (search's `total`), to choose the sync scope. */
  portalContacts(): Promise<number>;
}

const objectSpecs: { [T in ObjectType]: ObjectSpec<T> } = {
  contacts: { schema: contactSchema, map: toContact as (value: never) => CrmRecordOf['contacts'], associations: '' },
  orders: { schema: orderSchema, map: toOrder as (value: never) => CrmRecordOf['orders'], associations: 'contacts,line_items' },
  line_items: { schema: lineItemSchema, map: toLineItem as (value: never) => CrmRecordOf['line_items'], associations: 'orders' },
  tickets: { schema: ticketSchema, map: toTicket as (value: never) => CrmRecordOf['tickets'], associations: 'contacts,orders' },
};

const isLoopback = (url: string): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

export const syncDefaults = { pageSize: 100, searchPageSize: 200, overlapMs: 60_000, archivedSweepMs: 15 * 60_000, searchLagMs: 5_000 } as const;

/** HubSpot CRM v3/v4 and Conversations v3, or any server speaking the same API such as the demo CRM. */
export function createHubSpotConnector(options: HubSpotConnectorOptions): HubSpotConnector {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const http: HttpClient = createHttpClient({
    baseUrl: options.baseUrl,
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    pacing: { ...options.pacing, enabled: options.pacing?.enabled ?? !isLoopback(options.baseUrl) },
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const pageSize = Math.min(100, options.pageSize ?? syncDefaults.pageSize);
  const overlapMs = options.overlapMs ?? syncDefaults.overlapMs;
  const scope = options.scope ?? (() => ({ kind: 'portal' }) as const);
  const setup = createPortalSetup(http);
  let stageLabels: Record<string, string> | undefined;

  const objects = createObjectSync({
    http,
    listPageSize: pageSize,
    searchPageSize: Math.min(200, options.searchPageSize ?? syncDefaults.searchPageSize),
    overlapMs,
    archivedSweepMs: options.archivedSweepMs ?? syncDefaults.archivedSweepMs,
    now,
  });

  async function batchRead<T extends ObjectType>(type: T, ids: string[], signal?: AbortSignal): Promise<CrmRecordOf[T][]> {
    const spec = objectSpecs[type] as ObjectSpec<T>;
    const records: CrmRecordOf[T][] = [];
    for (let start = 0; start < ids.length; start += 100) {
      const body = await http.request({
        method: 'POST',
        path: `/crm/v3/objects/${type}/batch/read`,
        body: { inputs: ids.slice(start, start + 100).map((id) => ({ id })), properties: propertiesOf(spec.schema, type), propertiesWithHistory: [] },
        ...(signal ? { signal } : {}),
      });
      const raws = await attachAssociations(http, type, parsePage(body).results, signal);
      for (const raw of raws) {
        const result = validate(raw, spec.schema, spec.map);
        if (result.ok) records.push(result.value);
      }
    }
    return records;
  }

  async function fetchRelated(contactIds: string[], signal?: AbortSignal): Promise<RelatedRecords> {
    if (contactIds.length === 0) return { contacts: [], orders: [], line_items: [], tickets: [] };
    const [contacts, toOrders, toTickets] = await Promise.all([
      batchRead('contacts', contactIds, signal),
      readAssociations(http, 'contacts', 'orders', contactIds, signal),
      readAssociations(http, 'contacts', 'tickets', contactIds, signal),
    ]);
    const orderIds = [...new Set([...toOrders.values()].flat())];
    const [orders, tickets, toItems] = await Promise.all([
      batchRead('orders', orderIds, signal),
      batchRead('tickets', [...new Set([...toTickets.values()].flat())], signal),
      readAssociations(http, 'orders', 'line_items', orderIds, signal),
    ]);
    const lineItems = await batchRead('line_items', [...new Set([...toItems.values()].flat())], signal);
    return { contacts, orders, line_items: lineItems, tickets: tickets.map(relabel) };
  }

  const conversations = createConversationSync({ http, pageSize, concurrency: options.messageConcurrency ?? 8, overlapMs, now, scope, fetchRelated });

  const relabel = (ticket: CrmTicket): CrmTicket => (stageLabels ? relabelTicket(ticket, stageLabels) : ticket);

  const actions = createActions({
    http,
    setup,
    senderActorId: () => {
      const user = options.senderUserId?.();
      return user === undefined || user === '' ? undefined : `A-${String(user)}`;
    },
    propertyConsent: options.propertyConsent ?? (() => false),
    readMessages: (threadId, sinceMs) => conversations.readMessages(threadId, sinceMs),
    searchLagMs: options.searchLagMs ?? syncDefaults.searchLagMs,
    sleep,
    now,
  });

  async function* pullObjects<T extends ObjectType>(type: T, from: Parameters<CrmConnector['pullChanged']>[1], signal?: AbortSignal, pull?: PullOptions) {
    // Agent scope: records arrive with the threads that reference them, not from a portal-wide listing.
    if (scope().kind === 'agent') {
      yield { records: [], messages: [], rejected: [], nextCursor: from ?? { phase: 'incremental', cursor: JSON.stringify({ ts: now(), sweptAt: now() }) }, done: true };
      return;
    }
    if (type === 'tickets' && !stageLabels) stageLabels = await setup.ticketPipeline().then((pipeline) => pipeline.labels).catch(() => ({}));
    const encoding = pull?.encoded ? (type === 'tickets' && stageLabels ? { stageLabels } : {}) : undefined;
    for await (const page of objects.pull(type, objectSpecs[type] as ObjectSpec<T>, from, signal, encoding)) {
      yield type === 'tickets' ? { ...page, records: (page.records as CrmTicket[]).map(relabel) as CrmRecordOf[T][] } : page;
    }
  }

  return {
    source: options.source ?? `hubspot:${new URL(options.baseUrl).host}`,
    pullChanged: ((type: CrmObjectType, cursor, signal, pull) =>
      type === 'conversations' ? conversations.pull(cursor, signal, pull) : pullObjects(type, cursor, signal, pull)) as CrmConnector['pullChanged'],
    fetchConversation: conversations.fetchConversation,
    pushAction: (action, key, _signal, context) => actions(action, key, context),
    owners: () => setup.owners(),
    inboxes: () => setup.inboxes(),
    async prepare(consent) {
      await setup.ticketPipeline();
      return { propertiesReady: await setup.ensureProperties(consent) };
    },
    fetchCustomer: (contactId, signal) => fetchRelated([contactId], signal),
    async portalContacts() {
      const body = (await http.request({
        method: 'POST',
        path: '/crm/v3/objects/contacts/search',
        search: true,
        body: { filterGroups: [], sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }], properties: ['lastmodifieddate'], limit: 1, after: '0' },
      })) as { total?: unknown } | null;
      return typeof body?.total === 'number' ? body.total : 0;
    },
    get retries() {
      return http.retries;
    },
  };
}
