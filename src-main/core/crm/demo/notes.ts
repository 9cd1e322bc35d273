import { HttpError, asRecord, batchAnswer, page, propertyError, readCount, readLimit, readProperties, type RouteResult } from './http';
import type { IdempotencyLedger } from './idempotency';
import type { DemoState } from './state';

/**
 * HubSpot's notes (`/crm/v3/objects/notes`, object type `0-46`), as the published notes spec and its guide
 * describe them: `hs_timestamp` is required, `hs_note_body` holds at most 65,536 characters, create needs
 * `properties` and `associations`, and a note reaches a ticket through the HUBSPOT_DEFINED association types
 * note → ticket 228 and ticket → note 227 (contacts: 202 and 201). The demo generates no notes; every note
 * is one written through the API, kept here with its links.
 */

export const noteAssociationTypes = { 'notes->tickets': 228, 'tickets->notes': 227, 'notes->contacts': 202, 'contacts->notes': 201 } as const;
type NoteTarget = 'tickets' | 'contacts';

const noteProperties = new Set(['hs_note_body', 'hs_timestamp', 'hubspot_owner_id', 'hs_attachment_ids']);
const maxBody = 65_536;
/** Above every generated and created id of the other objects. */
const firstNoteId = 7_100_000_000n;

interface DemoNote {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export function isNotesType(value: string | undefined): boolean {
  return value === 'notes' || value === 'note' || value === '0-46';
}

const targetOf = (value: string | undefined): NoteTarget | undefined =>
  value === 'tickets' || value === 'ticket' || value === '0-5' ? 'tickets' : value === 'contacts' || value === 'contact' || value === '0-1' ? 'contacts' : undefined;

const noteNotFound = (id: string): HttpError => new HttpError(404, 'OBJECT_NOT_FOUND', `Object not found. objectId are usually numeric. (note ${id.slice(0, 64)})`);

/** hs_timestamp: a Unix time in milliseconds or an ISO time (the guide accepts both); stored as ISO. */
function timestamp(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = /^\d{1,15}$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

export class NoteStore {
  private readonly notes = new Map<string, DemoNote>();
  private readonly links = new Map<string, Set<string>>();
  private next = firstNoteId;

  constructor(private readonly state: DemoState) {}

  private linkKey = (type: 'notes' | NoteTarget, id: string, to: 'notes' | NoteTarget): string => `${type}:${id}:${to}`;

  private link(noteId: string, to: NoteTarget, targetId: string): void {
    for (const [key, value] of [
      [this.linkKey('notes', noteId, to), targetId],
      [this.linkKey(to, targetId, 'notes'), noteId],
    ] as const) {
      const set = this.links.get(key) ?? new Set<string>();
      set.add(value);
      this.links.set(key, set);
    }
  }

  /** Linked ids, oldest link first, with the association type id of that direction. */
  linked(from: 'notes' | NoteTarget, id: string, to: 'notes' | NoteTarget): { toId: string; typeId: number }[] {
    const typeId = noteAssociationTypes[`${from}->${to}` as keyof typeof noteAssociationTypes];
    if (typeId === undefined) return [];
    return [...(this.links.get(this.linkKey(from, id, to)) ?? [])].map((toId) => ({ toId, typeId }));
  }

  exists(from: 'notes' | NoteTarget, id: string): boolean {
    return from === 'notes' ? this.notes.has(id) : this.state.get(from, id) !== undefined;
  }

  private shape(note: DemoNote, names: string[] | undefined): Record<string, unknown> {
    const wanted = new Set([...(names ?? ['hs_note_body', 'hs_timestamp']), 'hs_object_id', 'hs_createdate', 'hs_lastmodifieddate']);
    const properties = Object.fromEntries(Object.entries(note.properties).filter(([name]) => wanted.has(name)));
    return { id: note.id, properties, createdAt: note.createdAt, updatedAt: note.updatedAt, archived: false };
  }

  create(rawBody: unknown): { status: number; body: Record<string, unknown> } {
    const body = asRecord(rawBody);
    if (body.properties === undefined) throw new HttpError(400, 'VALIDATION_ERROR', 'Invalid input JSON: properties is required');
    if (body.associations !== undefined && !Array.isArray(body.associations)) throw new HttpError(400, 'VALIDATION_ERROR', 'associations must be an array');
    const properties = readProperties(body.properties);
    const unknown = Object.keys(properties).filter((name) => !noteProperties.has(name));
    if (unknown.length > 0) throw propertyError(unknown.map((name) => ({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` })));
    const at = timestamp(properties.hs_timestamp);
    if (!at) throw propertyError([{ name: 'hs_timestamp', error: 'REQUIRED', message: 'hs_timestamp is required: a Unix time in milliseconds or an ISO 8601 time' }]);
    if ((properties.hs_note_body ?? '').length > maxBody - 1) throw propertyError([{ name: 'hs_note_body', error: 'INVALID_PROPERTY_VALUE', message: `hs_note_body is limited to ${maxBody} characters` }]);
    const targets = ((body.associations as unknown[] | undefined) ?? []).map((item): { to: NoteTarget; id: string } => {
      const id = String(asRecord(asRecord(item).to).id ?? '');
      const spec = asRecord((asRecord(item).types as unknown[] | undefined)?.[0]);
      const typeId = Number(spec.associationTypeId);
      const to: NoteTarget | undefined = typeId === noteAssociationTypes['notes->tickets'] ? 'tickets' : typeId === noteAssociationTypes['notes->contacts'] ? 'contacts' : undefined;
      if (spec.associationCategory !== 'HUBSPOT_DEFINED' || !to) throw new HttpError(400, 'VALIDATION_ERROR', `Association type ${String(typeId).slice(0, 12)} is not valid from note`);
      const record = this.state.get(to, id);
      if (!record) throw new HttpError(400, 'VALIDATION_ERROR', `Associated ${to === 'tickets' ? 'ticket' : 'contact'} ${id.slice(0, 64)} does not exist`);
      return { to, id: record.id };
    });
    const now = new Date().toISOString();
    const id = String(this.next);
    this.next += 1n;
    const note: DemoNote = {
      id,
      properties: { ...(Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== null)) as Record<string, string>), hs_timestamp: at, hs_object_id: id, hs_createdate: now, hs_lastmodifieddate: now },
      createdAt: now,
      updatedAt: now,
    };
    this.notes.set(id, note);
    for (const target of targets) this.link(id, target.to, target.id);
    return { status: 201, body: this.shape(note, Object.keys(note.properties)) };
  }

  read(id: string, names: string[] | undefined): RouteResult {
    const note = this.notes.get(id);
    if (!note) throw noteNotFound(id);
    return { status: 200, body: this.shape(note, names) };
  }

  list(url: URL): RouteResult {
    const limit = readLimit(url.searchParams.get('limit'), 10, 100);
    const after = readCount(url.searchParams.get('after'), 0, 'after');
    const all = [...this.notes.values()];
    const names = url.searchParams.getAll('properties').flatMap((value) => value.split(',')).filter(Boolean);
    return { status: 200, body: page(all.slice(after, after + limit).map((note) => this.shape(note, names.length ? names : undefined)), after + limit < all.length ? after + limit : undefined) };
  }

  /** `batch/read`: 207 with OBJECT_NOT_FOUND for ids it does not hold, as for the other objects. */
  batchRead(rawBody: unknown): RouteResult {
    const startedAt = new Date().toISOString();
    const body = asRecord(rawBody);
    if (!Array.isArray(body.inputs) || body.inputs.length > 100) throw new HttpError(400, 'VALIDATION_ERROR', 'inputs must be an array of at most 100 ids');
    const names = Array.isArray(body.properties) && body.properties.length > 0 ? body.properties.map(String) : undefined;
    const results: Record<string, unknown>[] = [];
    const missing: string[] = [];
    for (const input of body.inputs) {
      const id = String(asRecord(input).id ?? '').slice(0, 64);
      const note = this.notes.get(id);
      if (note) results.push(this.shape(note, names));
      else missing.push(id);
    }
    const errors = missing.length === 0 ? [] : [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some notes objects, they may be deleted or not exist. Check that ids are valid.', context: { ids: missing }, errors: [], links: {} }];
    return batchAnswer(results, errors, startedAt);
  }
}

/** `/crm/v3/objects/notes…`; `parts` is the path split after `/crm/v3/objects/`. */
export function notesRoute(notes: NoteStore, ledger: IdempotencyLedger, method: string, parts: string[], url: URL, path: string, key: string | undefined, body: unknown): RouteResult {
  if (parts.length === 0 && method === 'GET') return notes.list(url);
  // A refused note throws before the ledger records a side effect.
  if (parts.length === 0 && method === 'POST') return ledger.run(key, { method: 'POST', path, body }, () => notes.create(body));
  if (parts.length === 2 && parts[0] === 'batch' && parts[1] === 'read' && method === 'POST') return notes.batchRead(body);
  if (parts.length === 1 && method === 'GET') return notes.read(parts[0] ?? '', url.searchParams.getAll('properties').flatMap((value) => value.split(',')).filter(Boolean));
  throw new HttpError(404, 'OBJECT_NOT_FOUND', 'No such endpoint');
}

const labelOf = (typeId: number) => ({ category: 'HUBSPOT_DEFINED' as const, typeId });

/**
 * Associations v4 where one side is a note: `GET /crm/v4/objects/{from}/{id}/associations/{to}` and
 * `POST /crm/v4/associations/{from}/{to}/batch/read`. Undefined when neither side is a note.
 */
export function noteAssociationsRoute(notes: NoteStore, method: string, parts: string[], url: URL, body: unknown): RouteResult | undefined {
  const side = (value: string | undefined): 'notes' | NoteTarget | undefined => (isNotesType(value) ? 'notes' : targetOf(value));
  if (parts[2] === 'objects' && parts.length === 7 && method === 'GET' && (isNotesType(parts[3]) || isNotesType(parts[6]))) {
    const from = side(parts[3]);
    const to = side(parts[6]);
    const id = parts[4] ?? '';
    if (!from || !to) throw new HttpError(400, 'VALIDATION_ERROR', `Unknown object type ${String(from ? parts[6] : parts[3]).slice(0, 64)}`);
    if (!notes.exists(from, id)) throw new HttpError(404, 'OBJECT_NOT_FOUND', `${from} ${id.slice(0, 64)} does not exist`);
    const limit = readLimit(url.searchParams.get('limit'), 500, 500);
    const after = readCount(url.searchParams.get('after'), 0, 'after');
    const links = notes.linked(from, id, to);
    const items = links.slice(after, after + limit).map((link) => ({ toObjectId: link.toId, associationTypes: [labelOf(link.typeId)] }));
    return { status: 200, body: page(items, after + limit < links.length ? after + limit : undefined) };
  }
  if (parts[2] === 'associations' && parts.length === 7 && parts[5] === 'batch' && parts[6] === 'read' && method === 'POST' && (isNotesType(parts[3]) || isNotesType(parts[4]))) {
    const from = side(parts[3]);
    const to = side(parts[4]);
    if (!from || !to) throw new HttpError(400, 'VALIDATION_ERROR', `Unknown object type ${String(from ? parts[4] : parts[3]).slice(0, 64)}`);
    const inputs = asRecord(body).inputs;
    if (!Array.isArray(inputs) || inputs.length > 1000) throw new HttpError(400, 'VALIDATION_ERROR', 'inputs must be an array of at most 1000 ids');
    const startedAt = new Date().toISOString();
    const results: unknown[] = [];
    const missing: string[] = [];
    for (const input of inputs) {
      const id = String(asRecord(input).id ?? '').slice(0, 64);
      const links = notes.linked(from, id, to);
      if (links.length === 0) missing.push(id);
      else results.push({ from: { id }, to: links.map((link) => ({ toObjectId: link.toId, associationTypes: [labelOf(link.typeId)] })) });
    }
    const errors = missing.map((id) => ({ status: 'error', category: 'OBJECT_NOT_FOUND', message: `No ${to} is associated with ${from} ${id}.`, context: { fromObjectId: [id] }, errors: [], links: {} }));
    return batchAnswer(results, errors, startedAt);
  }
  return undefined;
}
