import { associationType, objectTypeIds, objectTypeOf } from './associations';
import { HttpError, asRecord, batchAnswer, page, readCount, readLimit, type RouteResult } from './http';
import type { ObjectContext } from './object-routes';
import type { DemoObjectType } from './state';

/** Associations v4: batch read, batch create, default associations and single-pair reads and writes. */

const labelOf = (typeId: number): { category: 'HUBSPOT_DEFINED'; typeId: number } => ({ category: 'HUBSPOT_DEFINED', typeId });

export function associationTypes(from: string | undefined, to: string | undefined): { from: DemoObjectType; to: DemoObjectType } {
  const fromType = objectTypeOf(from);
  const toType = objectTypeOf(to);
  if (!fromType || !toType) throw new HttpError(400, 'VALIDATION_ERROR', `Unknown object type ${String(fromType ? to : from).slice(0, 64)}`);
  return { from: fromType, to: toType };
}

const times = (startedAt: string) => ({ requestedAt: startedAt, startedAt, completedAt: new Date().toISOString() });
const pageSize = 500;

/**
 * `POST /crm/v4/associations/{from}/{to}/batch/read` `{inputs:[{id, after?}]}` → per input
 * `{from:{id}, to:[{toObjectId, associationTypes:[{category, typeId}]}]}`; an input with no
 * associations (or unknown) is an error of a 207, as HubSpot answers.
 */
export function batchReadAssociations(context: ObjectContext, from: DemoObjectType, to: DemoObjectType, rawBody: unknown): RouteResult {
  const startedAt = new Date().toISOString();
  const inputs = asRecord(rawBody).inputs;
  if (!Array.isArray(inputs) || inputs.length > 1000) throw new HttpError(400, 'VALIDATION_ERROR', 'inputs must be an array of at most 1000 ids');
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const id = String(asRecord(input).id ?? '').slice(0, 64);
    const after = readCount(asRecord(input).after, 0, 'after');
    const record = context.state.get(from, id);
    const links = record ? context.state.associations.links(from, record.id, to) : [];
    if (links.length === 0) {
      missing.push(id);
      continue;
    }
    const slice = links.slice(after, after + pageSize);
    results.push({
      from: { id },
      to: slice.map((link) => ({ toObjectId: link.toId, associationTypes: link.typeIds.map(labelOf) })),
      ...(after + pageSize < links.length ? { paging: { next: { after: String(after + pageSize) } } } : {}),
    });
  }
  const errors = missing.map((id) => ({ status: 'error', category: 'OBJECT_NOT_FOUND', message: `No ${to} is associated with ${from} ${id}.`, context: { fromObjectId: [id] }, errors: [], links: {} }));
  return batchAnswer(results, errors, startedAt);
}

function requireBoth(context: ObjectContext, from: DemoObjectType, fromId: string, to: DemoObjectType, toId: string): { fromId: string; toId: string } {
  const source = context.state.get(from, fromId);
  const target = context.state.get(to, toId);
  if (!source) throw new HttpError(404, 'OBJECT_NOT_FOUND', `${from} ${fromId.slice(0, 64)} does not exist`);
  if (!target) throw new HttpError(404, 'OBJECT_NOT_FOUND', `${to} ${toId.slice(0, 64)} does not exist`);
  return { fromId: source.id, toId: target.id };
}

function readSpecs(from: DemoObjectType, to: DemoObjectType, value: unknown): number[] {
  if (!Array.isArray(value) || value.length === 0) throw new HttpError(400, 'VALIDATION_ERROR', 'types must be a non-empty array of {associationCategory, associationTypeId}');
  return value.map((item) => {
    const spec = asRecord(item);
    const typeId = Number(spec.associationTypeId);
    if (!['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED'].includes(String(spec.associationCategory)) || !Number.isInteger(typeId)) {
      throw new HttpError(400, 'VALIDATION_ERROR', 'Each type needs associationCategory and an integer associationTypeId');
    }
    if (spec.associationCategory === 'HUBSPOT_DEFINED' && associationType(from, to)?.id !== typeId) throw new HttpError(400, 'VALIDATION_ERROR', `${typeId} is not a HUBSPOT_DEFINED association type from ${from} to ${to}`);
    return typeId;
  });
}

const pair = (from: DemoObjectType, fromId: string, to: DemoObjectType, toId: string, labels: string[] = []) => ({
  fromObjectTypeId: objectTypeIds[from],
  fromObjectId: fromId,
  toObjectTypeId: objectTypeIds[to],
  toObjectId: toId,
  labels,
});

/** `POST /crm/v4/associations/{from}/{to}/batch/create` `{inputs:[{from:{id}, to:{id}, types:[…]}]}` → 201, or 207 when some fail. */
export function batchCreateAssociations(context: ObjectContext, from: DemoObjectType, to: DemoObjectType, path: string, key: string | undefined, rawBody: unknown): RouteResult {
  const startedAt = new Date().toISOString();
  const inputs = asRecord(rawBody).inputs;
  if (!Array.isArray(inputs) || inputs.length > 100) throw new HttpError(400, 'VALIDATION_ERROR', 'inputs must be an array of at most 100 associations');
  return context.ledger.run(key, { method: 'POST', path, body: rawBody }, () => {
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const input of inputs) {
      const item = asRecord(input);
      const fromId = String(asRecord(item.from).id ?? '');
      const toId = String(asRecord(item.to).id ?? '');
      try {
        const ids = requireBoth(context, from, fromId, to, toId);
        for (const typeId of readSpecs(from, to, item.types)) context.state.associations.add(from, ids.fromId, to, ids.toId, typeId);
        results.push(pair(from, ids.fromId, to, ids.toId));
      } catch (error) {
        const known = error instanceof HttpError ? error : new HttpError(500, 'INTERNAL_ERROR', 'error');
        errors.push({ status: 'error', category: known.category, message: known.message, context: { fromObjectId: [fromId], toObjectId: [toId] }, errors: [], links: {} });
      }
    }
    if (errors.length === 0) return { status: 201, body: { status: 'COMPLETE', results, ...times(startedAt) } };
    return { status: 207, body: { status: 'COMPLETE', results, numErrors: errors.length, errors, ...times(startedAt) } };
  });
}

/** `POST /crm/v4/associations/{from}/{to}/batch/associate/default` `{inputs:[{from:{id}, to:{id}}]}`: HubSpot's default type for the pair. */
export function batchAssociateDefault(context: ObjectContext, from: DemoObjectType, to: DemoObjectType, path: string, key: string | undefined, rawBody: unknown): RouteResult {
  const startedAt = new Date().toISOString();
  const inputs = asRecord(rawBody).inputs;
  if (!Array.isArray(inputs) || inputs.length > 100) throw new HttpError(400, 'VALIDATION_ERROR', 'inputs must be an array of at most 100 associations');
  const typeId = associationType(from, to)?.id;
  if (typeId === undefined) throw new HttpError(400, 'VALIDATION_ERROR', `There is no default association from ${from} to ${to}`);
  const pairs = inputs.map((input) => requireBoth(context, from, String(asRecord(asRecord(input).from).id ?? ''), to, String(asRecord(asRecord(input).to).id ?? '')));
  return context.ledger.run(key, { method: 'POST', path, body: rawBody }, () => {
    for (const ids of pairs) context.state.associations.add(from, ids.fromId, to, ids.toId, typeId);
    return {
      status: 200,
      body: { status: 'COMPLETE', results: pairs.map((ids) => ({ from: { id: ids.fromId }, to: { id: ids.toId }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId } })), ...times(startedAt) },
    };
  });
}

/** `PUT /crm/v4/objects/{from}/{fromId}/associations/default/{to}/{toId}`. */
export function putDefaultAssociation(context: ObjectContext, from: DemoObjectType, fromId: string, to: DemoObjectType, toId: string, path: string, key: string | undefined): RouteResult {
  return batchAssociateDefault(context, from, to, path, key, { inputs: [{ from: { id: fromId }, to: { id: toId } }] });
}

/** `PUT /crm/v4/objects/{from}/{fromId}/associations/{to}/{toId}` with a body of association specs → 201 with the pair. */
export function putAssociation(context: ObjectContext, from: DemoObjectType, fromId: string, to: DemoObjectType, toId: string, path: string, key: string | undefined, rawBody: unknown): RouteResult {
  const ids = requireBoth(context, from, fromId, to, toId);
  const typeIds = readSpecs(from, to, rawBody);
  return context.ledger.run(key, { method: 'PUT', path, body: rawBody }, () => {
    for (const typeId of typeIds) context.state.associations.add(from, ids.fromId, to, ids.toId, typeId);
    return { status: 201, body: pair(from, ids.fromId, to, ids.toId) };
  });
}

export function deleteAssociation(context: ObjectContext, from: DemoObjectType, fromId: string, to: DemoObjectType, toId: string, path: string, key: string | undefined): RouteResult {
  return context.ledger.run(key, { method: 'DELETE', path, body: null }, () => {
    context.state.associations.remove(from, fromId, to, toId);
    return { status: 204, body: undefined };
  });
}

/** `GET /crm/v4/objects/{from}/{fromId}/associations/{to}?limit&after`. */
export function listAssociations(context: ObjectContext, from: DemoObjectType, fromId: string, to: DemoObjectType, url: URL): RouteResult {
  const record = context.state.get(from, fromId);
  if (!record) throw new HttpError(404, 'OBJECT_NOT_FOUND', `${from} ${fromId.slice(0, 64)} does not exist`);
  const limit = readLimit(url.searchParams.get('limit'), 500, 500);
  const after = readCount(url.searchParams.get('after'), 0, 'after');
  const links = context.state.associations.links(from, record.id, to);
  const items = links.slice(after, after + limit).map((link) => ({ toObjectId: link.toId, associationTypes: link.typeIds.map(labelOf) }));
  return { status: 200, body: page(items, after + limit < links.length ? after + limit : undefined) };
}
