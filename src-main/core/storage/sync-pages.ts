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
  /** How many messages were new to the cache. */
  fresh: number;
  /** The new messages of the conversations asked for (`watch`): the UI shows them as they arrive. */
  live: CrmMessage[];
  /** The page's records, messages and quarantined records, decoded ones included. */
  records: number;
  messages: number;
  rejected: number;
}

interface PageContents {
  records: CrmRecordOf[CrmObjectType][];
  messages: CrmMessage[];
  rejected: SyncedPage['rejected'];
  deleted: string[];
  merges: { from: string; to: string }[];
}

/** The page's records, its encoded parts decoded and added; a part that cannot be read throws. */
function contentsOf(page: SyncedPage): PageContents {
  const contents: PageContents = { records: page.records, messages: page.messages, rejected: page.rejected, deleted: page.deleted ?? [], merges: page.merges ?? [] };
  if (!page.encoded || page.encoded.length === 0) return contents;
  const decoded = decodeParts(page.encoded);
  const join = <V>(own: V[], more: V[]): V[] => (own.length === 0 ? more : more.length === 0 ? own : [...own, ...more]);
  return {
    records: join(contents.records, decoded.records),
    messages: join(contents.messages, decoded.messages),
    rejected: join(contents.rejected, decoded.rejected),
    deleted: join(contents.deleted, decoded.deleted),
    merges: join(contents.merges, decoded.merges),
  };
}

/**
 * Commits synced pages, each with the cursor after it, in one transaction, one page after the other as if each
 * had its own: a crash resumes after the last page of a committed batch and never skips one, and the pages share
 * one WAL write of the index pages they all touch. A part that cannot be read fails the whole batch.
 */
export function commitSyncedPages<T extends CrmObjectType>(db: CacheDatabase, source: string, type: T, pages: readonly SyncedPage<T>[], watch: readonly string[] = []): WrittenPage[] {
  const watched = new Set(watch);
  // Each page is decoded just before it is written: only one page's records are alive at a time.
  return db.refetchableTransaction(() =>
    pages.map((page) => {
      const { records, messages, rejected, deleted, merges } = contentsOf(page);
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
      return {
        fresh: fresh.length,
        live: watched.size > 0 ? fresh.filter((message) => watched.has(message.conversationId)) : [],
        records: records.length,
        messages: messages.length,
        rejected: rejected.length,
      };
    }),
  );
}

/** What a batch left committed: every page, or those before the first that failed, and that failure. */
export interface BatchOutcome {
  written: WrittenPage[];
  failure?: { error: unknown };
}

/**
 * Commits a batch as commitSyncedPages does; when it fails, commits its pages one by one up to the one that
 * fails, so that a refused page holds back only itself and the pages after it, exactly as page by page would.
 */
export function commitSyncedBatch<T extends CrmObjectType>(db: CacheDatabase, source: string, type: T, pages: readonly SyncedPage<T>[], watch: readonly string[] = []): BatchOutcome {
  try {
    return { written: commitSyncedPages(db, source, type, pages, watch) };
  } catch (error) {
    if (pages.length <= 1) return { written: [], failure: { error } };
  }
  const written: WrittenPage[] = [];
  for (const page of pages) {
    try {
      written.push(commitSyncedPage(db, source, type, page, watch));
    } catch (error) {
      return { written, failure: { error } };
    }
  }
  return { written };
}

/** Commits one synced page and the cursor after it (commitSyncedPages with one page). */
export function commitSyncedPage<T extends CrmObjectType>(db: CacheDatabase, source: string, type: T, page: SyncedPage<T>, watch: readonly string[] = []): WrittenPage {
  return commitSyncedPages(db, source, type, [page], watch)[0] as WrittenPage;
}
