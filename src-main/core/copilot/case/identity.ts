import type { CaseIdentity, CaseSlots, IdentifierKind } from './case-types';
import { foldText } from './fold-text';
import type { SaidIdentifier } from './identifiers';
import { pickByEvidence, type ContactEvidence } from './name-evidence';

/** What the identity check needs from the CRM cache (bound to the customer repository in adapters.ts). */
export interface IdentityLookup {
  /** The contact the conversation is linked to in the CRM, if any. */
  threadContactId(conversationId: string): string | null;
  /** Contacts with this identifier (a full name may match several). */
  findContacts(kind: IdentifierKind, value: string): { id: string; name: string }[];
  contactIdentifiers(id: string): ContactIdentifiers | undefined;
}

export interface ContactIdentifiers {
  id: string;
  name: string;
  email: string | null;
  username: string | null;
  phone: string | null;
  accountId: string | null;
  zip: string | null;
  orderIds: string[];
  /** The record's city, membership and orders, to tell apart contacts who share a name. */
  evidence?: ContactEvidence;
}

const digits = (value: string | null | undefined): string => (value ?? '').replace(/\D/g, '');

/** The same phone number, on its last 10 digits ("+1 (617) 555-0199" is "617-555-0199"); a record too short to be one matches nothing. */
export function samePhone(record: string | null | undefined, said: string): boolean {
  return digits(record).length >= 7 && digits(record).slice(-10) === digits(said).slice(-10);
}

/** Does this identifier belong to this contact's record? */
export function belongsTo(identifier: SaidIdentifier, contact: ContactIdentifiers): boolean {
  const value = identifier.value.trim();
  switch (identifier.kind) {
    case 'email':
      return Boolean(contact.email) && contact.email?.toLowerCase() === value.toLowerCase();
    case 'username':
      return Boolean(contact.username) && contact.username?.toLowerCase() === value.toLowerCase();
    case 'account_id':
      return Boolean(contact.accountId) && contact.accountId?.toLowerCase() === value.toLowerCase();
    case 'order_id':
      return contact.orderIds.includes(value);
    case 'phone':
      return samePhone(contact.phone, value);
    case 'zip':
      return Boolean(contact.zip) && digits(contact.zip) === digits(value);
    case 'name':
      return foldText(contact.name) === foldText(value);
    default:
      return false;
  }
}

/**
 * Contacts with this identifier. A name is also looked up without its accents: customers write "Krüger" or
 * "Benítez" where the CRM may hold "Kruger", "Benitez" (the cache compares names as stored, case aside).
 */
function contactsWith(lookup: IdentityLookup, kind: IdentifierKind, value: string): { id: string; name: string }[] {
  const found = lookup.findContacts(kind, value);
  if (kind !== 'name') return found;
  const plain = foldText(value);
  if (plain === value.toLowerCase()) return found;
  return [...found, ...lookup.findContacts(kind, plain).filter((other) => !found.some((item) => item.id === other.id))];
}

const strongKinds: IdentifierKind[] = ['email', 'username', 'order_id', 'account_id', 'phone'];

function describe(identifier: SaidIdentifier): string {
  return identifier.kind === 'order_id' ? `order ${identifier.value}` : `${identifier.kind.replace('_', ' ')} ${identifier.value}`;
}

/**
 * Who the customer is, from the thread's CRM link and every identifier they gave. A linked thread belongs to
 * its contact: another contact's identifier only raises a warning. An unlinked thread is identified by a
 * strong identifier (email, username, order id, account id, phone), or by a full name that only one contact has.
 * `verificationKinds` are the identifiers the open subflow's verification step checks (empty: none needed).
 */
export function resolveIdentity(options: {
  conversationId: string;
  given: SaidIdentifier[];
  lookup: IdentityLookup;
  verificationKinds: (IdentifierKind | 'zip')[] | null;
  previous: CaseIdentity;
  /** What the case knows from the customer's words (product, amount, purchase date, address, membership). */
  slots?: CaseSlots;
}): CaseIdentity {
  const { lookup, given } = options;
  const threadId = lookup.threadContactId(options.conversationId);
  const cache = new Map<string, ContactIdentifiers | undefined>();
  const record = (id: string): ContactIdentifiers | undefined => {
    if (!cache.has(id)) cache.set(id, lookup.contactIdentifiers(id));
    return cache.get(id);
  };
  let customerId: string | null = threadId;
  let source: CaseIdentity['source'] = threadId ? 'thread' : 'none';
  // Why a shared name was taken for one contact: kept only if that contact is the one found.
  let basis: { id: string; text: string } | null = null;
  if (!customerId && options.previous.source === 'customer' && options.previous.customerId) {
    // Once found from what they said, the customer stays found; a later identifier cannot switch them.
    customerId = options.previous.customerId;
    source = 'customer';
    basis = options.previous.basis ? { id: options.previous.customerId, text: options.previous.basis } : null;
  }
  if (!customerId) {
    const votes = new Map<string, number>();
    for (const identifier of given) {
      if (identifier.kind === 'zip') continue;
      const found = contactsWith(lookup, identifier.kind, identifier.value);
      if (identifier.kind === 'name' && found.length > 1) {
        // A name several contacts share says who only with a second fact of theirs (the guidelines' zip code).
        const zips = given.filter((other) => other.kind === 'zip');
        const narrowed = found.filter((candidate) => {
          const known = record(candidate.id);
          return known !== undefined && zips.some((zip) => belongsTo(zip, known));
        });
        if (narrowed.length === 1 && narrowed[0]) {
          votes.set(narrowed[0].id, (votes.get(narrowed[0].id) ?? 0) + 2);
          basis = { id: narrowed[0].id, text: `${found.length} contacts are named ${identifier.value}; the zip code the customer gave is this one's.` };
          continue;
        }
        // Or by what the customer said about their purchase or account, when it bears out one record only.
        const records = found.map((candidate) => record(candidate.id)).filter((known): known is ContactIdentifiers => known !== undefined);
        const picked = options.slots ? pickByEvidence(records, options.slots) : undefined;
        if (picked) {
          votes.set(picked.contact.id, (votes.get(picked.contact.id) ?? 0) + 2);
          basis = { id: picked.contact.id, text: `${found.length} contacts are named ${identifier.value}; only this one's record bears out what the customer said: ${picked.facts.join('; ')}.` };
        }
        continue;
      }
      if (found.length === 0) continue;
      for (const contact of found.slice(0, 1)) votes.set(contact.id, (votes.get(contact.id) ?? 0) + (strongKinds.includes(identifier.kind) ? 2 : 1));
    }
    const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked[0]) {
      customerId = ranked[0][0];
      source = 'customer';
    }
  }
  const contact = customerId ? record(customerId) : undefined;
  const matched: IdentifierKind[] = [];
  const matchedZip: boolean[] = [];
  const claimed: { kind: IdentifierKind; value: string }[] = [];
  const conflicts: string[] = [];
  for (const identifier of given) {
    if (contact && belongsTo(identifier, contact)) {
      if (identifier.kind === 'zip') matchedZip.push(true);
      else if (!matched.includes(identifier.kind)) matched.push(identifier.kind);
      continue;
    }
    if (identifier.kind === 'zip') continue;
    const others = contactsWith(lookup, identifier.kind, identifier.value).filter((other) => other.id !== customerId);
    // A bare name that is not the contact's is usually not a name at all ("guess boots"); only strong ones count.
    if (identifier.kind === 'name' && others.length === 0) continue;
    claimed.push({ kind: identifier.kind, value: identifier.value });
    if (contact && others.length > 0 && identifier.kind !== 'name') {
      conflicts.push(`The customer gave ${describe(identifier)}, which belongs to another contact (${others[0]?.name ?? 'unknown'}). The copilot keeps acting for ${contact.name}; check before changing anything.`);
    }
  }
  const kinds = new Set<string>([...matched, ...(matchedZip.length ? ['zip'] : [])]);
  const checked = options.verificationKinds ?? [];
  const verified =
    contact !== undefined &&
    kinds.size >= 2 &&
    [...kinds].some((kind) => kind !== 'name' && (checked.length === 0 || checked.includes(kind as IdentifierKind)));
  let ambiguousName: CaseIdentity['ambiguousName'] = null;
  if (!contact) {
    for (const identifier of given) {
      if (identifier.kind !== 'name') continue;
      const named = contactsWith(lookup, 'name', identifier.value);
      if (named.length > 1) ambiguousName = { value: identifier.value, contacts: named.length };
    }
  }
  let status: CaseIdentity['status'] = 'unknown';
  if (contact) status = verified ? 'verified' : 'identified';
  else if (given.length > 0 && claimed.length > 0) status = 'claimed';
  return {
    status,
    customerId: contact?.id ?? null,
    customerName: contact?.name ?? null,
    matched,
    claimed,
    conflict: conflicts[0] ?? null,
    source: contact ? source : 'none',
    ambiguousName,
    given,
    ...(contact && source === 'customer' && basis?.id === contact.id ? { basis: basis.text } : {}),
  };
}
