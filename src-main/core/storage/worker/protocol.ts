import type { CrmObjectType } from '../../crm/records';
import type { SyncedPage, WrittenPage } from '../sync-pages';

/** What the page writer's thread is sent: pages committed together. `watch`: the conversations whose new messages are sent back. */
export type ToWriterThread = { kind: 'write'; id: number; source: string; type: CrmObjectType; pages: SyncedPage[]; watch: string[] } | { kind: 'close' };

/**
 * What it answers: the pages committed, and when one failed (those after it are not written), why.
 * `unreadable`: the CRM's page could not be decoded (rather than the cache refusing it).
 */
export type FromWriterThread =
  | { kind: 'ready' }
  | { kind: 'written'; id: number; written: WrittenPage[]; failure?: { message: string; unreadable: boolean } }
  | { kind: 'closed' };

/** What the thread is started with. */
export interface WriterThreadData {
  file: string;
}
