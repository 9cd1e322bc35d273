import type { DemoRecord } from './generator';
import { HttpError, asRecord, readCount, readLimit } from './http';
import { lastModifiedProperty } from './properties';
import type { DemoObjectType, DemoState } from './state';
import { virtualPage } from './virtual-list';

/**
 * `POST /crm/v3/objects/{type}/search` as HubSpot answers it: filter groups (OR) of filters (AND),
 * ordered by the last-modified property ascending (ties by id), at most `limit` ≤ 200 per page,
 * no associations, and:
 * - a cap on how deep one query can page (HubSpot's 10,000): `after` at or past it answers 400;
 * - index lag: a record created or changed less than `lagMs` ago is not found yet;
 * - archived and merged-away records are not found.
 */
export interface SearchOptions {
  cap: number;
  lagMs: number;
}

type Operator = 'EQ' | 'NEQ' | 'GT' | 'GTE' | 'LT' | 'LTE' | 'BETWEEN' | 'IN' | 'NOT_IN' | 'HAS_PROPERTY' | 'NOT_HAS_PROPERTY';
interface Filter {
  propertyName: string;
  operator: Operator;
  value?: string;
  highValue?: string;
  values?: string[];
}

const operators = new Set<Operator>(['EQ', 'NEQ', 'GT', 'GTE', 'LT', 'LTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY']);
/** The spec: "Up to 6 groups of filters"; HubSpot's docs allow 6 filters a group and 18 in all. */
const maxGroups = 6;
const maxFiltersPerGroup = 6;
const maxFilters = 18;

function readFilters(state: DemoState, type: DemoObjectType, body: Record<string, unknown>): Filter[][] {
  const groups = body.filterGroups ?? [];
  if (!Array.isArray(groups) || groups.length > maxGroups) throw new HttpError(400, 'VALIDATION_ERROR', `filterGroups must be an array of at most ${maxGroups} groups`);
  let count = 0;
  return groups.map((group) => {
    const filters = asRecord(group).filters;
    if (!Array.isArray(filters) || filters.length > maxFiltersPerGroup) throw new HttpError(400, 'VALIDATION_ERROR', `Each filter group needs a filters array of at most ${maxFiltersPerGroup}`);
    count += filters.length;
    if (count > maxFilters) throw new HttpError(400, 'VALIDATION_ERROR', `At most ${maxFilters} filters in all`);
    return filters.map((raw) => {
      const filter = asRecord(raw);
      const propertyName = String(filter.propertyName ?? '');
      const operator = String(filter.operator ?? '') as Operator;
      if (!operators.has(operator)) throw new HttpError(400, 'VALIDATION_ERROR', `Operator ${operator.slice(0, 30)} is not supported by the demo CRM (supported: ${[...operators].join(', ')})`);
      if (!state.properties.get(type, propertyName)) {
        throw new HttpError(400, 'VALIDATION_ERROR', `There was a problem with the request: property "${propertyName.slice(0, 100)}" does not exist on ${type}`, {
          errors: [{ message: `Property "${propertyName.slice(0, 100)}" does not exist`, code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: [propertyName.slice(0, 100)] } }],
        });
      }
      return {
        propertyName,
        operator,
        ...(filter.value !== undefined ? { value: String(filter.value) } : {}),
        ...(filter.highValue !== undefined ? { highValue: String(filter.highValue) } : {}),
        ...(Array.isArray(filter.values) ? { values: filter.values.map(String) } : {}),
      };
    });
  });
}

/** Sorts: the last-modified property ascending (as a name or `{propertyName, direction}`), optionally then hs_object_id ascending. */
function checkSorts(type: DemoObjectType, body: Record<string, unknown>): void {
  const sorts = body.sorts ?? [];
  const modified = lastModifiedProperty(type);
  if (!Array.isArray(sorts) || sorts.length > 2) throw new HttpError(400, 'VALIDATION_ERROR', 'sorts must be an array');
  sorts.forEach((sort, position) => {
    const name = typeof sort === 'string' ? sort.replace(/^-/, '') : String(asRecord(sort).propertyName ?? '');
    const descending = typeof sort === 'string' ? sort.startsWith('-') : asRecord(sort).direction === 'DESCENDING';
    const allowed = position === 0 ? name === modified : name === 'hs_object_id';
    if (!allowed || descending) throw new HttpError(400, 'VALIDATION_ERROR', `The demo CRM sorts by ${modified} ascending (then hs_object_id); "${name.slice(0, 100)}" is not supported`);
  });
}

const isTime = (name: string): boolean => name === 'lastmodifieddate' || name === 'hs_lastmodifieddate' || name === 'createdate' || name === 'hs_createdate';

function timeValue(value: string | undefined): number {
  const raw = value ?? '';
  const parsed = /^-?\d{1,16}$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(parsed)) throw new HttpError(400, 'VALIDATION_ERROR', `"${raw.slice(0, 40)}" is not a date: use epoch milliseconds or an ISO time`);
  return parsed;
}

/** Compares a record's value with a filter's: times as instants, integers exactly (ids pass 2^53), other numbers as numbers, text as text. */
function compare(name: string, actual: string, wanted: string): number {
  if (isTime(name)) return Date.parse(actual) - timeValue(wanted);
  if (/^-?\d{1,30}$/.test(actual) && /^-?\d{1,30}$/.test(wanted)) {
    const a = BigInt(actual);
    const b = BigInt(wanted);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const a = Number(actual);
  const b = Number(wanted);
  if (actual !== '' && wanted !== '' && Number.isFinite(a) && Number.isFinite(b)) return a - b;
  return actual.toLowerCase() < wanted.toLowerCase() ? -1 : actual.toLowerCase() > wanted.toLowerCase() ? 1 : 0;
}

function passes(filter: Filter, record: DemoRecord): boolean {
  const actual = filter.propertyName === 'hs_object_id' ? record.id : record.properties[filter.propertyName];
  const has = actual !== undefined && actual !== null && actual !== '';
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return has;
    case 'NOT_HAS_PROPERTY':
      return !has;
    case 'IN':
      return has && (filter.values ?? []).some((value) => compare(filter.propertyName, actual, value) === 0);
    case 'NOT_IN':
      return !has || !(filter.values ?? []).some((value) => compare(filter.propertyName, actual, value) === 0);
    case 'NEQ':
      return !has || compare(filter.propertyName, actual, filter.value ?? '') !== 0;
    default: {
      if (!has) return false;
      const c = compare(filter.propertyName, actual, filter.value ?? '');
      if (filter.operator === 'EQ') return c === 0;
      if (filter.operator === 'GT') return c > 0;
      if (filter.operator === 'GTE') return c >= 0;
      if (filter.operator === 'LT') return c < 0;
      if (filter.operator === 'LTE') return c <= 0;
      return c >= 0 && compare(filter.propertyName, actual, filter.highValue ?? '') <= 0; // BETWEEN
    }
  }
}

/** The earliest last-modified time any group can match: where the scan starts. */
function lowerBound(type: DemoObjectType, groups: Filter[][]): number {
  if (groups.length === 0) return Number.NEGATIVE_INFINITY;
  const modified = lastModifiedProperty(type);
  return Math.min(
    ...groups.map((group) => {
      let bound = Number.NEGATIVE_INFINITY;
      for (const filter of group) {
        if (filter.propertyName !== modified || !['GT', 'GTE', 'EQ', 'BETWEEN'].includes(filter.operator)) continue;
        bound = Math.max(bound, timeValue(filter.value));
      }
      return bound;
    }),
  );
}

export function search(state: DemoState, type: DemoObjectType, rawBody: unknown, options: SearchOptions, now: number): { total: number; results: DemoRecord[]; next: number | undefined } {
  const body = asRecord(rawBody);
  if (body.query !== undefined) throw new HttpError(400, 'VALIDATION_ERROR', 'Free-text query is not supported by the demo CRM');
  const limit = readLimit(body.limit, 10, 200);
  const offset = readCount(body.after, 0, 'after');
  const groups = readFilters(state, type, body);
  checkSorts(type, body);
  if (offset >= options.cap) {
    throw new HttpError(400, 'VALIDATION_ERROR', `Search results are capped at ${options.cap}: page ${offset} is past the end. Narrow the query (e.g. a later ${lastModifiedProperty(type)}) instead.`);
  }
  const bound = lowerBound(type, groups);
  const baseCount = state.baseCount(type);
  const generator = state.generator;
  // Base position p holds generated index baseCount-1-p, whose time rises with p.
  const timeAt = (position: number): number => generator.updatedAtMs(baseCount - 1 - position);
  let start = Number.isFinite(bound) ? Math.min(baseCount, Math.max(0, Math.ceil(baseCount - (generator.clock - bound) / 1000))) : 0;
  while (start > 0 && timeAt(start - 1) >= bound) start -= 1;
  while (start < baseCount && timeAt(start) < bound) start += 1;
  const touched = state.touchedIndices(type).map((index) => baseCount - 1 - index).sort((a, b) => a - b);
  const visibleBefore = now - options.lagMs;
  const changedTail = state.changed(type).filter((record) => Date.parse(record.updatedAt) >= bound && Date.parse(record.updatedAt) <= visibleBefore);
  const base = (position: number): DemoRecord => state.baseRecord(type, baseCount - 1 - position);
  const matches = (record: DemoRecord): boolean => groups.length === 0 || groups.some((group) => group.every((filter) => passes(filter, record)));
  const room = Math.min(limit, options.cap - offset);

  // Fast path: no filter but the lower bound, so the candidates are the answer and offsets index them directly.
  const modified = lastModifiedProperty(type);
  const onlyBound = groups.length === 0 || (groups.length === 1 && (groups[0] ?? []).every((filter) => filter.propertyName === modified && (filter.operator === 'GT' || filter.operator === 'GTE')));
  if (onlyBound) {
    const strict = groups[0]?.some((filter) => filter.operator === 'GT' && timeValue(filter.value) === bound) ?? false;
    let from = start;
    if (strict) while (from < baseCount && timeAt(from) <= bound) from += 1;
    const tail = strict ? changedTail.filter((record) => Date.parse(record.updatedAt) > bound) : changedTail;
    const page = virtualPage({ baseCount, start: from, touched, changedTail: tail, offset, limit: room, base });
    const touchedFrom = touched.filter((position) => position >= from).length;
    const total = baseCount - from - touchedFrom + tail.length;
    return { total, results: page.items, next: page.nextOffset };
  }

  // General filters: walk the candidates in order, skipping `offset` matches.
  const touchedFrom = touched.filter((position) => position >= start).length;
  const candidateCount = baseCount - start - touchedFrom + changedTail.length;
  const results: DemoRecord[] = [];
  let seen = 0;
  let failed = 0;
  let scanned = 0;
  let position = 0;
  const chunk = 500;
  while (results.length < room && position < candidateCount) {
    const page = virtualPage({ baseCount, start, touched, changedTail, offset: position, limit: chunk, base });
    for (const record of page.items) {
      position += 1;
      scanned += 1;
      if (!matches(record)) {
        failed += 1;
        continue;
      }
      seen += 1;
      if (seen > offset && results.length < room) results.push(record);
      if (results.length >= room) break;
    }
    if (page.nextOffset === undefined) break;
  }
  // Is there another match after the last one returned? Look ahead a little; the total counts every candidate not seen to fail.
  let more = false;
  while (!more && position < candidateCount && scanned < offset + room + chunk * 4) {
    const page = virtualPage({ baseCount, start, touched, changedTail, offset: position, limit: chunk, base });
    for (const record of page.items) {
      position += 1;
      scanned += 1;
      if (matches(record)) {
        more = true;
        break;
      }
      failed += 1;
    }
    if (page.nextOffset === undefined) break;
  }
  const next = more || position < candidateCount ? offset + results.length : undefined;
  return { total: candidateCount - failed, results, next: results.length === 0 ? undefined : next };
}
