import { performance } from 'node:perf_hooks';
import type { CrmConnector, PulledPage } from '../crm/connector';
import { UnreadablePageError } from '../crm/encoded-pages';
import { CrmHttpError } from '../crm/http-client';
import { crmObjectTypes, type CrmMessage, type CrmObjectType } from '../crm/records';
import type { EventBus } from '../events/event-bus';
import { silentLogger, type Logger } from '../log/logger';
import type { CacheDatabase } from '../storage/database';
import { createSyncPageWriter, WriterOutOfMemoryError, type SyncPageWriter } from '../storage/worker/page-writer';

export interface SyncReport {
  counts: { contacts: number; orders: number; line_items: number; tickets: number; conversations: number; messages: number };
  pages: number;
  records: number;
  retries: number;
  quarantined: number;
  seconds: number;
}

export interface SyncEngine {
  /** Initial or incremental sync of every object type, resuming from the saved cursors. */
  syncAll(signal?: AbortSignal): Promise<SyncReport>;
  /** Polls one conversation for new messages; returns a function that stops it. */
  watchConversation(conversationId: string, intervalMs?: number): () => void;
  counts(): SyncReport['counts'];
}

export interface SyncEngineOptions {
  db: CacheDatabase;
  connector: CrmConnector;
  events?: EventBus;
  logger?: Logger;
  /** Called after each committed page (tests use it to crash at a chosen point). */
  afterPage?: (type: CrmObjectType, pages: number) => void;
  /** Commits the pages; a writer thread on the cache file by default (the main thread for an in-memory cache). */
  pageWriter?: SyncPageWriter;
}

/** What a user can do about a sync error, in plain words. */
export function describeSyncError(error: unknown): { message: string; hint: string } {
  if (error instanceof CrmHttpError) {
    if (error.status === 401 || error.status === 403) return { message: 'The CRM refused our credentials.', hint: 'Check the CRM token in Settings. Your cached data is still here.' };
    if (error.status === 0) return { message: 'The CRM cannot be reached.', hint: 'You can keep working from the cache; approved actions wait in the outbox and are sent when it is back.' };
    if (error.status === 429 && error.policy === 'DAILY') {
      return {
        message: "Your team's HubSpot account has used up its API requests for today.",
        hint: 'Sync stops until the allowance renews at midnight (the account\'s time zone); your cached data is still here and approved actions wait in the outbox.',
      };
    }
    if (error.status === 429) return { message: 'The CRM is limiting how fast we may sync.', hint: 'Sync resumes by itself; nothing is lost.' };
    return { message: `The CRM answered with an error (${error.status}).`, hint: 'Sync will try again later; your cached data is still here.' };
  }
  if (error instanceof UnreadablePageError) {
    return { message: 'The CRM sent a page we could not read.', hint: 'Nothing of that page was stored; sync tries it again later and your cached data is still here.' };
  }
  return { message: 'Sync stopped on an unexpected problem.', hint: 'It resumes where it stopped on the next sync; the log in the data folder has details.' };
}

/** At most this many pages wait for a busy writer and commit together. */
export const maxBatchPages = 8;
/**
 * A batch stops growing at this many undecoded bytes: what waits in memory stays small, and so does the writer's
 * transaction, which a write on the main connection (an approval, the outbox) would otherwise wait for.
 */
const maxBatchBytes = 1 << 20;

const encodedBytes = (page: PulledPage<CrmObjectType>): number => (page.encoded ?? []).reduce((sum, part) => sum + part.body.byteLength, 0);

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, connector } = options;
  const logger = options.logger ?? silentLogger;
  /** Conversations open in the UI: their new messages are pushed as they are stored, by the poll or by a sync. */
  const watched = new Set<string>();
  const counts = (): SyncReport['counts'] => db.counts();

  async function syncAll(signal?: AbortSignal): Promise<SyncReport> {
    const started = performance.now();
    const retriesBefore = connector.retries;
    let pages = 0;
    let records = 0;
    let quarantined = 0;
    const writer = options.pageWriter ?? createSyncPageWriter(db, { logger });
    // Pages are written (in the writer's thread) while the next ones are fetched here. Pages fetched while the
    // writer is busy wait for it, up to `maxBatchPages`, and are then committed together in one transaction: a
    // fast CRM fills batches, a slow one leaves the writer idle and each page goes alone, at once. A batch is
    // handed over only once the one before it has committed, so a failed page stops the sync before its successors.
    let writing: Promise<void> | undefined;
    let writerBusy = false;
    let failure: { error: unknown } | undefined;
    const settle = async (): Promise<void> => {
      if (writing) await writing;
      writing = undefined;
      if (failure) throw failure.error;
    };
    const handOver = <T extends CrmObjectType>(type: T, batch: PulledPage<T>[], progress: { pages: number; records: number }): void => {
      writerBusy = true;
      // The pages and the cursor after each commit together: a crash resumes at the next page, never skips one.
      writing = writer
        .writeAll(connector.source, type, batch, [...watched])
        .then((outcome) => {
          if (outcome.failure) failure = outcome.failure;
          batch.forEach((page, index) => {
            const stored = outcome.written[index];
            if (!stored) return;
            page.committed?.();
            // The open conversation's poll will not report what this sync stored first: announce it here.
            if (stored.live.length > 0) announceLive(stored.live.filter((message) => watched.has(message.conversationId)));
            pages += 1;
            progress.pages += 1;
            progress.records += stored.records + stored.messages;
            records += stored.records + stored.messages;
            quarantined += stored.rejected;
            if (stored.rejected > 0) logger.warn('records quarantined', { type, count: stored.rejected });
            options.events?.emit('sync.progress', { objectType: type, pages: progress.pages, records: progress.records, phase: page.nextCursor.phase, done: page.done });
            options.afterPage?.(type, pages);
          });
        })
        .catch((error: unknown) => {
          failure = { error };
        })
        .finally(() => {
          writerBusy = false;
        });
    };
    const pullType = async <T extends CrmObjectType>(type: T, progress: { pages: number; records: number }): Promise<void> => {
      let batch: PulledPage<T>[] = [];
      let batchBytes = 0;
      const from = db.syncState.cursor(connector.source, type);
      // Pages may come undecoded: the writer parses them in its thread, and says what they held.
      for await (const page of connector.pullChanged(type, from, signal, { encoded: true })) {
        batch.push(page);
        batchBytes += encodedBytes(page);
        if (writerBusy && !failure && batch.length < maxBatchPages && batchBytes < maxBatchBytes) continue;
        await settle();
        handOver(type, batch, progress);
        batch = [];
        batchBytes = 0;
      }
      await settle();
      if (batch.length > 0) {
        handOver(type, batch, progress);
        await settle();
      }
    };
    try {
      for (const type of crmObjectTypes) {
        const progress = { pages: 0, records: 0 };
        // A writer that ran out of memory lost the pages it held, uncommitted: they are read again from the
        // committed cursor (once; the writer then writes on the main thread), never skipped.
        for (let again = false; ; again = true) {
          try {
            await pullType(type, progress);
            break;
          } catch (error) {
            if (again || !(error instanceof WriterOutOfMemoryError)) throw error;
            logger.warn('sync pages lost with the writer thread are read again', { type });
            failure = undefined;
            writing = undefined;
          }
        }
      }
    } catch (error) {
      const described = describeSyncError(error);
      logger.error('sync failed', { error: error instanceof Error ? error.message : String(error) });
      options.events?.emit('sync.error', described);
      throw error;
    } finally {
      // A write still running when the sync stopped (an abort, an error) ends before the thread does.
      await writing;
      if (!options.pageWriter) await writer.release();
    }
    return { counts: counts(), pages, records, retries: connector.retries - retriesBefore, quarantined, seconds: Number(((performance.now() - started) / 1000).toFixed(3)) };
  }

  function announceLive(messages: CrmMessage[]): void {
    for (const message of messages) {
      options.events?.emit('conversation.message', {
        conversationId: message.conversationId,
        message: { id: message.id, direction: message.direction, sender: message.sender, text: message.text, createdAt: message.createdAt, delivery: 'delivered' },
      });
    }
  }

  function watchConversation(conversationId: string, intervalMs = 3000): () => void {
    let stopped = false;
    let first = true;
    watched.add(conversationId);
    let running = false;
    const tick = async (): Promise<void> => {
      if (running || stopped) return;
      running = true;
      try {
        const recent = db.conversations.messages(conversationId, { limit: 50 });
        // A minute of overlap: messages stamped at the same instant as the newest one we hold are not missed.
        const newest = recent.filter((message) => !message.id.startsWith('local-')).at(-1)?.createdAt;
        const since = newest ? new Date(Date.parse(newest) - 60_000).toISOString() : undefined;
        const { messages } = await connector.fetchConversation(conversationId, since);
        if (stopped) return;
        const stored = new Set(db.refetchableTransaction(() => db.records.upsertMessages(messages)));
        // The UI drew the thread from a snapshot taken just before this watch began, and a sync may have stored a
        // message in between: the first tick repeats the customer's latest messages too (the UI replaces by id).
        announceLive(messages.filter((message) => stored.has(message) || (first && message.direction === 'incoming')));
        first = false;
      } catch (error) {
        logger.warn('conversation poll failed', { error: error instanceof Error ? error.message : String(error) });
      } finally {
        running = false;
      }
    };
    const timer = setInterval(() => void tick(), intervalMs);
    timer.unref?.();
    void tick();
    return () => {
      stopped = true;
      watched.delete(conversationId);
      clearInterval(timer);
    };
  }

  return { syncAll, watchConversation, counts };
}
