import { abcdCustomers, type AbcdCustomer } from './abcd';
import { agents, cities, firstNames, fulfilment, lastNames, lifetimeValueRange, memberships, products, promoCodes, scenarios, streets, type Scenario } from './catalog';
import { channelAccountIds, channelIds, inboxId, supportEmail, type DemoChannel } from './portal';
import { between, pick, streamFor, type Random } from './random';

/**
 * The demo retailer, generated lazily: record i is a pure function of the seed and i, so a
 * million customers cost no memory and every run with the same seed serves the same data.
 *
 * Shape per contact c: orders 2c and 2c+1, line items 4c..4c+3 split between them, thread c,
 * and ticket c/2 for even c. Times are relative to the generator's clock (`now`, injected for
 * reproducible runs): record i of each type was last modified i+1 seconds before it and thread i's
 * last message came 5 minutes + i minutes before it, so the lowest indices are the freshest and
 * "modified since" is computed, not searched for.
 */
export const idBase = {
  // Above 2^53: contact ids only survive as strings.
  contact: 9_007_199_254_740_993n,
  order: 3_200_000_000n,
  lineItem: 5_000_000_000n,
  ticket: 6_100_000_000n,
  thread: 8_000_000_000n,
};
export const ordersPerContact = 2;
export const lineItemsPerContact = 4;
export const messagesPerThread = 6;
/** Generated record i of a type was last modified (i + 1) × recordGapMs before the clock. */
export const recordGapMs = 1000;
/** Thread i's last message came threadOffsetMs + i × threadGapMs before the clock: the lowest threads are the live ones. */
export const threadGapMs = 60_000;
export const threadOffsetMs = 5 * 60_000;
/**
 * ABCD's scenarios date their purchases in late 2019 and talk about them as recent; their
 * conversations are taken to happen on this day, and a customer's ABCD order moves by the same
 * offset as their demo conversation, so "a purchase last month" stays last month.
 */
export const abcdConversationDay = Date.UTC(2020, 0, 1);

/** The clock a demo starts from: now, to the minute (pass `now` for a reproducible demo). */
export const defaultDemoClock = (): number => Math.floor(Date.now() / 60_000) * 60_000;

export interface DemoRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived?: boolean;
  archivedAt?: string;
  associations?: Record<string, { results: { id: string; type: string }[] }>;
}

/** `PublicThread` of the Conversations spec. */
export interface DemoThread {
  id: string;
  createdAt: string;
  status: 'OPEN' | 'CLOSED';
  closedAt?: string;
  /** A contact id, or a visitor id when the visitor is not a contact yet (as HubSpot's spec says). */
  associatedContactId: string;
  latestMessageTimestamp: string;
  latestMessageReceivedTimestamp?: string;
  latestMessageSentTimestamp?: string;
  inboxId: string;
  originalChannelId: string;
  originalChannelAccountId: string;
  assignedTo?: string;
  spam: boolean;
  archived: boolean;
}

export interface DeliveryIdentifier {
  type: 'HS_EMAIL_ADDRESS' | 'HS_PHONE_NUMBER' | 'CHANNEL_SPECIFIC_OPAQUE_ID';
  value: string;
}
export interface DemoSender {
  actorId: string;
  name?: string;
  deliveryIdentifier?: DeliveryIdentifier;
}
export interface DemoRecipient {
  actorId?: string;
  name?: string;
  deliveryIdentifier: DeliveryIdentifier;
  recipientField?: string;
}
export type DemoMessageType = 'MESSAGE' | 'COMMENT' | 'WELCOME_MESSAGE' | 'ASSIGNMENT' | 'THREAD_STATUS_CHANGE';

/** One entry of a thread's messages list (`PublicMessage`: a message, comment, welcome message, assignment or status change). */
export interface DemoMessage {
  id: string;
  type: DemoMessageType;
  conversationsThreadId: string;
  createdAt: string;
  createdBy: string;
  client: { clientType: 'HUBSPOT' | 'INTEGRATION' | 'SYSTEM' | 'UNKNOWN'; integrationAppId?: number };
  senders: DemoSender[];
  recipients: DemoRecipient[];
  archived: boolean;
  text?: string;
  richText?: string;
  attachments?: unknown[];
  subject?: string;
  truncationStatus?: 'NOT_TRUNCATED';
  status?: { statusType: 'SENT' | 'RECEIVED' | 'READ' | 'FAILED' };
  direction?: 'INCOMING' | 'OUTGOING';
  channelId?: string;
  channelAccountId?: string;
  assignedTo?: string;
  newStatus?: 'OPEN' | 'CLOSED';
}

export type DemoCounts = { contacts: number; orders: number; line_items: number; tickets: number; conversations: number; messages: number };

const iso = (ms: number): string => new Date(ms).toISOString();
const day = 86_400_000;
const kind = { contact: 1, order: 2, lineItem: 3, ticket: 4, thread: 5, scenario: 6, split: 7, length: 8, messageId: 9 } as const;

/** HubSpot message ids are free strings, not numbers: 32 hex digits drawn from the entry's own stream. */
export function hexId(random: Random): string {
  return Array.from({ length: 4 }, () => Math.floor(random() * 4294967296).toString(16).padStart(8, '0')).join('');
}

/** murmur3's 32-bit finaliser: a bijection, so distinct inputs give distinct outputs. */
function scramble(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const hex8 = (value: number): string => value.toString(16).padStart(8, '0');

/**
 * A message id unique in the portal, still 32 hex digits that look random: the first 16 are a bijection of
 * (source, thread or entry index, position in the thread), the rest come from the stream. Ids drawn from the
 * stream alone repeated across threads (each stream has only 32 bits of state), so two threads shared messages
 * and a 20,000-contact sync stored a few messages fewer than the demo held.
 */
export function uniqueHexId(source: number, index: number, position: number, random: Random): string {
  const high = Math.floor(index / 4294967296);
  return `${hex8(scramble(index))}${hex8(scramble(((high * 4096 + source) * 256 + (position & 0xff)) >>> 0))}${hexId(random).slice(16)}`;
}

/** A US phone number as E.164, the form of HS_PHONE_NUMBER delivery identifiers. */
const e164 = (phone: string): string => `+1${phone.replace(/\D/g, '').slice(-10)}`;
const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
export const richTextOf = (text: string): string => `<div>${escapeHtml(text).replace(/\n/g, '<br>')}</div>`;

const abcdSubjects: Record<string, string> = { return_size: 'Return for the wrong size', refund_status: 'Status of my refund', timing_4: 'When do promo codes expire?' };
const abcdCategories: Record<string, string> = { product_defect: 'PRODUCT_ISSUE', storewide_query: 'GENERAL_INQUIRY', shipping_issue: 'SHIPPING', account_access: 'ACCOUNT' };

/**
 * Remembers the last few thousand records of one kind: an order page needs its contacts and line
 * items, a thread its contact and first order, so neighbours are asked for again and again.
 * Records handed out are shared, so nobody may mutate them (the state copies before changing).
 */
class Recent<T> {
  private readonly entries = new Map<number, T>();
  constructor(private readonly max = 4096) {}
  get(index: number, make: () => T): T {
    let value = this.entries.get(index);
    if (value === undefined) {
      if (this.entries.size >= this.max) this.entries.clear();
      value = make();
      this.entries.set(index, value);
    }
    return value;
  }
}

export class DemoGenerator {
  readonly abcd: readonly AbcdCustomer[];
  private readonly recentContacts = new Recent<DemoRecord>();
  private readonly recentLineItems = new Recent<DemoRecord>();
  private readonly recentThreads = new Recent<DemoThread>();
  private readonly recentSlots = new Recent<Record<string, string>>();

  constructor(
    readonly seed: number,
    readonly contacts: number,
    abcd: readonly AbcdCustomer[] = abcdCustomers,
    /** The demo's "now" (epoch ms): every generated time is relative to it. */
    readonly clock: number = defaultDemoClock(),
  ) {
    this.abcd = abcd.slice(0, contacts);
  }

  private random(of: number, index: number): Random {
    return streamFor(this.seed, of, index);
  }

  private special(contactIndex: number): AbcdCustomer | undefined {
    return this.abcd[contactIndex];
  }

  counts(): DemoCounts {
    const contacts = this.contacts;
    // Threads come in pairs whose lengths add up to 12; an unpaired last thread is 6 minus its pair's shift.
    const unpaired = contacts % 2 === 1 ? messagesPerThread - this.threadLength(contacts - 1) : 0;
    return {
      contacts,
      orders: contacts * ordersPerContact,
      line_items: contacts * lineItemsPerContact,
      tickets: Math.ceil(contacts / 2),
      conversations: contacts,
      messages: contacts * messagesPerThread - unpaired,
    };
  }

  /** Base last-modified time of record `index` of any type, in epoch ms: falls as the index rises. */
  updatedAtMs(index: number): number {
    return this.clock - (index + 1) * recordGapMs;
  }

  updatedAt(index: number): string {
    return iso(this.updatedAtMs(index));
  }

  contactId(index: number): string {
    return (idBase.contact + BigInt(index)).toString();
  }

  orderId(index: number): string {
    const special = index % ordersPerContact === 0 ? this.special(index / ordersPerContact)?.orderId : undefined;
    return special ?? (idBase.order + BigInt(index)).toString();
  }

  lineItemId(index: number): string {
    return (idBase.lineItem + BigInt(index)).toString();
  }

  ticketId(index: number): string {
    return (idBase.ticket + BigInt(index)).toString();
  }

  threadId(index: number): string {
    return (idBase.thread + BigInt(index)).toString();
  }

  /** The support scenario of contact c's conversation (undefined for the ABCD customers, who keep their own). */
  scenario(contactIndex: number): Scenario | undefined {
    return this.special(contactIndex) ? undefined : pick(scenarios, this.random(kind.scenario, contactIndex));
  }

  /** How many of contact c's four line items belong to its first order (1 to 3). */
  private split(contactIndex: number): number {
    return this.special(contactIndex) ? 1 : between(1, 3, this.random(kind.split, contactIndex));
  }

  lineItemIndices(orderIndex: number): number[] {
    const contactIndex = Math.floor(orderIndex / ordersPerContact);
    const split = this.split(contactIndex);
    const first = contactIndex * lineItemsPerContact;
    const [from, to] = orderIndex % ordersPerContact === 0 ? [first, first + split] : [first + split, first + lineItemsPerContact];
    return Array.from({ length: to - from }, (_, offset) => from + offset);
  }

  orderOfLineItem(lineItemIndex: number): number {
    const contactIndex = Math.floor(lineItemIndex / lineItemsPerContact);
    return contactIndex * ordersPerContact + (lineItemIndex % lineItemsPerContact < this.split(contactIndex) ? 0 : 1);
  }

  contact(index: number): DemoRecord {
    return this.recentContacts.get(index, () => this.makeContact(index));
  }

  private makeContact(index: number): DemoRecord {
    const random = this.random(kind.contact, index);
    const special = this.special(index);
    const first = special?.name.split(' ')[0] ?? pick(firstNames, random);
    const last = special ? special.name.split(' ').slice(1).join(' ') : pick(lastNames, random);
    const [city, state] = pick(cities, random);
    const handle = `${first[0] ?? 'x'}${last}`.toLowerCase().replace(/[^a-z]/g, '') + String(index);
    const membership = special?.membership ?? pick(memberships, random);
    const [low, high] = lifetimeValueRange[membership] ?? [0, 500];
    const channel = pick(['email', 'email', 'chat', 'phone'], random);
    const id = this.contactId(index);
    const updatedAt = this.updatedAt(index);
    const createdAt = iso(this.clock - between(30, 1500, random) * day);
    return {
      id,
      properties: {
        email: special ? special.email ?? `${handle}@example.com` : `${handle}@${pick(['example.com', 'example.org', 'example.net'], random)}`,
        firstname: first,
        lastname: last,
        phone: special?.phone ?? `(${between(201, 989, random)}) ${between(200, 999, random)}-${String(between(0, 9999, random)).padStart(4, '0')}`,
        username: special?.username ?? handle,
        account_id: Array.from({ length: 10 }, () => String.fromCharCode(65 + Math.floor(random() * 26))).join(''),
        address: special?.street ?? `${between(100, 9999, random)} ${pick(streets, random)}`,
        city: special?.city ?? city,
        state: special?.state ?? state,
        zip: special?.zip ?? String(between(10000, 99999, random)),
        membership_level: membership,
        lifetime_value: (low + random() * (high - low)).toFixed(2),
        preferences: JSON.stringify({ contact_channel: channel, newsletter: random() < 0.45, sms_updates: random() < 0.25, language: 'en' }),
        hs_object_id: id,
        createdate: createdAt,
        lastmodifieddate: updatedAt,
      },
      createdAt,
      updatedAt,
      archived: false,
    };
  }

  order(index: number): DemoRecord {
    const random = this.random(kind.order, index);
    const contactIndex = Math.floor(index / ordersPerContact);
    const isFirst = index % ordersPerContact === 0;
    const special = isFirst ? this.special(contactIndex) : undefined;
    const items = this.lineItemIndices(index).map((item) => this.lineItem(item));
    const total = items.reduce((sum, item) => sum + Number(item.properties.amount ?? 0), 0);
    // The conversation is about the first order, so that one is recent and in the state the conversation describes.
    // ABCD's purchase moves with its conversation (see abcdConversationDay); the others are days before the clock.
    const placed = special?.purchaseDate
      ? Date.parse(special.purchaseDate) + (this.threadStartMs(contactIndex) - abcdConversationDay)
      : this.clock - (isFirst ? between(2, 20, random) : between(25, 400, random)) * day - between(0, 86_399, random) * 1000;
    const status = special ? 'delivered' : ((isFirst ? this.scenario(contactIndex)?.orderStatus : undefined) ?? pick(fulfilment, random));
    const id = this.orderId(index);
    const updatedAt = this.updatedAt(index);
    return {
      id,
      properties: {
        hs_order_name: `Order ${id}`,
        hs_total_price: total.toFixed(2),
        hs_currency_code: 'USD',
        hs_fulfillment_status: status,
        hs_shipping_address_street: this.contact(contactIndex).properties.address ?? null,
        hs_createdate: iso(placed),
        hs_payment_method: special?.paymentMethod ?? pick(['credit card', 'credit card', 'debit card', 'paypal'], random),
        hs_object_id: id,
        hs_lastmodifieddate: updatedAt,
      },
      createdAt: iso(placed),
      updatedAt,
      archived: false,
      associations: {
        contacts: { results: [{ id: this.contactId(contactIndex), type: 'order_to_contact' }] },
        line_items: { results: items.map((item) => ({ id: item.id, type: 'order_to_line_item' })) },
      },
    };
  }

  lineItem(index: number): DemoRecord {
    return this.recentLineItems.get(index, () => this.makeLineItem(index));
  }

  private makeLineItem(index: number): DemoRecord {
    const random = this.random(kind.lineItem, index);
    const orderIndex = this.orderOfLineItem(index);
    const contactIndex = Math.floor(index / lineItemsPerContact);
    const special = index % lineItemsPerContact === 0 ? this.special(contactIndex) : undefined;
    const product = pick(products, random);
    const price = special?.amount ?? product.price;
    const quantity = special ? 1 : random() < 0.85 ? 1 : 2;
    const name = special?.product ?? product.name;
    const id = this.lineItemId(index);
    const updatedAt = this.updatedAt(index);
    return {
      id,
      properties: {
        name,
        hs_sku: products.find((item) => item.name === name)?.sku ?? product.sku,
        quantity: String(quantity),
        price: price.toFixed(2),
        amount: (price * quantity).toFixed(2),
        hs_object_id: id,
        hs_createdate: updatedAt,
        hs_lastmodifieddate: updatedAt,
      },
      createdAt: updatedAt,
      updatedAt,
      archived: false,
      associations: { orders: { results: [{ id: this.orderId(orderIndex), type: 'line_item_to_order' }] } },
    };
  }

  ticket(index: number): DemoRecord {
    const random = this.random(kind.ticket, index);
    const contactIndex = index * 2;
    const special = this.special(contactIndex);
    const scenario = this.scenario(contactIndex);
    const open = this.thread(contactIndex).status === 'OPEN';
    const channel = this.channelOf(contactIndex);
    const subject = special ? (abcdSubjects[special.subflow] ?? 'Customer request') : (scenario?.subject ?? 'Customer request');
    const slots = this.slots(contactIndex);
    const aboutOrder = special ? special.orderId !== null : scenario?.orderStatus !== undefined;
    const id = this.ticketId(index);
    const updatedAt = this.updatedAt(index);
    const ticketCreated = iso(Date.parse(updatedAt) - between(1, 72, random) * 3_600_000);
    return {
      id,
      properties: {
        subject,
        content: `${slots.name} contacted us by ${channel}: ${subject.toLowerCase().replace(/[.?!]+$/, '')}${aboutOrder ? ` (order ${slots.order})` : ''}.`,
        hs_pipeline: '0',
        hs_pipeline_stage: open ? pick(['1', '2', '3'], random) : pick(['4', '4', '4', '2'], random),
        hs_ticket_priority: special ? 'MEDIUM' : (scenario?.priority ?? 'LOW'),
        hs_ticket_category: special ? (abcdCategories[special.flow] ?? 'GENERAL_INQUIRY') : (scenario?.category ?? 'GENERAL_INQUIRY'),
        hs_object_id: id,
        hs_createdate: ticketCreated,
        hs_lastmodifieddate: updatedAt,
      },
      createdAt: ticketCreated,
      updatedAt,
      archived: false,
      associations: {
        contacts: { results: [{ id: this.contactId(contactIndex), type: 'ticket_to_contact' }] },
        ...(aboutOrder ? { orders: { results: [{ id: this.orderId(contactIndex * ordersPerContact), type: 'ticket_to_order' }] } } : {}),
      },
    };
  }

  /** Message count of thread c: pairs of threads share 12 messages, so the total stays exact without a scan. */
  threadLength(index: number): number {
    const pair = Math.floor(index / 2);
    const fixed = this.special(pair * 2) !== undefined || this.special(pair * 2 + 1) !== undefined;
    const shift = fixed ? 0 : between(0, 2, this.random(kind.length, pair));
    return index % 2 === 0 ? messagesPerThread - shift : messagesPerThread + shift;
  }

  /** Epoch ms of thread c's last MESSAGE: falls as the index rises. */
  latestAtMs(index: number): number {
    return this.clock - threadOffsetMs - index * threadGapMs;
  }

  /** Chat, email or phone: drawn once per thread (the ABCD customers chat). */
  channelOf(index: number): DemoChannel {
    return this.special(index) ? 'chat' : pick(['chat', 'chat', 'email', 'email', 'phone'] as const, this.random(kind.thread, index));
  }

  /**
   * Every 40th thread (from 17 on) comes from a visitor who is not a contact yet: HubSpot then puts
   * a visitor id in associatedContactId. The visitor wrote with the contact's email, so an agent can link them.
   */
  isVisitorThread(index: number): boolean {
    return index % 40 === 17 && !this.special(index);
  }

  /** Every 7th open thread (from 3 on) is still unassigned. */
  isUnassigned(index: number, open: boolean): boolean {
    return open && index % 7 === 3 && !this.special(index);
  }

  visitorId(index: number): string {
    return String(710_000_000 + index);
  }

  thread(index: number): DemoThread {
    return this.recentThreads.get(index, () => this.makeThread(index));
  }

  /** Whether thread c is still open: drawn once per thread, after its channel. */
  threadIsOpen(index: number): boolean {
    const random = this.random(kind.thread, index);
    random(); // the channel's draw
    // The first dozen stay open so a small demo always has live conversations to show.
    return this.special(index) !== undefined || index < 12 || random() < 0.15;
  }

  /**
   * The contact whose thread c is. Thread c is contact c's, except for some closed threads that are an earlier
   * conversation of another contact, so that customers have a history to show: threads 13–24 belong to
   * contacts 1–12 (whose threads stay open, so the queue shows customers with a past), and from 33 on every
   * tenth closed thread belongs to the contact before it. The earlier thread is always the older one, since
   * times fall as the index rises. ABCD customers and visitors keep their own.
   */
  threadContactIndex(index: number): number {
    if (index >= this.contacts) return index;
    const owner = index >= 13 && index <= 24 ? index - 12 : index >= 33 && index % 10 === 3 ? index - 1 : index;
    if (owner === index) return index;
    if (this.special(index) || this.special(owner) || this.isVisitorThread(index) || this.isVisitorThread(owner) || this.threadIsOpen(index)) return index;
    return owner;
  }

  /** The threads of contact c: its own (unless it became another contact's earlier one) and its earlier ones. */
  threadIndicesOf(contactIndex: number): number[] {
    const candidates = [contactIndex, contactIndex + 12, contactIndex + 1];
    return [...new Set(candidates)].filter((index) => index < this.contacts && this.threadContactIndex(index) === contactIndex);
  }

  private makeThread(index: number): DemoThread {
    const channel = this.channelOf(index);
    const open = this.threadIsOpen(index);
    const entries = this.entries(index, open);
    const messages = entries.filter((entry) => entry.type === 'MESSAGE');
    const latestIn = messages.filter((entry) => entry.direction === 'INCOMING').at(-1);
    const latestOut = messages.filter((entry) => entry.direction === 'OUTGOING').at(-1);
    const agent = entries.find((entry) => entry.type === 'ASSIGNMENT')?.assignedTo;
    return {
      id: this.threadId(index),
      createdAt: entries[0]?.createdAt ?? iso(this.latestAtMs(index)),
      status: open ? 'OPEN' : 'CLOSED',
      ...(open ? {} : { closedAt: entries.at(-1)?.createdAt ?? iso(this.latestAtMs(index)) }),
      associatedContactId: this.isVisitorThread(index) ? this.visitorId(index) : this.contactId(this.threadContactIndex(index)),
      latestMessageTimestamp: iso(this.latestAtMs(index)),
      ...(latestIn ? { latestMessageReceivedTimestamp: latestIn.createdAt } : {}),
      ...(latestOut ? { latestMessageSentTimestamp: latestOut.createdAt } : {}),
      inboxId,
      originalChannelId: channelIds[channel],
      originalChannelAccountId: channelAccountIds[channel],
      ...(agent ? { assignedTo: agent } : {}),
      spam: false,
      archived: false,
    };
  }

  /** When thread c's first entry was written: what an ABCD customer's order is dated from. */
  threadStartMs(index: number): number {
    const channel = this.channelOf(index);
    return this.messageTime(index, channel, 0) - (channel === 'chat' ? 5_000 : 0);
  }

  private messageTime(index: number, channel: DemoChannel, turn: number, length: number = this.threadLength(index)): number {
    const gap = channel === 'email' ? 45 * 60_000 : channel === 'phone' ? 40_000 : 70_000;
    return this.latestAtMs(index) - (length - 1 - turn) * gap;
  }

  /** The customer's actor id: `V-` and the contact id, or the visitor id for a visitor thread. */
  customerActorId(index: number): string {
    return `V-${this.isVisitorThread(index) ? this.visitorId(index) : this.contactId(this.threadContactIndex(index))}`;
  }

  /** How the customer is reached on this thread's channel, for senders and recipients. */
  customerIdentifier(index: number): DeliveryIdentifier {
    const contact = this.contact(this.threadContactIndex(index)).properties;
    const channel = this.channelOf(index);
    if (channel === 'email') return { type: 'HS_EMAIL_ADDRESS', value: contact.email ?? '' };
    if (channel === 'phone') return { type: 'HS_PHONE_NUMBER', value: e164(contact.phone ?? '') };
    return { type: 'CHANNEL_SPECIFIC_OPAQUE_ID', value: `visitor-${this.customerActorId(index).slice(2)}` };
  }

  /** How the retailer is reached on a channel. */
  static supportIdentifier(channel: DemoChannel): DeliveryIdentifier {
    if (channel === 'email') return { type: 'HS_EMAIL_ADDRESS', value: supportEmail };
    if (channel === 'phone') return { type: 'HS_PHONE_NUMBER', value: '+18005550199' };
    return { type: 'CHANNEL_SPECIFIC_OPAQUE_ID', value: channelAccountIds.chat };
  }


  /** Values the conversation scripts fill in, taken from the contact's own records so they agree. */
  slots(index: number): Record<string, string> {
    return this.recentSlots.get(index, () => this.makeSlots(index));
  }

  private makeSlots(index: number): Record<string, string> {
    const owner = this.threadContactIndex(index);
    const contact = this.contact(owner).properties;
    const firstOrder = owner * ordersPerContact;
    const firstItem = this.lineItem(this.lineItemIndices(firstOrder)[0] ?? owner * lineItemsPerContact).properties;
    const random = this.random(kind.scenario, index + 0x5bd1e995);
    return {
      first: contact.firstname ?? '',
      name: `${contact.firstname ?? ''} ${contact.lastname ?? ''}`.trim(),
      order: this.orderId(firstOrder),
      product: (firstItem.name ?? 'item').toLowerCase(),
      amount: firstItem.amount ?? '0.00',
      email: contact.email ?? '',
      username: contact.username ?? '',
      phone: contact.phone ?? '',
      address: contact.address ?? '',
      city: contact.city ?? '',
      membership: contact.membership_level ?? 'bronze',
      promo: pick(promoCodes, random),
    };
  }


  /** Thread c's MESSAGE entries, oldest first: the conversation itself (what `counts().messages` counts). */
  messages(index: number): DemoMessage[] {
    return this.entries(index).filter((entry) => entry.type === 'MESSAGE');
  }

  /**
   * Everything thread c's messages list holds, oldest first, as HubSpot mixes it: a welcome
   * message on chat, the assignment to an agent after the customer's first message, an agent's
   * internal COMMENT on every third thread, the conversation's MESSAGEs, and a status change to
   * CLOSED when the thread is closed.
   */
  entries(index: number, open: boolean = this.thread(index).status === 'OPEN'): DemoMessage[] {
    const random = this.random(kind.thread, index + 0x27d4eb2d);
    const ids = this.random(kind.messageId, index);
    let position = 0;
    const special = this.special(index);
    const channel = this.channelOf(index);
    const slots = this.slots(index);
    const agent = pick(agents, random);
    const length = this.threadLength(index);
    const threadId = this.threadId(index);
    const customer: DemoSender = { actorId: this.customerActorId(index), name: slots.name ?? '', deliveryIdentifier: this.customerIdentifier(index) };
    const support = DemoGenerator.supportIdentifier(channel);
    const subject = special ? (abcdSubjects[special.subflow] ?? 'Chat with AcmeBrands') : (this.scenario(index)?.subject ?? 'Chat with AcmeBrands');
    const fill = (text: string): string => text.replace(/\{(\w+)\}/g, (whole, key: string) => slots[key] ?? whole);
    const turns: { incoming: boolean; text: string }[] = special
      ? special.turns.map((turn) => ({ incoming: turn.speaker === 'customer', text: turn.text }))
      : (this.scenario(index)?.turns ?? []).map(([direction, variants]) => ({ incoming: direction === 'in', text: fill(pick(variants, random)) }));
    const base = (type: DemoMessageType, at: number, createdBy: string, senders: DemoSender[], recipients: DemoRecipient[], client: DemoMessage['client']): DemoMessage => ({
      id: uniqueHexId(1, index, position++, ids),
      type,
      conversationsThreadId: threadId,
      createdAt: iso(at),
      createdBy,
      client,
      senders,
      recipients,
      archived: false,
    });
    const out: DemoMessage[] = [];
    const firstAt = this.messageTime(index, channel, 0, length);
    if (channel === 'chat') {
      const text = 'Hi! Thanks for contacting AcmeBrands. How can we help you today?';
      out.push({ ...base('WELCOME_MESSAGE', firstAt - 5_000, 'B-1', [{ actorId: 'B-1', name: 'AcmeBrands bot' }], [{ actorId: customer.actorId, deliveryIdentifier: this.customerIdentifier(index) }], { clientType: 'HUBSPOT' }), text, richText: richTextOf(text), channelId: channelIds[channel], channelAccountId: channelAccountIds[channel] });
    }
    let assigned = false;
    turns.slice(0, length).forEach((turn, position) => {
      const at = this.messageTime(index, channel, position, length);
      const text = channel === 'email' && position === 0 && turn.incoming ? `Hello,\n\n${turn.text}\n\nBest regards,\n${slots.name}` : turn.text;
      const sparse = (index + position) % 5 === 0;
      const agentSender: DemoSender = sparse ? { actorId: agent.id } : { actorId: agent.id, name: agent.name, deliveryIdentifier: support };
      out.push({
        ...base(
          'MESSAGE',
          at,
          turn.incoming ? customer.actorId : agent.id,
          [turn.incoming ? customer : agentSender],
          [turn.incoming ? { deliveryIdentifier: support, ...(channel === 'email' ? { recipientField: 'TO' } : {}) } : { actorId: customer.actorId, name: customer.name ?? '', deliveryIdentifier: this.customerIdentifier(index), ...(channel === 'email' ? { recipientField: 'TO' } : {}) }],
          turn.incoming ? { clientType: 'SYSTEM' } : { clientType: 'HUBSPOT' },
        ),
        text,
        // Optional fields are sometimes missing, as in HubSpot's data: a client must not need them.
        ...(sparse ? {} : { richText: richTextOf(text) }),
        attachments: [],
        ...(channel === 'email' ? { subject: position === 0 ? subject : `Re: ${subject}` } : {}),
        truncationStatus: 'NOT_TRUNCATED',
        ...(sparse ? {} : { status: { statusType: turn.incoming ? 'RECEIVED' : position < length - 1 ? 'READ' : 'SENT' } }),
        direction: turn.incoming ? 'INCOMING' : 'OUTGOING',
        channelId: channelIds[channel],
        channelAccountId: channelAccountIds[channel],
      });
      // Some open threads were never assigned: no ASSIGNMENT entry and no assignedTo.
      if (turn.incoming && !assigned && !this.isUnassigned(index, open)) {
        assigned = true;
        out.push({ ...base('ASSIGNMENT', at + 5_000, 'S-hubspot', [{ actorId: 'S-hubspot', name: 'HubSpot' }], [], { clientType: 'SYSTEM' }), assignedTo: agent.id });
      }
      if (position === 1 && index % 3 === 0 && length > 3) {
        const note = `Checked ${slots.first}'s account: order ${slots.order}, ${slots.membership} member.`;
        out.push({ ...base('COMMENT', at + 15_000, agent.id, [{ actorId: agent.id, name: agent.name }], [], { clientType: 'HUBSPOT' }), text: note, richText: richTextOf(note), attachments: [] });
      }
    });
    if (!open) out.push({ ...base('THREAD_STATUS_CHANGE', this.latestAtMs(index) + 30_000, agent.id, [{ actorId: agent.id, name: agent.name }], [], { clientType: 'HUBSPOT' }), newStatus: 'CLOSED' });
    return out;
  }
}
