import { baseTime, type DemoRecord } from './generator';
import { HttpError, asRecord, page, readCount, readLimit, readProperties, type RouteResult } from './http';
import type { IdempotencyLedger } from './idempotency';
import { demoObjectTypes, type DemoObjectType, type DemoState } from './state';
import { virtualPage } from './virtual-list';

/** HubSpot's HUBSPOT_DEFINED association type ids the demo CRM understands, and what they point to. */
const associationTypes: Record<number, { to: DemoObjectType; type: string }> = {
  15: { to: 'tickets', type: 'contact_to_ticket' },
  16: { to: 'contacts', type: 'ticket_to_contact' },
  507: { to: 'contacts', type: 'order_to_contact' },
  508: { to: 'orders', type: 'contact_to_order' },
  513: { to: 'line_items', type: 'order_to_line_item' },
  514: { to: 'orders', type: 'line_item_to_order' },
  526: { to: 'orders', type: 'ticket_to_order' },
};
const defaultTarget: Record<DemoObjectType, DemoObjectType> = { contacts: 'tickets', orders: 'contacts', line_items: 'orders', tickets: 'contacts' };
const singular: Record<DemoObjectType, string> = { contacts: 'contact', orders: 'order', line_items: 'line_item', tickets: 'ticket' };

export function isObjectType(value: string | undefined): value is DemoObjectType {
  return (demoObjectTypes as readonly string[]).includes(value ?? '');
}

function listParam(url: URL, name: string): string[] | undefined {
  const values = url.searchParams.getAll(name);
  if (values.length === 0) return undefined;
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

/** HubSpot returns the properties asked for (plus the id and modification time), or all of them when none are named. */
function shape(record: DemoRecord, properties: string[] | undefined, associations: string[] | 'all'): DemoRecord {
  const { associations: all, ...rest } = record;
  const selected = properties
    ? Object.fromEntries([...properties, 'hs_object_id', 'hs_lastmodifieddate'].map((name) => [name, record.properties[name] ?? null]))
    : record.properties;
  const kept = associations === 'all' ? all : all && Object.fromEntries(Object.entries(all).filter(([type]) => associations.includes(type)));
  return { ...rest, archived: false, properties: selected, ...(kept && Object.keys(kept).length > 0 ? { associations: kept } : {}) };
}

function propertyNames(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > 500 || !value.every((item) => typeof item === 'string')) throw new HttpError(400, 'VALIDATION_ERROR', 'properties must be an array of names');
  return value.length > 0 ? value : undefined;
}

export function listObjects(state: DemoState, type: DemoObjectType, url: URL): RouteResult {
  const limit = readLimit(url.searchParams.get('limit'), 10, 100);
  const after = readCount(url.searchParams.get('after'), 0, 'after');
  const properties = listParam(url, 'properties');
  const associations = listParam(url, 'associations') ?? [];
  const size = state.size(type);
  const results: DemoRecord[] = [];
  for (let position = after; position < Math.min(size, after + limit); position += 1) {
    const record = state.at(type, position);
    if (record) results.push(shape(record, properties, associations));
  }
  const next = after + limit;
  return { status: 200, body: page(results, next < size ? next : undefined) };
}

/** The one search the connector makes: hs_lastmodifieddate GT/GTE a time, ascending, ties broken by id. */
function readThreshold(body: Record<string, unknown>): { threshold: number; strict: boolean } {
  if (body.query !== undefined) throw new HttpError(400, 'VALIDATION_ERROR', 'Free-text query is not supported by the demo CRM');
  const groups = body.filterGroups === undefined ? [] : body.filterGroups;
  if (!Array.isArray(groups) || groups.length > 1) throw new HttpError(400, 'VALIDATION_ERROR', 'At most one filter group is supported');
  const filters = groups.length === 0 ? [] : asRecord(groups[0]).filters;
  if (!Array.isArray(filters) || filters.length > 1) throw new HttpError(400, 'VALIDATION_ERROR', 'At most one filter is supported');
  const sorts = body.sorts === undefined ? [] : body.sorts;
  if (!Array.isArray(sorts) || !sorts.every((sort) => (typeof sort === 'string' ? sort === 'hs_lastmodifieddate' : asRecord(sort).propertyName === 'hs_lastmodifieddate' && asRecord(sort).direction !== 'DESCENDING'))) {
    throw new HttpError(400, 'VALIDATION_ERROR', 'Only an ascending sort on hs_lastmodifieddate is supported');
  }
  if (filters.length === 0) return { threshold: Number.NEGATIVE_INFINITY, strict: false };
  const filter = asRecord(filters[0]);
  if (filter.propertyName !== 'hs_lastmodifieddate') throw new HttpError(400, 'VALIDATION_ERROR', 'Only hs_lastmodifieddate filters are supported');
  if (filter.operator !== 'GT' && filter.operator !== 'GTE') throw new HttpError(400, 'VALIDATION_ERROR', 'Only the GT and GTE operators are supported');
  const raw = String(filter.value ?? '');
  const threshold = /^-?\d{1,16}$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(threshold)) throw new HttpError(400, 'VALIDATION_ERROR', 'hs_lastmodifieddate filter value must be epoch milliseconds');
  return { threshold, strict: filter.operator === 'GT' };
}

export function searchObjects(state: DemoState, type: DemoObjectType, rawBody: unknown): RouteResult {
  const body = asRecord(rawBody);
  const limit = readLimit(body.limit, 10, 200);
  const offset = readCount(body.after, 0, 'after');
  const properties = propertyNames(body.properties);
  const { threshold, strict } = readThreshold(body);
  const passes = (time: number): boolean => (strict ? time > threshold : time >= threshold);
  // Generated record i was last modified at baseTime + i seconds, so the first match is computed, not searched for.
  let start = Number.isFinite(threshold) ? Math.max(0, Math.ceil((threshold - baseTime) / 1000)) : 0;
  if (Number.isFinite(threshold) && !passes(baseTime + start * 1000)) start += 1;
  const baseCount = state.baseCount(type);
  start = Math.min(start, baseCount);
  const touched = state.touchedIndices(type);
  const changedTail = state.changed(type).filter((record) => passes(Date.parse(record.updatedAt)));
  const result = virtualPage({ baseCount, start, touched, changedTail, offset, limit, base: (index) => state.baseRecord(type, index) });
  const touchedFromStart = touched.filter((index) => index >= start).length;
  const total = baseCount - start - touchedFromStart + changedTail.length;
  return { status: 200, body: { total, ...page(result.items.map((record) => shape(record, properties, 'all')), result.nextOffset) } };
}

export function batchRead(state: DemoState, type: DemoObjectType, rawBody: unknown): RouteResult {
  const body = asRecord(rawBody);
  const inputs = body.inputs;
  if (!Array.isArray(inputs) || inputs.length > 100) throw new HttpError(400, 'VALIDATION_ERROR', 'inputs must be an array of at most 100 ids');
  const properties = propertyNames(body.properties);
  const results: DemoRecord[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const id = asRecord(input).id;
    const record = typeof id === 'string' ? state.get(type, id) : undefined;
    if (record) results.push(shape(record, properties, 'all'));
    else missing.push(String(id).slice(0, 64));
  }
  return {
    status: 200,
    body: {
      status: 'COMPLETE',
      results,
      ...(missing.length > 0 ? { numErrors: 1, errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some records', context: { ids: missing } }] } : {}),
    },
  };
}

function readAssociations(state: DemoState, type: DemoObjectType, value: unknown): NonNullable<DemoRecord['associations']> {
  if (value === undefined) return {};
  if (!Array.isArray(value) || value.length > 100) throw new HttpError(400, 'VALIDATION_ERROR', 'associations must be an array');
  const out: NonNullable<DemoRecord['associations']> = {};
  for (const item of value) {
    const id = asRecord(asRecord(item).to).id;
    const typeId = Number(asRecord((asRecord(item).types as unknown[] | undefined)?.[0]).associationTypeId);
    const known = associationTypes[typeId];
    const target = known?.to ?? defaultTarget[type];
    const idText = typeof id === 'number' ? String(id) : id;
    if (typeof idText !== 'string' || !state.get(target, idText)) throw new HttpError(400, 'VALIDATION_ERROR', `Associated ${singular[target]} ${String(idText).slice(0, 64)} does not exist`);
    const list = (out[target] ??= { results: [] });
    list.results.push({ id: idText, type: known?.type ?? `${singular[type]}_to_${singular[target]}` });
  }
  return out;
}

export function createObject(state: DemoState, ledger: IdempotencyLedger, type: DemoObjectType, path: string, key: string | undefined, rawBody: unknown): RouteResult {
  const body = asRecord(rawBody);
  const properties = readProperties(body.properties);
  const associations = readAssociations(state, type, body.associations);
  if (type === 'tickets') {
    if (!properties.subject) throw new HttpError(400, 'VALIDATION_ERROR', 'Property "subject" is required');
    if (!properties.hs_pipeline_stage) throw new HttpError(400, 'VALIDATION_ERROR', 'Property "hs_pipeline_stage" is required');
    // A refund request names its order: link the ticket to it, as an agent would.
    const orderId = properties.order_id;
    if (orderId && !associations.orders && state.get('orders', orderId)) associations.orders = { results: [{ id: orderId, type: 'ticket_to_order' }] };
  }
  return ledger.run(key, { method: 'POST', path, body: rawBody }, () => ({ status: 201, body: state.create(type, properties, associations) }));
}

export function patchObject(state: DemoState, ledger: IdempotencyLedger, type: DemoObjectType, id: string, path: string, key: string | undefined, rawBody: unknown): RouteResult {
  const properties = readProperties(asRecord(rawBody).properties);
  return ledger.run(key, { method: 'PATCH', path, body: rawBody }, () => {
    const record = state.patch(type, id, properties);
    if (!record) throw new HttpError(404, 'OBJECT_NOT_FOUND', `No ${singular[type]} with id ${id.slice(0, 64)}`);
    return { status: 200, body: record };
  });
}

export function readObject(state: DemoState, type: DemoObjectType, id: string, url: URL): RouteResult {
  const record = state.get(type, id);
  if (!record) throw new HttpError(404, 'OBJECT_NOT_FOUND', `No ${singular[type]} with id ${id.slice(0, 64)}`);
  return { status: 200, body: shape(record, listParam(url, 'properties'), listParam(url, 'associations') ?? []) };
}
