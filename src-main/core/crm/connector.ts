import type { CrmAction } from '../outbox/model';
import type { EncodedPart } from './encoded-pages';
import type { CrmContact, CrmLineItem, CrmMessage, CrmObjectType, CrmOrder, CrmRecordOf, CrmTicket } from './records';

/** Where a sync stands for one object type; opaque to the engine, meaningful to the connector. */
export interface SyncCursor {
  cursor: string;
  phase: 'initial' | 'incremental';
}

export interface RejectedRecord {
  recordId: string | null;
  reason: string;
  raw: unknown;
}

export interface PulledPage<T extends CrmObjectType> {
  records: CrmRecordOf[T][];
  /** Messages of the conversations on this page (conversations only). */
  messages: CrmMessage[];
  rejected: RejectedRecord[];
  /** Where to resume after this page; saved in the same transaction as the page. */
  nextCursor: SyncCursor;
  /** True on the last page of this pull. */
  done: boolean;
  /** Records the CRM archived (deleted): removed from the cache. */
  deleted?: string[];
  /** Contacts merged into another: the survivor takes over the threads and records of the merged one. */
  merges?: { from: string; to: string }[];
  /** Agent scope: the records the page's threads reference, fetched with them. */
  related?: RelatedRecords;
  /**
   * Records and messages left in the CRM's wire format when the pull was asked for `encoded` pages: the
   * writer decodes them (decodeParts) as it writes the page, and they add to `records`, `messages` and `rejected`.
   */
  encoded?: EncodedPart[];
  /**
   * Called by the engine once this page and its cursor are committed. The engine may already be pulling
   * the next page while this one is written, so what a connector remembers across runs waits for this.
   */
  committed?: () => void;
}

export interface RelatedRecords {
  contacts: CrmContact[];
  orders: CrmOrder[];
  line_items: CrmLineItem[];
  tickets: CrmTicket[];
}

export interface PullOptions {
  /** Pages may carry their records undecoded (`PulledPage.encoded`): the engine's writer decodes them off the main loop. */
  encoded?: boolean;
}

/** What the outbox knows about earlier tries of an action: a write that may have landed is looked up before it is sent again. */
export interface DeliveryContext {
  /** True when an earlier attempt may have reached the CRM (a crash while delivering, a timeout, a 5xx). */
  previouslyAttempted: boolean;
  /** When the action was approved (ISO): the window in which our own copy of it is looked for. */
  approvedAt: string;
}

/** An approved CRM action: the one outbox's `CrmAction`, under the name the connector has always used. */
export type OutboxAction = CrmAction;

/**
 * What the sync engine needs from a CRM. HubSpot is one file implementing it; Zendesk or
 * Salesforce would be another, with no change to the engine.
 */
export interface CrmConnector {
  readonly source: string;
  /** Pages of records changed since `cursor` (everything when undefined), streamed one page at a time. */
  pullChanged<T extends CrmObjectType>(type: T, cursor: SyncCursor | undefined, signal?: AbortSignal, options?: PullOptions): AsyncIterable<PulledPage<T>>;
  /** The messages of one conversation, oldest first; only those created after `since` (ISO) when given. */
  fetchConversation(threadId: string, since?: string, signal?: AbortSignal): Promise<{ messages: CrmMessage[]; rejected: RejectedRecord[] }>;
  /** Delivers one approved action so that it lands once, even when sent again after a crash or a timeout. */
  pushAction(action: OutboxAction, idempotencyKey: string, signal?: AbortSignal, context?: DeliveryContext): Promise<unknown>;
  /** Retries spent so far by this connector's HTTP client. */
  readonly retries: number;
}
