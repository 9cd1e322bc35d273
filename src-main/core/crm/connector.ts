import type { CrmMessage, CrmObjectType, CrmRecordOf } from './records';

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
}

export interface OutboxAction {
  kind: 'send_reply' | 'request_refund' | 'create_ticket' | 'update_ticket' | 'escalate' | 'update_preferences' | 'handoff_note';
  customerId: string;
  payload: Record<string, unknown>;
}

/**
 * What the sync engine needs from a CRM. HubSpot is one file implementing it; Zendesk or
 * Salesforce would be another, with no change to the engine.
 */
export interface CrmConnector {
  readonly source: string;
  /** Pages of records changed since `cursor` (everything when undefined), streamed one page at a time. */
  pullChanged<T extends CrmObjectType>(type: T, cursor: SyncCursor | undefined, signal?: AbortSignal): AsyncIterable<PulledPage<T>>;
  /** The messages of one conversation, oldest first; only those created after `since` (ISO) when given. */
  fetchConversation(threadId: string, since?: string, signal?: AbortSignal): Promise<{ messages: CrmMessage[]; rejected: RejectedRecord[] }>;
  pushAction(action: OutboxAction, idempotencyKey: string, signal?: AbortSignal): Promise<unknown>;
  /** Retries spent so far by this connector's HTTP client. */
  readonly retries: number;
}
