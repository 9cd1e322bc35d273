import { CoreError } from '../contract/errors';
import type { Handlers } from '../contract/index';
import type { LinkSuggestionView, VisitorView } from '../contract/workspace';
import type { CrmContact } from '../crm/records';
import { enqueueAction, type CacheDatabase } from '../storage/index';
import type { CrmService } from './crm-service';

type VisitorLinkHandlers = Pick<Handlers, 'conversation.linkContact'>;

const emailPattern = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}/g;
const orderPattern = /\b\d{6,20}\b/g;
const maxSuggestions = 3;

const nameOf = (contact: CrmContact): string => [contact.firstName, contact.lastName].filter(Boolean).join(' ') || (contact.email ?? contact.id);

/**
 * Contacts a visitor's thread may belong to, from what the visitor themself wrote: an email address, an order of
 * theirs, or the name they gave. Only the customer's own messages count (an agent's reply may name someone else),
 * and nothing is linked here: the agent approves one.
 */
export function linkSuggestions(db: CacheDatabase, conversationId: string): LinkSuggestionView[] {
  const found = new Map<string, { contact: CrmContact; because: string[]; weight: number }>();
  const add = (contact: CrmContact | undefined, because: string, weight: number): void => {
    if (!contact) return;
    const entry = found.get(contact.id) ?? { contact, because: [], weight: 0 };
    if (!entry.because.includes(because)) {
      entry.because.push(because);
      entry.weight += weight;
    }
    found.set(contact.id, entry);
  };
  const incoming = db.messages.forConversation(conversationId, { limit: 50 }).filter((message) => message.direction === 'incoming');
  for (const message of incoming) {
    for (const email of message.text.match(emailPattern) ?? []) add(db.contacts.findByEmail(email), `wrote ${email}`, 3);
    for (const orderId of message.text.match(orderPattern) ?? []) add(db.contacts.findByOrderId(orderId), `gave order ${orderId}, theirs`, 2);
  }
  // The name a chat visitor typed is weak alone: it counts only when exactly one contact has it.
  const names = new Set(incoming.map((message) => message.sender?.trim()).filter((name): name is string => Boolean(name && /\s/.test(name))));
  for (const name of names) {
    const matches = db.contacts.findByName(name);
    if (matches.length === 1) add(matches[0], `signed as ${name}`, 1);
  }
  return [...found.values()]
    .sort((a, b) => b.weight - a.weight || a.contact.id.localeCompare(b.contact.id))
    .slice(0, maxSuggestions)
    .map(({ contact, because }) => ({ contactId: contact.id, name: nameOf(contact), email: contact.email, because }));
}

/**
 * The thread's visitor when its customer is not a contact: no contact id, or one neither the cache nor the CRM
 * knows (HubSpot puts a visitor id there until the visitor becomes a contact). Null for a contact's thread.
 */
export async function visitorOf(crm: CrmService, conversationId: string, contactId: string | null): Promise<VisitorView | null> {
  if (contactId !== null) {
    if (crm.db.contacts.get(contactId)) return null;
    // Agent scope caches only some contacts: ask the CRM before calling anyone a visitor; unreachable means unknown.
    const fetched = await crm.fetchCustomer(contactId).then(
      (contact) => contact ?? null,
      () => undefined,
    );
    if (fetched !== null) return null;
  }
  return { visitorId: contactId, suggestions: linkSuggestions(crm.db, conversationId) };
}

/** The comment the team sees on the thread in HubSpot's own inbox. */
export function linkComment(contact: CrmContact): string {
  return `Support Copilot: this visitor is the contact ${nameOf(contact)}${contact.email ? ` (${contact.email})` : ''}, id ${contact.id}, as linked by the agent. HubSpot's thread still names the visitor; associate the contact in HubSpot if the team needs it there.`;
}

export function createVisitorLinkHandlers(getService: () => Promise<CrmService>): VisitorLinkHandlers {
  return {
    'conversation.linkContact': async ({ conversationId, contactId, idempotencyKey }) => {
      const crm = await getService();
      const conversation = crm.db.conversations.get(conversationId);
      if (!conversation) throw new CoreError('NOT_FOUND', 'That conversation is not in the cache.', 'Reopen it from the queue.');
      const contact = crm.db.contacts.get(contactId) ?? (await crm.fetchCustomer(contactId).catch(() => undefined));
      if (!contact) throw new CoreError('NOT_FOUND', 'That contact is not in the CRM.', 'Pick one of the suggested contacts, or wait for the next sync.');
      const key = `link:${conversationId}:${idempotencyKey}`;
      // Repeated with the same key (a lost answer): the same link, and the comment queued once.
      if (conversation.contactId === contactId) return { customerId: contactId, queued: crm.db.outbox.byKey(key) !== undefined };
      if (crm.db.contacts.get(conversation.contactId ?? '')) {
        throw new CoreError('INVALID_INPUT', 'This conversation already belongs to a contact.', 'Only a visitor\'s conversation can be linked; change the contact in HubSpot itself.');
      }
      // The link and its outbox entry commit together: the team is told of every link the cache holds.
      const queued = crm.db.transaction(() => {
        crm.db.conversations.linkContact({ conversationId, visitorId: conversation.contactId, contactId });
        return enqueueAction(crm.db, { customerId: contactId, kind: 'link_contact', payload: { conversationId, contactId, visitorId: conversation.contactId, text: linkComment(contact) }, idempotencyKey: key });
      });
      void crm.outbox.deliverDue();
      return { customerId: contactId, queued };
    },
  };
}
