import { Worker } from 'node:worker_threads';
import { transferablesOf, UnreadablePageError } from '../../crm/encoded-pages';
import type { CrmObjectType } from '../../crm/records';
import { silentLogger, type Logger } from '../../log/logger';
import type { CacheDatabase } from '../database';
import { commitSyncedBatch, type BatchOutcome, type SyncedPage, type WrittenPage } from '../sync-pages';
import type { FromWriterThread, ToWriterThread, WriterThreadData } from './protocol';
import { pageWriterThreadEntry, type ThreadEntry } from './thread-entry';

/** Commits synced pages, each with its cursor, in the order they are given. */
export interface SyncPageWriter {
  /**
   * Resolves once the page and its cursor are committed, with what it stored: the messages new to the cache
   * (those of the `watch` conversations in full). An encoded page's bytes are handed over, not copied: the
   * caller must not read them afterwards.
   */
  write<T extends CrmObjectType>(source: string, type: T, page: SyncedPage<T>, watch?: readonly string[]): Promise<WrittenPage>;
  /**
   * Pages committed together in one transaction, each with its cursor, in order. When one fails, those before it
   * are still committed and it and those after it are not: the outcome says which, and why.
   */
  writeAll<T extends CrmObjectType>(source: string, type: T, pages: readonly SyncedPage<T>[], watch?: readonly string[]): Promise<BatchOutcome>;
  /** Where the last page was written. */
  where(): 'thread' | 'main';
  /** Ends the writer's thread once its writes are done; the next write starts a fresh one. */
  release(): Promise<void>;
}

/** The page's data only: a connector's page may carry functions, which cannot cross to a thread. */
function cloneable<T extends CrmObjectType>(page: SyncedPage<T>): SyncedPage<T> {
  return {
    records: page.records,
    messages: page.messages,
    rejected: page.rejected,
    nextCursor: page.nextCursor,
    ...(page.deleted ? { deleted: page.deleted } : {}),
    ...(page.merges ? { merges: page.merges } : {}),
    ...(page.related ? { related: page.related } : {}),
    ...(page.encoded ? { encoded: page.encoded } : {}),
  };
}

/** One page's outcome as `write` gives it: what it stored, or its failure as a rejection. */
function onlyPage(outcome: BatchOutcome): WrittenPage {
  if (outcome.failure) throw outcome.failure.error instanceof Error ? outcome.failure.error : new Error(String(outcome.failure.error));
  return outcome.written[0] as WrittenPage;
}

/** Writes on the calling thread: for an in-memory cache, which no second connection can open. */
export function createMainThreadPageWriter(db: CacheDatabase): SyncPageWriter {
  const writeAll: SyncPageWriter['writeAll'] = (source, type, pages, watch) => Promise.resolve(commitSyncedBatch(db, source, type, pages, watch));
  return {
    writeAll,
    write: (source, type, page, watch) => writeAll(source, type, [page], watch).then(onlyPage),
    where: () => 'main',
    release: () => Promise.resolve(),
  };
}

/**
 * The writer thread's heap. Decoding a page makes short-lived garbage only (the page's text, its parsed JSON, its
 * rows), which V8 otherwise lets grow to its default young generation (48 MB on 64-bit) and old generation
 * (far more) before it collects: resident memory for nothing, the whole sync. A smaller heap is collected more
 * often, each time cheaply (little of it survives). A page too big for it runs the thread out of memory: that
 * batch is lost with the thread, its cursor is not committed, and the writer goes on in the main thread
 * (`WriterOutOfMemoryError`), so the sync reads those pages again from the committed cursor.
 */
export const writerHeapLimits = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 96 } as const;

/** The writer's thread ran out of memory: the pages sent to it were not committed and must be read again. */
export class WriterOutOfMemoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriterOutOfMemoryError';
  }
}

export interface SyncPageWriterOptions {
  logger?: Logger;
  /** Where the thread's code is; found next to this module by default. */
  entry?: ThreadEntry;
  /** The thread's heap; `writerHeapLimits` by default. */
  heapLimits?: { maxYoungGenerationSizeMb?: number; maxOldGenerationSizeMb?: number };
}

/**
 * Writes synced pages in a worker thread with its own connection to the cache file, so that a sync's
 * transactions, WAL writes and checkpoint fsyncs never hold up the main event loop (in Electron, every IPC
 * call of the window waits on it). Writes keep their order: the thread commits them one after another.
 * Where no thread can start (an in-memory cache, a build without the thread's bundle), pages are written on
 * the main thread as before.
 */
export function createSyncPageWriter(db: CacheDatabase, options: SyncPageWriterOptions = {}): SyncPageWriter {
  const inMain = createMainThreadPageWriter(db);
  if (db.file === ':memory:' || db.file === '') return inMain;
  const logger = options.logger ?? silentLogger;
  const heapLimits = options.heapLimits ?? writerHeapLimits;
  /** Set once a thread ran out of memory: the next pages could too, so they are written here instead. */
  let outOfMemory = false;
  let thread: Promise<Worker | undefined> | undefined;
  /** Threads that failed or ended: a message posted to one would never be answered. */
  const gone = new WeakSet<Worker>();
  let last: 'thread' | 'main' = 'thread';
  let nextId = 0;
  const pending = new Map<number, { resolve: (outcome: BatchOutcome) => void; reject: (error: Error) => void }>();

  function failAll(error: Error): void {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  function start(): Promise<Worker | undefined> {
    const entry = options.entry ?? pageWriterThreadEntry();
    if (!entry) {
      logger.warn('sync writer thread not found; pages are written on the main thread');
      return Promise.resolve(undefined);
    }
    const started = new Promise<Worker | undefined>((resolve) => {
      let ready = false;
      const worker = new Worker(entry.url, {
        workerData: { file: db.file } satisfies WriterThreadData,
        execArgv: entry.execArgv,
        resourceLimits: heapLimits,
      });
      worker.on('message', (message: FromWriterThread) => {
        if (message.kind === 'ready') {
          ready = true;
          resolve(worker);
          return;
        }
        if (message.kind === 'closed') return;
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        // Idle, the thread must not keep the app's process alive.
        if (pending.size === 0) worker.unref();
        const { failure } = message;
        if (!failure) waiting?.resolve({ written: message.written });
        else {
          const error = failure.unreadable ? new UnreadablePageError(failure.message) : new Error(`The cache could not store a synced page: ${failure.message}`);
          waiting?.resolve({ written: message.written, failure: { error } });
        }
      });
      worker.on('error', (error) => {
        gone.add(worker);
        if ((error as Error & { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
          outOfMemory = true;
          logger.warn('sync writer thread ran out of memory; the pages it held are read again and written on the main thread', { error: error.message });
          failAll(new WriterOutOfMemoryError(`The sync's writer thread ran out of memory: ${error.message}`));
          if (!ready) resolve(undefined);
          return;
        }
        if (!ready) logger.warn('sync writer thread did not start; pages are written on the main thread', { error: error.message });
        failAll(error);
      });
      worker.on('exit', (code) => {
        gone.add(worker);
        if (thread === started) thread = undefined;
        failAll(new Error(`The sync's writer thread stopped (exit ${code}).`));
        if (!ready) resolve(undefined);
      });
    });
    return started;
  }

  const writeAll: SyncPageWriter['writeAll'] = async (source, type, pages, watch = []) => {
      if (outOfMemory) {
        last = 'main';
        return inMain.writeAll(source, type, pages, watch);
      }
      thread ??= start();
      let worker = await thread;
      if (worker && gone.has(worker)) {
        thread = start();
        worker = await thread;
      }
      if (!worker) {
        last = 'main';
        return inMain.writeAll(source, type, pages, watch);
      }
      last = 'thread';
      const id = (nextId += 1);
      return new Promise<BatchOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        const message: ToWriterThread = { kind: 'write', id, source, type, pages: pages.map((page) => cloneable(page)), watch: [...watch] };
        worker.postMessage(message, pages.flatMap((page) => (page.encoded ? transferablesOf(page.encoded) : [])));
      });
  };

  return {
    writeAll,
    write: (source, type, page, watch) => writeAll(source, type, [page], watch).then(onlyPage),
    where: () => last,
    async release() {
      const current = thread;
      thread = undefined;
      const worker = await current;
      if (!worker) return;
      await new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.ref();
        worker.postMessage({ kind: 'close' } satisfies ToWriterThread);
      });
    },
  };
}
