/**
 * The case the copilot is following across turns: the request being handled, who the customer is and how
 * sure we are of it, the slots the retailer's flow needs, and the flow's steps. One node (`updateCase`,
 * after `understand`) writes it; every node after it reads it. The drafts, the proposals, the case card
 * and the summary are all built from this, never from the last line alone.
 *
 * Fields may be added; none may be renamed or removed without updating every reader
 * (copilot nodes, drafting, replay/eval, the renderer's case card).
 */

/** What one customer line does to the case. Only `request`, `complaint` and `human_request` open a case. */
export type LineAct = 'request' | 'information' | 'acknowledgement' | 'small_talk' | 'closing' | 'complaint' | 'human_request';

/**
 * unknown: nothing to go on. claimed: an identifier that matches no contact, or conflicts with the thread's
 * contact. identified: one identifier matches a contact, or the thread is linked to one. verified: the
 * subflow's verification step (kb.json) is done against the same account.
 */
export type IdentityStatus = 'unknown' | 'claimed' | 'identified' | 'verified';

export type IdentifierKind = 'name' | 'username' | 'email' | 'order_id' | 'phone' | 'account_id';

export interface CaseIdentity {
  status: IdentityStatus;
  customerId: string | null;
  customerName: string | null;
  /** Identifiers the customer gave that matched `customerId`'s record. */
  matched: IdentifierKind[];
  /** Identifiers the customer gave that matched nobody, or somebody else (never acted on). */
  claimed: { kind: IdentifierKind; value: string }[];
  /** Plain-words warning for the agent when the text claims an identity other than the thread's contact. */
  conflict: string | null;
  /** Who established the identity: the thread's CRM link, what the customer said, or the agent's correction. */
  source: 'none' | 'thread' | 'customer' | 'agent';
  /**
   * A full name the customer gave that several contacts share, with no other identifier to tell them apart:
   * the copilot acts for nobody, and the reply should ask for a second identifier (email, username, order id).
   */
  ambiguousName?: { value: string; contacts: number } | null;
  /**
   * Why this contact, when a name several contacts share was told apart by what the customer said (the zip
   * code, their product, an amount, the purchase date): shown to the agent beside the identity.
   */
  basis?: string | null;
  /** Every identifier the customer has given so far, in order (the case recomputes identity from these). */
  given?: { kind: IdentifierKind | 'zip'; value: string }[];
}

/** Slot names the retailer's flows use (guidelines.json); values are kept as normalised strings. */
export type CaseSlotName =
  | 'orderId'
  | 'membership'
  | 'purchaseDate'
  | 'reason'
  | 'amountCents'
  | 'refundMethod'
  | 'address'
  | 'phone'
  | 'email'
  | 'username'
  | 'fullName'
  | 'accountId'
  | 'product'
  | 'shippingOption'
  | 'details'
  /** 'yes' / 'no': the customer has the receipt (guidelines: a return with a receipt is allowed). */
  | 'receipt'
  /** 'yes' / 'no': the item is still in its original packaging. */
  | 'packaging'
  | 'zip'
  /** The name the account should carry (a name change); the ticket waits for one other than the record's. */
  | 'newName'
  /** The delivery day or time the customer asks for, in their words ("in the evening", "le 3 mars"). */
  | 'deliveryTime'
  /** The payment method the customer wants to use now ("PayPal", "gift card"). */
  | 'paymentMethod';

export type CaseSlots = Partial<Record<CaseSlotName, string>>;

export type CaseStepStatus = 'done' | 'next' | 'todo' | 'skipped';

export interface CaseStep {
  /** The kb.json action, e.g. `pull-up-account`, `verify-identity`, `validate-purchase`, `offer-refund`. */
  action: string;
  /** A short label for the agent, e.g. "Verify identity". */
  label: string;
  status: CaseStepStatus;
}

export interface CaseRequest {
  /** guidelines.json flow in ontology names, e.g. `product_defect`; null for a general (Bitext) intent only. */
  flow: string | null;
  /** e.g. `return_size`, `refund_status`; null when only the general intent is known. */
  subflow: string | null;
  /** The general intent the request came from (one of the 27), or null. */
  intent: string | null;
  /** Human label, e.g. "Return (wrong size)". */
  label: string;
  /** 0..1, builds up over the turns that agree with it. */
  confidence: number;
  /** The customer-line index (0-based) that opened the case. */
  openedAtLine: number;
}

/** A correction made by the agent; it wins over anything the copilot infers, and it is kept. */
export interface CaseCorrection {
  field: 'request' | 'identity' | `slot:${CaseSlotName}` | 'resolved' | `step:${string}`;
  value: string;
  at: string;
}

export interface CaseState {
  request: CaseRequest | null;
  identity: CaseIdentity;
  slots: CaseSlots;
  steps: CaseStep[];
  resolved: boolean;
  /** What the latest customer line did. */
  lastAct: LineAct;
  /** Acts of every customer line so far, in order (index = customer-line index). */
  acts: LineAct[];
  /** The conversation's language (ISO 639-1), kept across turns so that a short line does not flip it. */
  language: string;
  corrections: CaseCorrection[];
  /** The customer asked for a manager or a person in this case (guidelines: notify-team "manager"). */
  humanRequested?: boolean;
  /**
   * The customer asked, in the middle of another request, to stop promotional e-mails ("and no more
   * newsletters please"): a preference change beside the case, which neither replaces nor closes it.
   */
  optOut?: boolean;
  /** Complaint lines in this case so far. */
  complaints?: number;
  /**
   * The customer turned down the offer or dropped the request ("never mind", "no, I'll keep it"), on this
   * customer line: pending side effects of the case are withdrawn, and none is planned until a new request.
   */
  declined?: { line: number; text: string } | null;
  /** A key that changes whenever a new case is opened: proposals belong to one case. */
  caseKey?: string;
}

export function emptyCaseState(): CaseState {
  return {
    request: null,
    identity: { status: 'unknown', customerId: null, customerName: null, matched: [], claimed: [], conflict: null, source: 'none' },
    slots: {},
    steps: [],
    resolved: false,
    lastAct: 'small_talk',
    acts: [],
    language: 'en',
    corrections: [],
  };
}
