import { decodeParts, type EncodedPart } from '../crm/encoded-pages';
import type { CrmContact, CrmLineItem, CrmMessage, CrmObjectType, CrmOrder, CrmRecordOf, CrmTicket } from '../crm/records';
import type { CacheDatabase } from './database';
import type { SyncCursor } from './repositories/sync-state';

/** One page of a sync as the cache stores it: the connector's page, in storage's own terms. */
export interface SyncedPage<T extends CrmObjectType = CrmObjectType> {
  records: CrmRecordOf[T][];
  messages: CrmMessage[];
  rejected: { recordId: string | null; reason: string; raw: unknown }[];
  nextCursor: SyncCursor;
  deleted?: string[];
  merges?: { from: string; to: string }[];
  related?: { contacts: CrmContact[]; orders: CrmOrder[]; line_items: CrmLineItem[]; tickets: CrmTicket[] };
  /** Records and messages still in the CRM's wire format, decoded here, where the page is written. */
  encoded?: EncodedPart[];
}

/** What committing a page stored. */
export interface WrittenPage {
  /** The ids of the messages new to the cache. */
  fresh: string[];
  /** The new messages of the conversations asked for (`watch`): the UI shows them as they arrive. */
  live: CrmMessage[];
  /** The page's records, messages and quarantined records, decoded ones included. */
  records: number;
  messages: number;
  rejected: number;
}

/**
 * Commits a synced page and the cursor after it in one transaction: a crash resumes at the next page and
 * never skips one. Encoded parts are decoded first; a part that cannot be read fails the whole page.
 */
export function commitSyncedPage<T extends CrmObjectType>(db: CacheDatabase, source: string, type: T, page: SyncedPage<T>, watch: readonly string[] = []): WrittenPage {
  let records = page.records as CrmRecordOf[CrmObjectType][];
  let messages = page.messages;
  let rejected = page.rejected;
  let deleted = page.deleted ?? [];
  let merges = page.merges ?? [];
  if (page.encoded && page.encoded.length > 0) {
    const decoded = decodeParts(page.encoded);
    records = records.length > 0 ? [...records, ...decoded.records] : decoded.records;
    messages = messages.length > 0 ? [...messages, ...decoded.messages] : decoded.messages;
    rejected = rejected.length > 0 ? [...rejected, ...decoded.rejected] : decoded.rejected;
    if (decoded.deleted.length > 0) deleted = [...deleted, ...decoded.deleted];
    if (decoded.merges.length > 0) merges = [...merges, ...decoded.merges];
  }
  const stored = db.refetchableTransaction(() => {
    db.records.upsert(type, records as CrmRecordOf[T][]);
    if (page.related) {
      db.records.upsert('contacts', page.related.contacts);
      db.records.upsert('orders', page.related.orders);
      db.records.upsert('line_items', page.related.line_items);
      db.records.upsert('tickets', page.related.tickets);
    }
    if (merges.length > 0) db.records.mergeContacts(merges);
    if (deleted.length > 0) db.records.remove(type, deleted);
    const fresh = messages.length > 0 ? db.records.upsertMessages(messages) : [];
    for (const entry of rejected) db.syncState.quarantine({ source, objectType: type, ...entry });
    db.syncState.setCursor(source, type, page.nextCursor);
    return fresh;
  });
  const watched = new Set(watch);
  return {
    fresh: stored.map((message) => message.id),
    live: watched.size > 0 ? stored.filter((message) => watched.has(message.conversationId)) : [],
    records: records.length,
    messages: messages.length,
    rejected: rejected.length,
  };
}
