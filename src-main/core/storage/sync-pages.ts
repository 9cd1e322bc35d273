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
}

/**
 * Commits a synced page and the cursor after it in one transaction: a crash resumes at the next page and
 * never skips one. Returns the ids of the messages that were new to the cache.
 */
export function commitSyncedPage<T extends CrmObjectType>(db: CacheDatabase, source: string, type: T, page: SyncedPage<T>): string[] {
  return db.refetchableTransaction(() => {
    db.records.upsert(type, page.records);
    if (page.related) {
      db.records.upsert('contacts', page.related.contacts);
      db.records.upsert('orders', page.related.orders);
      db.records.upsert('line_items', page.related.line_items);
      db.records.upsert('tickets', page.related.tickets);
    }
    if (page.merges && page.merges.length > 0) db.records.mergeContacts(page.merges);
    if (page.deleted && page.deleted.length > 0) db.records.remove(type, page.deleted);
    const stored = page.messages.length > 0 ? db.records.upsertMessages(page.messages) : [];
    for (const rejected of page.rejected) db.syncState.quarantine({ source, objectType: type, ...rejected });
    db.syncState.setCursor(source, type, page.nextCursor);
    return stored.map((message) => message.id);
  });
}
