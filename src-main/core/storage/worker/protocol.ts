import type { CrmObjectType } from '../../crm/records';
import type { SyncedPage, WrittenPage } from '../sync-pages';

/** What the page writer's thread is sent. `watch`: the conversations whose new messages are sent back. */
export type ToWriterThread = { kind: 'write'; id: number; source: string; type: CrmObjectType; page: SyncedPage; watch: string[] } | { kind: 'close' };

/** What it answers. `unreadable`: the CRM's page could not be decoded (rather than the cache refusing it). */
export type FromWriterThread =
  | { kind: 'ready' }
  | { kind: 'written'; id: number; written: WrittenPage }
  | { kind: 'failed'; id: number; message: string; unreadable: boolean }
  | { kind: 'closed' };

/** What the thread is started with. */
export interface WriterThreadData {
  file: string;
}
