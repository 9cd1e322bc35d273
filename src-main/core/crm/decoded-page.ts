import type { RejectedRecord } from './connector';
import type { CrmMessage, CrmRecordOf } from './records';

/** What a page's encoded parts hold once decoded. */
export interface DecodedPart {
  records: CrmRecordOf[keyof CrmRecordOf][];
  messages: CrmMessage[];
  rejected: RejectedRecord[];
  deleted: string[];
  merges: { from: string; to: string }[];
}

/** A page the CRM sent that cannot be read (not JSON, not a page): nothing of it is stored, and the sync stops there. */
export class UnreadablePageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadablePageError';
  }
}
