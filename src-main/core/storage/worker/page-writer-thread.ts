import { parentPort, workerData } from 'node:worker_threads';
import { UnreadablePageError } from '../../crm/encoded-pages';
import { openCacheDatabase } from '../database';
import { commitSyncedBatch } from '../sync-pages';
import type { FromWriterThread, ToWriterThread, WriterThreadData } from './protocol';

/**
 * The sync's page writer, in its own thread: the transactions, their WAL writes and the checkpoints' fsyncs
 * happen here, never on the main event loop. Its connection is opened through storage like any other.
 */
const port = parentPort;
if (!port) throw new Error('page-writer-thread runs as a worker thread');
const { file } = workerData as WriterThreadData;
const db = openCacheDatabase(file);
const answer = (message: FromWriterThread): void => port.postMessage(message);

port.on('message', (message: ToWriterThread) => {
  if (message.kind === 'close') {
    db.close();
    answer({ kind: 'closed' });
    port.close();
    return;
  }
  const { written, failure } = commitSyncedBatch(db, message.source, message.type, message.pages, message.watch);
  if (!failure) {
    answer({ kind: 'written', id: message.id, written });
    return;
  }
  const { error } = failure;
  answer({ kind: 'written', id: message.id, written, failure: { message: error instanceof Error ? error.message : String(error), unreadable: error instanceof UnreadablePageError } });
});
answer({ kind: 'ready' });
