import { associationType, associationTypeIds, objectTypeIds } from './associations';
import type { DemoRecord } from './generator';
import { HttpError, asRecord, batchAnswer, page, propertyError, readCount, readLimit, readProperties, type RouteResult } from './http';
import type { IdempotencyLedger } from './idempotency';
import { defaultProperties } from './properties';
import { search, type SearchOptions } from './search';
import { demoObjectTypes, type DemoObjectType, type DemoState } from './state';

/** What every object route needs: the data, the write ledger, and the search limits. */
export interface ObjectContext {
  state: DemoState;
  ledger: IdempotencyLedger;
  search: SearchOptions;
}

const singular: Record<DemoObjectType, string> = { contacts: 'contact', orders: 'order', line_items: 'line_item', tickets: 'ticket' };

export function isObjectType(value: string | undefined): value is DemoObjectType {
  return (demoObjectTypes as readonly string[]).includes(value ?? '');
}

function listParam(url: URL, name: string): string[] | undefined {
  const values = url.searchParams.getAll(name);
  if (values.length === 0) return undefined;
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

const notFound = (type: DemoObjectType, id: string): HttpError => new HttpError(404, 'OBJECT_NOT_FOUND', `Object not found. objectId are usually numeric. (${singular[type]} ${id.slice(0, 64)})`);

/**
 * A record as HubSpot answers it: the properties asked for (or the type's defaults when none
 * are named), always with the id and the create / modify times; a property without a value is
 * left out (the specs type values as strings); associations only where asked for.
 */
function shape(state: DemoState, type: DemoObjectType, record: DemoRecord, properties: string[] | undefined, associations: readonly DemoObjectType[] = []): Record<string, unknown> {
  const names = new Set([...(properties ?? defaultProperties(type)), 'hs_object_id', type === 'contacts' ? 'createdate' : 'hs_createdate', type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate']);
  const selected: Record<string, string> = {};
  for (const name of names) {
    const value = record.properties[name];
    if (value !== undefined && value !== null && state.properties.get(type, name)) selected[name] = value;
  }
  const links = associations.length > 0 ? state.associations.v3(type, record.id, associations) : undefined;
  return {
    id: record.id,
    properties: selected,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: record.archived === true,
    ...(record.archivedAt ? { archivedAt: record.archivedAt } : {}),
    ...(links ? { associations: links } : {}),
  };
}

function associationTypesParam(url: URL): DemoObjectType[] {
  const names = listParam(url, 'associations') ?? [];
  return names.filter(isObjectType);
}

function propertyNames(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > 500 || !value.every((item) => typeof item === 'string')) throw new HttpError(400, 'VALIDATION_ERROR', 'properties must be an array of names');
  return value.length > 0 ? value : undefined;
}

/** `GET /crm/v3/objects/{type}`: ascending id; `archived=true` lists only archived records. */
export function listObjects(state: DemoState, type: DemoObjectType, url: URL): RouteResult {
  const limit = readLimit(url.searchParams.get('limit'), 10, 100);
  const after = readCount(url.searchParams.get('after'), 0, 'after');
  const archived = url.searchParams.get('archived') === 'true';
  const properties = listParam(url, 'properties');
  const associations = associationTypesParam(url);
  if (archived) {
    // Only the archived records, densely paged: a sync finds deletions without walking every live record.
    const all = state.archivedList(type);
    const items = all.slice(after, after + limit).map((record) => shape(state, type, record, properties, associations));
    return { status: 200, body: page(items, after + limit < all.length ? after + limit : undefined) };
  }
  const size = state.size(type);
  const results: Record<string, unknown>[] = [];
  for (let position = after; position < Math.min(size, after + limit); position += 1) {
    const record = state.at(type, position);
    if (!record || record.archived === true || (type === 'contacts' && state.isMerged(record.id))) continue;
    results.push(shape(state, type, record, properties, associations));
  }
  const next = after + limit;
  return { status: 200, body: page(results, next < size ? next : undefined) };
}

/** A record by id, or by a unique-value property's value with `idProperty`. */
function find(state: DemoState, type: DemoObjectType, id: string, idProperty: string | null, archived: boolean): DemoRecord | undefined {
  if (archived) return state.archived(type, id);
  if (idProperty && idProperty !== 'hs_object_id') {
    const property = state.properties.get(type, idProperty);
    if (!property?.hasUniqueValue && !(type === 'contacts' && idProperty === 'email')) throw new HttpError(400, 'VALIDATION_ERROR', `${idProperty.slice(0, 100)} is not a unique-value property of ${type}`);
    return state.byUniqueValue(type, idProperty, id);
  }
  return state.get(type, id);
}

export function readObject(state: DemoState, type: DemoObjectType, id: string, url: URL): RouteResult {
  const record = find(state, type, id, url.searchParams.get('idProperty'), url.searchParams.get('archived') === 'true');
  if (!record) throw notFound(type, id);
  return { status: 200, body: shape(state, type, record, listParam(url, 'properties'), associationTypesParam(url)) };
}

export function searchObjects(context: ObjectContext, type: DemoObjectType, rawBody: unknown): RouteResult {
  const result = search(context.state, type, rawBody, context.search, Date.now());
  const properties = propertyNames(asRecord(rawBody).properties);
  return { status: 200, body: { total: result.total, ...page(result.results.map((record) => shape(context.state, type, record, properties)), result.next) } };
}


/** `POST .../batch/read`: no associations; ids not found make it a 207 with an OBJECT_NOT_FOUND error listing them. */
export function batchRead(state: DemoState, type: DemoObjectType, rawBody: unknown, url: URL): RouteResult {
  const startedAt = new Date().toISOString();
  const body = asRecord(rawBody);
  const inputs = body.inputs;
  if (!Array.isArray(inputs) || inputs.length > 100) throw new HttpError(400, 'VALIDATION_ERROR', 'inputs must be an array of at most 100 ids');
  const properties = propertyNames(body.properties);
  const idProperty = typeof body.idProperty === 'string' ? body.idProperty : null;
  const archived = url.searchParams.get('archived') === 'true';
  const results: Record<string, unknown>[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const id = asRecord(input).id;
    const record = typeof id === 'string' ? find(state, type, id, idProperty, archived) : undefined;
    if (record && !seen.has(record.id)) {
      seen.add(record.id);
      results.push(shape(state, type, record, properties));
    } else if (!record) missing.push(String(id).slice(0, 64));
  }
  const errors = missing.length === 0 ? [] : [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Could not get some ${type} objects, they may be deleted or not exist. Check that ids are valid.`, context: { ids: missing }, errors: [], links: {} }];
  return batchAnswer(results, errors, startedAt);
}

/** v3 create's `associations`: `[{to:{id}, types:[{associationCategory, associationTypeId}]}]`; the target must exist. */
function readAssociations(state: DemoState, type: DemoObjectType, value: unknown): { to: DemoObjectType; id: string; typeId: number }[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 100) throw new HttpError(400, 'VALIDATION_ERROR', 'associations must be an array');
  return value.map((item) => {
    const rawId = asRecord(asRecord(item).to).id;
    const spec = asRecord((asRecord(item).types as unknown[] | undefined)?.[0]);
    const typeId = Number(spec.associationTypeId);
    if (!['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED'].includes(String(spec.associationCategory))) throw new HttpError(400, 'VALIDATION_ERROR', 'associationCategory must be HUBSPOT_DEFINED, USER_DEFINED or INTEGRATOR_DEFINED');
    const pair = Object.entries(associationTypeIds).find(([key, known]) => key.startsWith(`${type}->`) && known?.id === typeId);
    if (!pair) throw new HttpError(400, 'VALIDATION_ERROR', `Association type ${String(typeId).slice(0, 12)} is not valid from ${singular[type]}`);
    const to = pair[0].split('->')[1] as DemoObjectType;
    const id = typeof rawId === 'number' ? String(rawId) : rawId;
    if (typeof id !== 'string' || !state.get(to, id)) throw new HttpError(400, 'VALIDATION_ERROR', `Associated ${singular[to]} ${String(id).slice(0, 64)} does not exist`);
    return { to, id: state.get(to, id)?.id ?? id, typeId };
  });
}

/** The properties a create needs, by type: a ticket needs its name and stage (the pipeline defaults to "0"). */
const requiredOnCreate: Record<DemoObjectType, string[]> = { contacts: [], orders: [], line_items: [], tickets: ['subject', 'hs_pipeline_stage'] };

function validateWrite(state: DemoState, type: DemoObjectType, properties: Record<string, string | null>, current?: DemoRecord): void {
  state.properties.validate(type, properties);
  if (type === 'tickets' && (properties.hs_pipeline !== undefined || properties.hs_pipeline_stage !== undefined || !current)) state.properties.validateTicketStage(properties, current?.properties);
  const clash = state.checkUnique(type, current?.id, properties);
  if (clash) throw new HttpError(409, 'CONFLICT', `A ${singular[type]} with ${clash.property} "${clash.value.slice(0, 100)}" already exists. Existing ID: ${clash.existingId}`, { extra: { context: { id: [clash.existingId] } } });
}

export function createObject(context: ObjectContext, type: DemoObjectType, path: string, key: string | undefined, rawBody: unknown): RouteResult {
  const { state } = context;
  const body = asRecord(rawBody);
  if (body.properties === undefined) throw new HttpError(400, 'VALIDATION_ERROR', 'Invalid input JSON: properties is required');
  const properties = readProperties(body.properties);
  const missing = requiredOnCreate[type].filter((name) => !properties[name]);
  if (missing.length > 0) throw propertyError(missing.map((name) => ({ name, error: 'REQUIRED', message: `${name} is required` })));
  if (type === 'tickets' && !properties.hs_pipeline) properties.hs_pipeline = '0';
  validateWrite(state, type, properties);
  const associations = readAssociations(state, type, body.associations);
  return context.ledger.run(key, { method: 'POST', path, body: rawBody }, () => {
    const record = state.create(type, properties);
    for (const link of associations) state.associations.add(type, record.id, link.to, link.id, link.typeId);
    return { status: 201, body: shape(state, type, record, Object.keys(record.properties)) };
  });
}

export function patchObject(context: ObjectContext, type: DemoObjectType, id: string, path: string, key: string | undefined, rawBody: unknown): RouteResult {
  const { state } = context;
  const properties = readProperties(asRecord(rawBody).properties);
  const current = state.get(type, id);
  if (!current) throw notFound(type, id);
  validateWrite(state, type, properties, current);
  return context.ledger.run(key, { method: 'PATCH', path, body: rawBody }, () => {
    const record = state.patch(type, id, properties);
    if (!record) throw notFound(type, id);
    return { status: 200, body: shape(state, type, record, Object.keys(record.properties)) };
  });
}

/** `DELETE /crm/v3/objects/{type}/{id}`: archives; 204 whether or not it existed, as HubSpot answers. */
export function archiveObject(context: ObjectContext, type: DemoObjectType, id: string, path: string, key: string | undefined): RouteResult {
  return context.ledger.run(key, { method: 'DELETE', path, body: null }, () => {
    context.state.archive(type, id);
    return { status: 204, body: undefined };
  });
}

export function batchArchive(context: ObjectContext, type: DemoObjectType, path: string, key: string | undefined, rawBody: unknown): RouteResult {
  const inputs = asRecord(rawBody).inputs;
  if (!Array.isArray(inputs) || inputs.length > 100) throw new HttpError(400, 'VALIDATION_ERROR', 'inputs must be an array of at most 100 ids');
  return context.ledger.run(key, { method: 'POST', path, body: rawBody }, () => {
    for (const input of inputs) context.state.archive(type, String(asRecord(input).id ?? ''));
    return { status: 204, body: undefined };
  });
}

/** `POST /crm/v3/objects/contacts/merge` `{primaryObjectId, objectIdToMerge}`: the primary survives and takes over the other's threads and links. */
export function mergeContacts(context: ObjectContext, path: string, key: string | undefined, rawBody: unknown): RouteResult {
  const body = asRecord(rawBody);
  const primary = String(body.primaryObjectId ?? '');
  const merged = String(body.objectIdToMerge ?? '');
  if (!primary || !merged) throw new HttpError(400, 'VALIDATION_ERROR', 'primaryObjectId and objectIdToMerge are required');
  if (!context.state.get('contacts', primary)) throw notFound('contacts', primary);
  if (!context.state.get('contacts', merged)) throw notFound('contacts', merged);
  if (context.state.get('contacts', primary)?.id === context.state.get('contacts', merged)?.id) throw new HttpError(400, 'VALIDATION_ERROR', 'A contact cannot be merged with itself');
  return context.ledger.run(key, { method: 'POST', path, body: rawBody }, () => {
    const record = context.state.merge(context.state.survivingContactId(primary), context.state.survivingContactId(merged));
    if (!record) throw new HttpError(400, 'VALIDATION_ERROR', 'These contacts cannot be merged');
    return { status: 200, body: shape(context.state, 'contacts', record, Object.keys(record.properties)) };
  });
}

export { associationType, objectTypeIds };
