import { HttpError, page, readCount, readLimit, type RouteResult } from './http';
import type { IdempotencyLedger } from './idempotency';
import { channelAccounts, channels, inboxes, owners } from './portal';
import { isObjectType } from './object-routes';
import type { DemoState } from './state';

/** Pipelines, Properties and Owners APIs, and the Conversations inbox / channel listings. */

/** The scope a properties write needs, by object type (HubSpot's granular schema scopes). */
const schemaWriteScope: Record<string, string> = {
  contacts: 'crm.schemas.contacts.write',
  tickets: 'tickets',
  orders: 'crm.schemas.orders.write',
  line_items: 'crm.schemas.line_items.write',
};

/** HubSpot's 403 for a token without a scope the call needs. */
export function missingScope(scope: string): HttpError {
  return new HttpError(403, 'MISSING_SCOPES', "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.", {
    errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: [scope] } }],
    extra: { links: { scopes: 'https://developers.hubspot.com/scopes' } },
  });
}

export function pipelinesRoute(state: DemoState, parts: string[], method: string): RouteResult {
  const type = parts[3];
  if (method !== 'GET') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'The demo CRM reads pipelines only');
  if (type !== 'tickets' && type !== '0-5') {
    if (isObjectType(type)) return { status: 200, body: { results: [] } };
    throw new HttpError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${String(type).slice(0, 64)}`);
  }
  if (parts.length === 4) return { status: 200, body: { results: state.pipelines } };
  const pipeline = state.pipelines.find((item) => item.id === parts[4]);
  if (!pipeline) throw new HttpError(404, 'OBJECT_NOT_FOUND', `Pipeline ${String(parts[4]).slice(0, 64)} does not exist`);
  if (parts.length === 5) return { status: 200, body: pipeline };
  if (parts[5] === 'stages' && parts.length === 6) return { status: 200, body: { results: pipeline.stages } };
  const stage = parts[5] === 'stages' ? pipeline.stages.find((item) => item.id === parts[6]) : undefined;
  if (stage && parts.length === 7) return { status: 200, body: stage };
  throw new HttpError(404, 'OBJECT_NOT_FOUND', 'No such pipeline stage');
}

export function propertiesRoute(state: DemoState, ledger: IdempotencyLedger, missingScopes: ReadonlySet<string>, parts: string[], method: string, path: string, key: string | undefined, body: unknown): RouteResult {
  const type = parts[3];
  if (!isObjectType(type)) throw new HttpError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${String(type).slice(0, 64)}`);
  if (method === 'GET' && parts.length === 4) return { status: 200, body: { results: state.properties.list(type) } };
  if (method === 'GET' && parts.length === 5) {
    const property = state.properties.get(type, parts[4] ?? '');
    if (!property) throw new HttpError(404, 'OBJECT_NOT_FOUND', `Property ${String(parts[4]).slice(0, 100)} does not exist`);
    return { status: 200, body: property };
  }
  if (method === 'POST' && parts.length === 4) {
    const scope = schemaWriteScope[type] ?? 'crm.schemas.custom.write';
    if (missingScopes.has(scope)) throw missingScope(scope);
    const created = state.properties.create(type, body);
    return ledger.run(key, { method, path, body }, () => ({ status: 201, body: created }));
  }
  throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'The demo CRM lists, reads and creates properties');
}

export function ownersRoute(state: DemoState, parts: string[], url: URL): RouteResult {
  const all = owners(new Date(state.generator.clock - 500 * 86_400_000).toISOString());
  if (parts.length === 4) {
    const owner = all.find((item) => item.id === parts[3] || (url.searchParams.get('idProperty') === 'userId' && String(item.userId) === parts[3]));
    if (!owner) throw new HttpError(404, 'OBJECT_NOT_FOUND', `Owner ${String(parts[3]).slice(0, 64)} does not exist`);
    return { status: 200, body: owner };
  }
  const email = url.searchParams.get('email');
  const archived = url.searchParams.get('archived') === 'true';
  const matching = all.filter((owner) => owner.archived === archived && (!email || owner.email === email.toLowerCase()));
  const limit = readLimit(url.searchParams.get('limit'), 100, 500);
  const after = readCount(url.searchParams.get('after'), 0, 'after');
  return { status: 200, body: page(matching.slice(after, after + limit), after + limit < matching.length ? after + limit : undefined) };
}

/** `GET /conversations/v3/conversations/{inboxes|channels|channel-accounts}[/{id}]`. */
export function conversationSettingsRoute(state: DemoState, what: string, id: string | undefined): RouteResult {
  const createdAt = new Date(state.generator.clock - 500 * 86_400_000).toISOString();
  const list: { id: string }[] = what === 'inboxes' ? inboxes(createdAt) : what === 'channels' ? channels() : channelAccounts(createdAt);
  if (id !== undefined) {
    const item = list.find((entry) => entry.id === id);
    if (!item) throw new HttpError(404, 'OBJECT_NOT_FOUND', `No ${what} with id ${id.slice(0, 64)}`);
    return { status: 200, body: item };
  }
  return { status: 200, body: { total: list.length, results: list } };
}
