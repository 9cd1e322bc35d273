import type { RejectedRecord } from '../connector';
import { UnreadablePageError, type DecodedPart } from '../decoded-page';
import type { CrmMessage, CrmRecordOf, CrmTicket } from '../records';
import { acceptsContact, acceptsLineItem, acceptsMessage, acceptsOrder, acceptsTicket, type FastCheck } from './fast-checks';
import { contactSchema, lineItemSchema, messageSchema, orderSchema, ticketSchema, toContact, toLineItem, toMessage, toOrder, toTicket, type HubSpotMessage } from './schemas';
import { idOf, parsePage, reasonOf, validate } from './validate';
import type { z } from 'zod';

/** The object types listed page by page in a first sync. */
export type ListedType = 'contacts' | 'orders' | 'line_items' | 'tickets';

/**
 * A page of HubSpot's answer left in its bytes: the sync's writer parses, validates and maps it where it writes
 * it, off the main loop. `after` is the paging cursor the connector read from it and went on with; the writer
 * checks that the page says the same, so a page the connector misread fails rather than skipping what follows.
 */
export type HubSpotWirePart =
  | { format: 'hubspot-list'; type: ListedType; body: Uint8Array; after: string | undefined; stageLabels?: Record<string, string> }
  | { format: 'hubspot-messages'; threadId: string; body: Uint8Array; after: string | undefined };

const pagingKey = Buffer.from('"paging"');

/** HubSpot's paging cursor as pageSchema reads it; undefined when there is no next page, null when it is not one. */
function afterIn(paging: unknown): string | undefined | null {
  if (paging === undefined) return undefined;
  if (typeof paging !== 'object' || paging === null || Array.isArray(paging)) return null;
  const next = (paging as { next?: unknown }).next;
  if (next === undefined) return undefined;
  const after = typeof next === 'object' && next !== null ? (next as { after?: unknown }).after : undefined;
  return typeof after === 'string' && after.length <= 200 ? after : null;
}

/**
 * The `paging.next.after` of a page without parsing its records: the last `"paging"` key is read with what
 * follows it. `"paging":` can only be a key (its closing quote is not escaped), and `{` plus the text from a
 * key below the top level never parses, so a parse that succeeds read the top-level paging. Anything less
 * clear is parsed in full, here.
 */
export function pagingAfterOf(body: Uint8Array): string | undefined {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const at = bytes.lastIndexOf(pagingKey);
  if (at < 0) {
    // No paging at all means the last page; a body that is not a page at all fails here as it always did.
    if (bytes.length > 0 && bytes.indexOf('"results"') >= 0) return undefined;
    return parsePage(parseBody(body)).paging?.next?.after;
  }
  let before = at - 1;
  while (before >= 0 && (bytes[before] === 0x20 || bytes[before] === 0x0a || bytes[before] === 0x0d || bytes[before] === 0x09)) before -= 1;
  if (before >= 0 && (bytes[before] === 0x2c || bytes[before] === 0x7b)) {
    try {
      const tail = JSON.parse(`{${bytes.toString('utf8', at)}`) as { paging?: unknown };
      const after = afterIn(tail.paging);
      if (after !== null) return after;
    } catch {
      // Not the top level's key: read the page in full.
    }
  }
  return parsePage(parseBody(body)).paging?.next?.after;
}

function parseBody(body: Uint8Array): unknown {
  if (body.byteLength === 0) return null;
  try {
    return JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')) as unknown;
  } catch {
    throw new UnreadablePageError('The CRM answered with something that is not JSON.');
  }
}

/** The page's records, its paging checked against the cursor the connector went on with. */
function resultsOf(part: HubSpotWirePart): unknown[] {
  let page: ReturnType<typeof parsePage>;
  try {
    page = parsePage(parseBody(part.body));
  } catch (error) {
    if (error instanceof UnreadablePageError) throw error;
    throw new UnreadablePageError('The CRM answered a page in an unexpected shape.');
  }
  if (page.paging?.next?.after !== part.after) throw new UnreadablePageError('The CRM answered a page whose paging cursor could not be read.');
  return page.results;
}

interface ListSpec {
  schema: z.ZodType;
  accepts: FastCheck;
  map: (value: never) => CrmRecordOf[ListedType];
}

const listSpecs: Record<ListedType, ListSpec> = {
  contacts: { schema: contactSchema, accepts: acceptsContact, map: toContact as (value: never) => CrmRecordOf['contacts'] },
  orders: { schema: orderSchema, accepts: acceptsOrder, map: toOrder as (value: never) => CrmRecordOf['orders'] },
  line_items: { schema: lineItemSchema, accepts: acceptsLineItem, map: toLineItem as (value: never) => CrmRecordOf['line_items'] },
  tickets: { schema: ticketSchema, accepts: acceptsTicket, map: toTicket as (value: never) => CrmRecordOf['tickets'] },
};

/** Contacts merged into a surviving one (`hs_merged_object_ids` on the survivor). */
export function mergesOf(raws: unknown[]): { from: string; to: string }[] {
  const merges: { from: string; to: string }[] = [];
  for (const raw of raws) {
    let id: string;
    let absorbed: string | null | undefined;
    if (acceptsContact(raw)) {
      const contact = raw as { id: string; properties: { hs_merged_object_ids?: string | null } };
      id = contact.id;
      absorbed = contact.properties.hs_merged_object_ids;
    } else {
      const parsed = contactSchema.safeParse(raw);
      if (!parsed.success) continue;
      id = parsed.data.id;
      absorbed = parsed.data.properties.hs_merged_object_ids;
    }
    if (!absorbed) continue;
    for (const from of absorbed.split(';').map((value) => value.trim())) if (/^\d{1,30}$/.test(from) && from !== id) merges.push({ from, to: id });
  }
  return merges;
}

/** One list page: archived records to delete, the others validated and mapped or quarantined. */
export function decodeListRecords<T extends ListedType>(type: T, raws: unknown[], stageLabels?: Record<string, string>): DecodedPart {
  const spec = listSpecs[type];
  const records: CrmRecordOf[ListedType][] = [];
  const rejected: RejectedRecord[] = [];
  const deleted: string[] = [];
  for (const raw of raws) {
    if ((raw as { archived?: unknown } | null)?.archived === true) {
      const id = idOf(raw);
      if (id) deleted.push(id);
      continue;
    }
    const result = validate(raw, spec.schema, spec.map, spec.accepts);
    if (!result.ok) rejected.push(result.rejected);
    else if (type === 'tickets' && stageLabels) records.push(relabelTicket(result.value as CrmTicket, stageLabels));
    else records.push(result.value);
  }
  return { records, messages: [], rejected, deleted, merges: type === 'contacts' ? mergesOf(raws) : [] };
}

/** The pipeline's own label for a ticket's stage id, where the portal names it. */
export function relabelTicket(ticket: CrmTicket, labels: Record<string, string>): CrmTicket {
  const label = labels[ticket.stage];
  return label ? { ...ticket, stage: label } : ticket;
}

/** A thread's message page, as the conversation sync reads one (every type validated; only messages and notes kept). */
export function decodeMessageEntries(entries: unknown[], sinceMs: number): { kept: HubSpotMessage[]; rejected: RejectedRecord[]; older: boolean } {
  const kept: HubSpotMessage[] = [];
  const rejected: RejectedRecord[] = [];
  let older = false;
  for (const entry of entries) {
    let message: HubSpotMessage;
    if (acceptsMessage(entry)) message = entry as HubSpotMessage;
    else {
      const parsed = messageSchema.safeParse(entry);
      if (!parsed.success) {
        rejected.push({ recordId: idOf(entry), reason: reasonOf(parsed.error), raw: entry });
        continue;
      }
      message = parsed.data;
    }
    if (Date.parse(message.createdAt) < sinceMs) older = true;
    else kept.push(message);
  }
  return { kept, rejected, older };
}

/** Oldest first, then by id: the order a thread's messages are stored in. */
export function byTimeThenId(a: CrmMessage, b: CrmMessage): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id.localeCompare(b.id);
}

/** The messages of a thread, from its raw entries, created after `sinceMs` (all when NaN), oldest first. */
export function threadMessages(threadId: string, entries: HubSpotMessage[], sinceMs: number): CrmMessage[] {
  const messages: CrmMessage[] = [];
  for (const entry of entries) {
    const message = toMessage(threadId, entry);
    if (message && !(Date.parse(message.createdAt) <= sinceMs)) messages.push(message);
  }
  return messages.sort(byTimeThenId);
}

/** Decodes a page's parts: list pages become records, a thread's message pages (consecutive parts) its messages. */
export function decodeHubSpotParts(parts: HubSpotWirePart[]): DecodedPart {
  const decoded: DecodedPart = { records: [], messages: [], rejected: [], deleted: [], merges: [] };
  let thread: { id: string; entries: HubSpotMessage[] } | undefined;
  const flush = (): void => {
    if (thread) for (const message of threadMessages(thread.id, thread.entries, Number.NaN)) decoded.messages.push(message);
    thread = undefined;
  };
  for (const part of parts) {
    const raws = resultsOf(part);
    if (part.format === 'hubspot-list') {
      flush();
      const page = decodeListRecords(part.type, raws, part.stageLabels);
      for (const record of page.records) decoded.records.push(record);
      for (const rejected of page.rejected) decoded.rejected.push(rejected);
      for (const id of page.deleted) decoded.deleted.push(id);
      for (const merge of page.merges) decoded.merges.push(merge);
      continue;
    }
    if (thread?.id !== part.threadId) {
      flush();
      thread = { id: part.threadId, entries: [] };
    }
    const { kept, rejected } = decodeMessageEntries(raws, Number.NaN);
    for (const entry of kept) thread.entries.push(entry);
    for (const entry of rejected) decoded.rejected.push(entry);
  }
  flush();
  return decoded;
}
