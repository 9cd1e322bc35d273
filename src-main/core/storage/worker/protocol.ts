import type { CrmObjectType } from '../../crm/records';
import type { SyncedPage } from '../sync-pages';

/** What the page writer's thread is sent. */
export type ToWriterThread = { kind: 'write'; id: number; source: string; type: CrmObjectType; page: SyncedPage } | { kind: 'close' };

/** What it answers. */
export type FromWriterThread =
  | { kind: 'ready' }
  | { kind: 'written'; id: number; fresh: string[] }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'closed' };

/** What the thread is started with. */
export interface WriterThreadData {
  file: string;
}
