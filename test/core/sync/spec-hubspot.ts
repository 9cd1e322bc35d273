import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HubSpot written from the facts of HubSpot's published OpenAPI specs (CRM objects v3, associations
 * v4, pipelines, properties, owners, Conversations v3) and its documented behaviour: search filters on the
 * object's own last-modified property (contacts `lastmodifieddate`, others `hs_lastmodifieddate`), answers
 * no associations, caps one query at `searchCap` results (HubSpot: 10,000) with a 400 past it, and sees a
 * write only `searchLagMs` after it happened; unknown properties are a 400; a unique-value property refuses
 * a second record with the same value (409); Idempotency-Key is ignored; errors carry `correlationId`.
 * The tests drive it with faults: `failNext` answers 5xx after acting, `slowNext` acts and answers late.
 */
export interface SpecObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  /** When search can see this version. */
  indexedAt: number;
}

export interface SpecMessage {
  id: string;
  type: string;
  createdAt: string;
  [key: string]: unknown;
}

export interface SpecThread {
  id: string;
  createdAt: string;
  status: 'OPEN' | 'CLOSED';
  associatedContactId: string;
  inboxId: string;
  originalChannelId: string;
  originalChannelAccountId: string;
  spam: boolean;
  archived: boolean;
  latestMessageTimestamp?: string;
  assignedTo?: string;
  messages: SpecMessage[];
}

export interface SpecHubSpotOptions {
  searchCap?: number;
  searchLagMs?: number;
  now?: () => number;
}

const lastModified = (type: string): string => (type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate');
const known: Record<string, Set<string>> = {
  contacts: new Set(['email', 'firstname', 'lastname', 'phone', 'address', 'city', 'state', 'zip', 'lastmodifieddate', 'createdate', 'hs_object_id', 'hs_merged_object_ids']),
  tickets: new Set(['subject', 'content', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_priority', 'hs_ticket_category', 'hs_lastmodifieddate', 'createdate', 'hs_object_id']),
  orders: new Set(['hs_order_name', 'hs_total_price', 'hs_currency_code', 'hs_fulfillment_status', 'hs_shipping_address_street', 'hs_createdate', 'hs_lastmodifieddate', 'hs_object_id']),
  line_items: new Set(['name', 'hs_sku', 'quantity', 'price', 'hs_lastmodifieddate', 'hs_object_id']),
  notes: new Set(['hs_note_body', 'hs_timestamp', 'hs_lastmodifieddate', 'hs_object_id']),
};

export function startSpecHubSpot(options: SpecHubSpotOptions = {}) {
  const now = options.now ?? Date.now;
  const cap = options.searchCap ?? 10_000;
  const lag = options.searchLagMs ?? 0;
  const objects = { contacts: new Map(), orders: new Map(), line_items: new Map(), tickets: new Map(), notes: new Map() } as Record<string, Map<string, SpecObject>> & Record<'contacts' | 'orders' | 'line_items' | 'tickets' | 'notes', Map<string, SpecObject>>;
  /** from type → from id → to type → ids */
  const links = new Map<string, Set<string>>();
  const threads = new Map<string, SpecThread>();
  const customProperties = { contacts: new Map(), tickets: new Map() } as Record<string, Map<string, { name: string; hasUniqueValue: boolean }>> & Record<'contacts' | 'tickets', Map<string, { name: string; hasUniqueValue: boolean }>>;
  const requests: { method: string; path: string; body: unknown; headers: IncomingMessage['headers'] }[] = [];
  const faults = { failNext: 0, slowNext: 0, slowMs: 0, dailyLimit: false, failMatching: /./ };
  let nextId = 700_000_000;

  const link = (fromType: string, fromId: string, toType: string, toId: string): void => {
    for (const [a, ai, b, bi] of [
      [fromType, fromId, toType, toId],
      [toType, toId, fromType, fromId],
    ] as const) {
      const key = `${a}/${ai}/${b}`;
      const set = links.get(key) ?? new Set<string>();
      set.add(bi);
      links.set(key, set);
    }
  };

  function put(type: string, id: string, properties: Record<string, string | null>, at = now()): SpecObject {
    const iso = new Date(at).toISOString();
    const previous = objects[type]?.get(id);
    const record: SpecObject = {
      id,
      properties: { ...previous?.properties, ...properties, hs_object_id: id, [lastModified(type)]: iso },
      createdAt: previous?.createdAt ?? iso,
      updatedAt: iso,
      archived: false,
      indexedAt: at + lag,
    };
    objects[type]?.set(id, record);
    return record;
  }

  function archive(type: string, id: string): void {
    const record = objects[type]?.get(id);
    if (record) Object.assign(record, { archived: true, archivedAt: new Date(now()).toISOString() });
  }

  class Answer extends Error {
    constructor(
      readonly status: number,
      readonly category: string,
      message: string,
    ) {
      super(message);
    }
  }

  function pick(record: SpecObject, type: string, properties: string[] | undefined) {
    const wanted = properties && properties.length > 0 ? properties : ['hs_object_id', lastModified(type), 'createdate'];
    return {
      id: record.id,
      properties: Object.fromEntries(wanted.filter((name) => name in record.properties).map((name) => [name, record.properties[name] ?? null])),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      archived: record.archived,
      ...(record.archivedAt ? { archivedAt: record.archivedAt } : {}),
    };
  }

  function checkProperties(type: string, properties: Record<string, unknown>): void {
    for (const name of Object.keys(properties)) {
      if (!known[type]?.has(name) && !customProperties[type]?.has(name)) throw new Answer(400, 'VALIDATION_ERROR', `Property values were not valid: [{"isValid":false,"message":"Property \\"${name}\\" does not exist","error":"PROPERTY_DOESNT_EXIST","name":"${name}"}]`);
      if (typeof properties[name] !== 'string') throw new Answer(400, 'VALIDATION_ERROR', `Property "${name}" must be a string`);
    }
  }

  function create(type: string, body: Record<string, unknown>): SpecObject {
    const properties = (body.properties ?? {}) as Record<string, string>;
    checkProperties(type, properties);
    if (type === 'tickets' && (!properties.subject || !properties.hs_pipeline || !properties.hs_pipeline_stage)) throw new Answer(400, 'VALIDATION_ERROR', 'subject, hs_pipeline and hs_pipeline_stage are required');
    if (type === 'notes' && !properties.hs_timestamp) throw new Answer(400, 'VALIDATION_ERROR', 'hs_timestamp is required');
    for (const [name, definition] of customProperties[type] ?? new Map()) {
      if (definition.hasUniqueValue && properties[name] && [...(objects[type]?.values() ?? [])].some((record) => !record.archived && record.properties[name] === properties[name])) {
        throw new Answer(409, 'CONFLICT', `A ${type.slice(0, -1)} with ${name}=${properties[name]} already exists`);
      }
    }
    const record = put(type, String(nextId++), properties);
    for (const association of (body.associations ?? []) as { to: { id: string }; types: { associationTypeId: number }[] }[]) {
      const toType = ({ 16: 'contacts', 228: 'tickets' } as Record<number, string>)[association.types[0]?.associationTypeId ?? 0];
      if (!toType) throw new Answer(400, 'VALIDATION_ERROR', 'unknown association type');
      link(type, record.id, toType, association.to.id);
    }
    return record;
  }

  const sortedMessages = (thread: SpecThread) => [...thread.messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  function route(method: string, url: URL, body: Record<string, unknown>): { status: number; body: unknown } {
    const path = url.pathname;
    let match: RegExpMatchArray | null;
    if (method === 'GET' && (match = path.match(/^\/crm\/v3\/objects\/(\w+)$/))) {
      const type = match[1] ?? '';
      const archived = url.searchParams.get('archived') === 'true';
      const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 10));
      const after = Number(url.searchParams.get('after') ?? 0);
      const properties = url.searchParams.get('properties')?.split(',');
      const all = [...(objects[type]?.values() ?? [])].filter((record) => record.archived === archived).sort((a, b) => BigInt(a.id) < BigInt(b.id) ? -1 : 1);
      const slice = all.slice(after, after + limit);
      const assoc = url.searchParams.get('associations')?.split(',') ?? [];
      return {
        status: 200,
        body: {
          results: slice.map((record) => ({
            ...pick(record, type, properties),
            ...(assoc.length > 0 ? { associations: Object.fromEntries(assoc.map((to) => [to, { results: [...(links.get(`${type}/${record.id}/${to}`) ?? [])].map((id) => ({ id, type: `${type}_to_${to}` })) }]).filter(([, value]) => (value as { results: unknown[] }).results.length > 0)) } : {}),
          })),
          ...(after + limit < all.length ? { paging: { next: { after: String(after + limit) } } } : {}),
        },
      };
    }
    if (method === 'POST' && (match = path.match(/^\/crm\/v3\/objects\/(\w+)\/search$/))) {
      const type = match[1] ?? '';
      const limit = Number(body.limit ?? 10);
      if (limit > 200) throw new Answer(400, 'VALIDATION_ERROR', 'limit must be at most 200');
      const after = Number(body.after ?? 0);
      if (after + limit > cap) throw new Answer(400, 'VALIDATION_ERROR', `Search results are limited to ${cap}`);
      const groups = (body.filterGroups ?? []) as { filters: { propertyName: string; operator: string; value: string }[] }[];
      const visible = [...(objects[type]?.values() ?? [])].filter((record) => !record.archived && record.indexedAt <= now());
      const passes = (record: SpecObject): boolean =>
        groups.length === 0 ||
        groups.some((group) =>
          group.filters.every((filter) => {
            const raw = record.properties[filter.propertyName];
            if (raw === undefined) throw new Answer(400, 'VALIDATION_ERROR', `There was a problem with the request: property ${filter.propertyName} does not exist`);
            const time = Date.parse(raw ?? '');
            const value = Number(filter.value);
            if (filter.operator === 'GTE') return time >= value;
            if (filter.operator === 'GT') return time > value;
            if (filter.operator === 'EQ') return raw === filter.value;
            throw new Answer(400, 'VALIDATION_ERROR', 'operator not supported here');
          }),
        );
      const sortBy = ((body.sorts ?? []) as ({ propertyName: string } | string)[]).map((sort) => (typeof sort === 'string' ? sort : sort.propertyName))[0] ?? 'hs_object_id';
      const matches = visible.filter(passes).sort((a, b) => (a.properties[sortBy] ?? '').localeCompare(b.properties[sortBy] ?? '') || (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      const slice = matches.slice(after, after + limit);
      return { status: 200, body: { total: matches.length, results: slice.map((record) => pick(record, type, body.properties as string[])), ...(after + limit < matches.length ? { paging: { next: { after: String(after + limit) } } } : {}) } };
    }
    if (method === 'POST' && (match = path.match(/^\/crm\/v3\/objects\/(\w+)\/batch\/read$/))) {
      const type = match[1] ?? '';
      const idProperty = typeof body.idProperty === 'string' ? body.idProperty : undefined;
      const results: unknown[] = [];
      const errors: unknown[] = [];
      for (const input of (body.inputs ?? []) as { id: string }[]) {
        const record = idProperty ? [...(objects[type]?.values() ?? [])].find((candidate) => candidate.properties[idProperty] === input.id && !candidate.archived) : objects[type]?.get(input.id);
        if (record && !record.archived) results.push(pick(record, type, body.properties as string[]));
        else errors.push({ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some objects', context: { ids: [input.id] } });
      }
      const stamp = new Date(now()).toISOString();
      return { status: errors.length > 0 ? 207 : 200, body: { status: 'COMPLETE', results, ...(errors.length > 0 ? { errors, numErrors: errors.length } : {}), startedAt: stamp, completedAt: stamp } };
    }
    if (method === 'POST' && (match = path.match(/^\/crm\/v3\/objects\/(\w+)$/))) return { status: 201, body: pick(create(match[1] ?? '', body), match[1] ?? '', Object.keys((body.properties ?? {}) as object)) };
    if (method === 'PATCH' && (match = path.match(/^\/crm\/v3\/objects\/(\w+)\/(\d+)$/))) {
      const [, type = '', id = ''] = match;
      if (!objects[type]?.get(id)) throw new Answer(404, 'OBJECT_NOT_FOUND', 'resource not found');
      checkProperties(type, (body.properties ?? {}) as Record<string, unknown>);
      return { status: 200, body: pick(put(type, id, body.properties as Record<string, string>), type, Object.keys(body.properties as object)) };
    }
    if (method === 'POST' && (match = path.match(/^\/crm\/v4\/associations\/(\w+)\/(\w+)\/batch\/read$/))) {
      const [, from = '', to = ''] = match;
      const results: unknown[] = [];
      const errors: unknown[] = [];
      for (const input of (body.inputs ?? []) as { id: string }[]) {
        const ids = [...(links.get(`${from}/${input.id}/${to}`) ?? [])];
        if (ids.length > 0) results.push({ from: { id: input.id }, to: ids.map((id) => ({ toObjectId: id, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: null }] })) });
        else errors.push({ status: 'error', category: 'VALIDATION_ERROR', subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND', message: `No ${to} is associated with ${from} ${input.id}.`, context: { fromObjectId: [input.id] } });
      }
      const stamp = new Date(now()).toISOString();
      return { status: errors.length > 0 ? 207 : 200, body: { status: 'COMPLETE', results, ...(errors.length > 0 ? { errors, numErrors: errors.length } : {}), startedAt: stamp, completedAt: stamp } };
    }
    if (method === 'GET' && (match = path.match(/^\/crm\/v4\/objects\/(\w+)\/(\d+)\/associations\/(\w+)$/))) {
      const [, from = '', id = '', to = ''] = match;
      return { status: 200, body: { results: [...(links.get(`${from}/${id}/${to}`) ?? [])].map((toObjectId) => ({ toObjectId, associationTypes: [] })) } };
    }
    if (method === 'GET' && path === '/crm/v3/pipelines/tickets') {
      const stage = (id: string, label: string, order: number, state: 'OPEN' | 'CLOSED') => ({ id, label, displayOrder: order, archived: false, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', metadata: { ticketState: state } });
      return {
        status: 200,
        body: {
          results: [
            {
              id: '0',
              label: 'Support Pipeline',
              displayOrder: 0,
              archived: false,
              createdAt: '2024-01-01T00:00:00Z',
              updatedAt: '2024-01-01T00:00:00Z',
              stages: [stage('4', 'Closed', 3, 'CLOSED'), stage('1', 'New', 0, 'OPEN'), stage('2', 'Waiting on contact', 1, 'OPEN'), stage('3', 'Waiting on us', 2, 'OPEN')],
            },
          ],
        },
      };
    }
    if ((match = path.match(/^\/crm\/v3\/properties\/(\w+)(?:\/(\w+))?$/))) {
      const [, type = '', name] = match;
      if (method === 'GET' && name) {
        const found = customProperties[type]?.get(name) ?? (known[type]?.has(name) ? { name, hasUniqueValue: false } : undefined);
        if (!found) throw new Answer(404, 'OBJECT_NOT_FOUND', `Unable to find property ${name}`);
        return { status: 200, body: { name, label: name, type: 'string', fieldType: 'text', groupName: 'x', hasUniqueValue: found.hasUniqueValue } };
      }
      if (method === 'POST' && !name) {
        for (const field of ['name', 'label', 'type', 'fieldType', 'groupName']) if (typeof body[field] !== 'string') throw new Answer(400, 'VALIDATION_ERROR', `${field} is required`);
        if (customProperties[type]?.has(String(body.name))) throw new Answer(409, 'OBJECT_ALREADY_EXISTS', 'Property already exists');
        customProperties[type]?.set(String(body.name), { name: String(body.name), hasUniqueValue: body.hasUniqueValue === true });
        return { status: 201, body: { ...body } };
      }
    }
    if (method === 'GET' && path === '/crm/v3/owners') {
      return { status: 200, body: { results: [{ id: '41', userId: 9001, email: 'ana@example.com', firstName: 'Ana', lastName: 'Ruiz', type: 'PERSON', archived: false, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' }] } };
    }
    if (method === 'GET' && path === '/conversations/v3/conversations/threads') {
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const after = Number(url.searchParams.get('after') ?? 0);
      const since = url.searchParams.get('latestMessageTimestampAfter');
      const sort = url.searchParams.get('sort');
      if (sort === 'latestMessageTimestamp' && !since) throw new Answer(400, 'VALIDATION_ERROR', 'latestMessageTimestampAfter is required when sorting by latestMessageTimestamp');
      const inboxes = url.searchParams.getAll('inboxId');
      const all = [...threads.values()]
        .filter((thread) => !since || (thread.latestMessageTimestamp ?? '') >= since)
        .filter((thread) => inboxes.length === 0 || inboxes.includes(thread.inboxId))
        .sort((a, b) => (sort === 'latestMessageTimestamp' ? (a.latestMessageTimestamp ?? '').localeCompare(b.latestMessageTimestamp ?? '') : 0) || (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      const slice = all.slice(after, after + limit).map(({ messages: _messages, ...thread }) => thread);
      return { status: 200, body: { results: slice, ...(after + limit < all.length ? { paging: { next: { after: String(after + limit) } } } : {}) } };
    }
    if ((match = path.match(/^\/conversations\/v3\/conversations\/threads\/(\d+)(\/messages)?$/))) {
      const thread = threads.get(match[1] ?? '');
      if (!thread) throw new Answer(404, 'OBJECT_NOT_FOUND', 'thread not found');
      if (method === 'GET' && !match[2]) {
        const { messages: _messages, ...rest } = thread;
        return { status: 200, body: rest };
      }
      if (method === 'GET') {
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const after = Number(url.searchParams.get('after') ?? 0);
        const all = sortedMessages(thread);
        return { status: 200, body: { results: all.slice(after, after + limit), ...(after + limit < all.length ? { paging: { next: { after: String(after + limit) } } } : {}) } };
      }
      if (method === 'POST') {
        const type = body.type;
        const required = type === 'MESSAGE' ? ['attachments', 'channelAccountId', 'channelId', 'recipients', 'senderActorId', 'text', 'type'] : type === 'COMMENT' ? ['attachments', 'text', 'type'] : null;
        if (!required) throw new Answer(400, 'VALIDATION_ERROR', 'type must be MESSAGE or COMMENT');
        for (const field of required) if (body[field] === undefined) throw new Answer(400, 'VALIDATION_ERROR', `${field} is required`);
        if (type === 'MESSAGE' && !/^A-\d+$/.test(String(body.senderActorId))) throw new Answer(400, 'VALIDATION_ERROR', 'senderActorId must be an agent actor');
        if (type === 'MESSAGE' && (body.channelId !== thread.originalChannelId || body.channelAccountId !== thread.originalChannelAccountId)) throw new Answer(400, 'VALIDATION_ERROR', 'channel does not match the thread');
        const at = new Date(now()).toISOString();
        const message: SpecMessage = {
          id: randomUUID().replace(/-/g, ''),
          type: String(type),
          createdAt: at,
          updatedAt: at,
          createdBy: String(body.senderActorId ?? 'A-0'),
          conversationsThreadId: thread.id,
          client: { clientType: 'INTEGRATION', integrationAppId: 1 },
          senders: [{ actorId: String(body.senderActorId ?? 'I-1'), name: 'Ana Ruiz' }],
          recipients: (body.recipients as unknown[]) ?? [],
          archived: false,
          text: String(body.text),
          attachments: [],
          ...(type === 'MESSAGE' ? { direction: 'OUTGOING', channelId: thread.originalChannelId, channelAccountId: thread.originalChannelAccountId, truncationStatus: 'NOT_TRUNCATED' } : { richText: String(body.text) }),
        };
        thread.messages.push(message);
        thread.latestMessageTimestamp = at;
        return { status: 201, body: message };
      }
    }
    throw new Answer(404, 'NOT_FOUND', `No route ${method} ${path}`);
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      requests.push({ method: request.method ?? '', path: url.pathname + url.search, body, headers: request.headers });
      const reply = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
        response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
        response.end(JSON.stringify(payload));
      };
      if (faults.dailyLimit) {
        reply(429, { status: 'error', message: 'You have reached your daily limit.', errorType: 'RATE_LIMIT', correlationId: randomUUID(), policyName: 'DAILY', groupName: 'api-calls-daily' });
        return;
      }
      let result: { status: number; body: unknown };
      try {
        result = route(request.method ?? 'GET', url, body);
      } catch (error) {
        const answer = error instanceof Answer ? error : new Answer(500, 'INTERNAL_ERROR', String(error));
        reply(answer.status, { status: 'error', message: answer.message, correlationId: randomUUID(), category: answer.category });
        return;
      }
      const write = request.method !== 'GET' && faults.failMatching.test(url.pathname) && !url.pathname.endsWith('/search') && !url.pathname.includes('batch/read');
      if (write && faults.failNext > 0) {
        // The write happened; the answer says otherwise.
        faults.failNext -= 1;
        reply(503, { status: 'error', message: 'Service unavailable', correlationId: randomUUID(), category: 'INTERNAL_ERROR' });
        return;
      }
      if (write && faults.slowNext > 0) {
        faults.slowNext -= 1;
        setTimeout(() => reply(result.status, result.body), faults.slowMs);
        return;
      }
      reply(result.status, result.body, { 'X-HubSpot-RateLimit-Max': '190', 'X-HubSpot-RateLimit-Remaining': '180', 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' });
    });
  });

  return {
    objects,
    threads,
    requests,
    faults,
    put,
    archive,
    link,
    customProperties,
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close(): Promise<void> {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
export type SpecHubSpot = ReturnType<typeof startSpecHubSpot>;
