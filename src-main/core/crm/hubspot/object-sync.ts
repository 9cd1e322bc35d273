import type { z } from 'zod';
import type { PulledPage, SyncCursor } from '../connector';
import type { HttpClient } from '../http-client';
import type { CrmObjectType, CrmRecordOf } from '../records';
import { attachAssociations } from './associations';
import { lastModifiedProperty, pageSchema } from './schemas';
import { idOf, parsePage } from './validate';
import { decodeListRecords, pagingAfterOf } from './wire-pages';

export type ObjectType = Exclude<CrmObjectType, 'conversations'>;

export interface ObjectSpec<T extends ObjectType> {
  schema: z.ZodType;
  map: (value: never) => CrmRecordOf[T];
  /** What the initial list asks for (the v3 list endpoint takes `associations`). */
  associations: string;
}

export interface ObjectSyncOptions {
  http: HttpClient;
  listPageSize: number;
  /** HubSpot's search answers at most 200 a page, and no more than 10,000 per query. */
  searchPageSize: number;
  /** Every incremental run starts this much before where the last one ended: late-indexed records are read again. */
  overlapMs: number;
  /** How often the archived (deleted) records are listed, so deletions reach the cache. */
  archivedSweepMs: number;
  now: () => number;
}

/** Where the incremental search stands: everything modified before `ts` has been read. */
interface SearchState {
  ts: number;
  /** Only while walking a group of records that share one timestamp, larger than a page. */
  tieAfter?: string;
  sweptAt: number;
}
interface InitialState {
  after: string;
  startedAt: number;
}

function readState<T>(cursor: string, fallback: T): T {
  try {
    return { ...fallback, ...(JSON.parse(cursor) as Partial<T>) };
  } catch {
    return fallback;
  }
}

/** Epoch milliseconds or an ISO date, as HubSpot writes a datetime property. */
function timeOf(raw: unknown, property: string): number {
  const value = (raw as { properties?: Record<string, unknown>; updatedAt?: unknown } | null)?.properties?.[property] ?? (raw as { updatedAt?: unknown } | null)?.updatedAt;
  if (typeof value !== 'string') return Number.NaN;
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}

/** HubSpot returns only a few default properties unless each one is named. */
export const propertiesOf = (schema: z.ZodType, type: string): string[] => {
  const shape = (schema as unknown as { shape: { properties: { shape: Record<string, unknown> } } }).shape.properties.shape;
  return [...new Set([...Object.keys(shape), lastModifiedProperty(type)])];
};

/** How a first sync's list pages are handed on: undecoded (their bytes) for a writer that decodes them itself. */
export interface ListEncoding {
  /** The ticket pipeline's stage labels, applied where the page is decoded. */
  stageLabels?: Record<string, string>;
}

export function createObjectSync(options: ObjectSyncOptions) {
  const { http } = options;

  async function listArchived(type: ObjectType, signal?: AbortSignal): Promise<string[]> {
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const query = new URLSearchParams({ limit: String(options.listPageSize), archived: 'true', ...(after ? { after } : {}) });
      const page = parsePage(await http.request({ method: 'GET', path: `/crm/v3/objects/${type}?${query}`, ...(signal ? { signal } : {}) }));
      for (const raw of page.results) {
        const id = idOf(raw);
        if (id) ids.push(id);
      }
      after = page.paging?.next?.after;
    } while (after);
    return ids;
  }

  function toPage<T extends ObjectType>(type: T, raws: unknown[], nextCursor: SyncCursor, done: boolean): PulledPage<T> {
    const { records, rejected, deleted, merges } = decodeListRecords(type, raws);
    return {
      records: records as CrmRecordOf[T][],
      messages: [],
      rejected,
      nextCursor,
      done,
      ...(deleted.length > 0 ? { deleted } : {}),
      ...(merges.length > 0 ? { merges } : {}),
    };
  }

  async function* pull<T extends ObjectType>(type: T, spec: ObjectSpec<T>, from: SyncCursor | undefined, signal?: AbortSignal, encoding?: ListEncoding): AsyncGenerator<PulledPage<T>> {
    const properties = propertiesOf(spec.schema, type);
    const modified = lastModifiedProperty(type);
    if (!from || from.phase === 'initial') {
      const state = readState<InitialState>(from?.cursor ?? '', { after: '', startedAt: options.now() });
      let after = state.after;
      for (;;) {
        const query = new URLSearchParams({
          limit: String(options.listPageSize),
          ...(after ? { after } : {}),
          properties: properties.join(','),
          ...(spec.associations ? { associations: spec.associations } : {}),
        });
        const request = { method: 'GET', path: `/crm/v3/objects/${type}?${query}`, ...(signal ? { signal } : {}) } as const;
        // Undecoded, only the paging cursor is read here; the writer's thread parses the records.
        const body = encoding ? await http.requestBytes(request) : undefined;
        const page = body ? undefined : parsePage(await http.request(request));
        const next = body ? pagingAfterOf(body) : page?.paging?.next?.after;
        const done = next === undefined;
        // The list is read from the start time on; the first incremental run reads what changed meanwhile.
        const nextCursor: SyncCursor = done
          ? { phase: 'incremental', cursor: JSON.stringify({ ts: state.startedAt, sweptAt: state.startedAt } satisfies SearchState) }
          : { phase: 'initial', cursor: JSON.stringify({ after: next, startedAt: state.startedAt } satisfies InitialState) };
        if (body) {
          const part = { format: 'hubspot-list' as const, type, body, after: next, ...(encoding?.stageLabels ? { stageLabels: encoding.stageLabels } : {}) };
          yield { records: [], messages: [], rejected: [], nextCursor, done, encoded: [part] };
        } else yield toPage(type, page?.results ?? [], nextCursor, done);
        if (done) return;
        after = next;
      }
    }

    const saved = readState<SearchState>(from.cursor, { ts: 0, sweptAt: 0 });
    // Legacy cursors named the start `since`.
    const legacySince = (JSON.parse(from.cursor || '{}') as { since?: unknown }).since;
    if (!saved.ts && typeof legacySince === 'number') saved.ts = legacySince;
    let anchor = saved.tieAfter ? saved.ts : Math.max(0, saved.ts - options.overlapMs);
    let tieAfter = saved.tieAfter;
    let newest = saved.ts;
    const sweepDue = options.now() - saved.sweptAt >= options.archivedSweepMs;
    for (;;) {
      const body = await http.request({
        method: 'POST',
        path: `/crm/v3/objects/${type}/search`,
        search: true,
        body: {
          filterGroups: [{ filters: [{ propertyName: modified, operator: 'GTE', value: String(anchor) }] }],
          sorts: [{ propertyName: modified, direction: 'ASCENDING' }],
          properties,
          limit: options.searchPageSize,
          // The spec requires `after`; "0" is the first page.
          after: tieAfter ?? '0',
        },
        ...(signal ? { signal } : {}),
      });
      const page: z.infer<typeof pageSchema> = parsePage(body);
      const raws = await attachAssociations(http, type, page.results, signal);
      const times = page.results.map((raw) => timeOf(raw, modified)).filter((time) => !Number.isNaN(time));
      const last = times.at(-1);
      for (const time of times) newest = Math.max(newest, time);
      const more = page.paging?.next?.after;
      const done = more === undefined || page.results.length === 0;
      if (!done && last !== undefined && last > anchor) {
        // Re-anchored at the last record's time: one query never pages past the 10,000-result cap, and the
        // records sharing that time are read again on the next page rather than lost.
        anchor = last;
        tieAfter = undefined;
      } else if (!done) {
        // The whole page shares the anchor's time: walk that group with the cursor, ordered by id.
        tieAfter = more;
      }
      if (done && sweepDue) {
        const archived = await listArchived(type, signal);
        const pageOut = toPage(type, raws, { phase: 'incremental', cursor: JSON.stringify({ ts: newest, sweptAt: options.now() } satisfies SearchState) }, true);
        if (archived.length > 0) pageOut.deleted = [...(pageOut.deleted ?? []), ...archived];
        yield pageOut;
        return;
      }
      const nextState: SearchState = done ? { ts: newest, sweptAt: saved.sweptAt } : { ts: anchor, ...(tieAfter ? { tieAfter } : {}), sweptAt: saved.sweptAt };
      yield toPage(type, raws, { phase: 'incremental', cursor: JSON.stringify(nextState) }, done);
      if (done) return;
    }
  }

  return { pull };
}
