import { abcdCustomers, type AbcdCustomer } from './abcd';
import { agents, cities, firstNames, fulfilment, lastNames, lifetimeValueRange, memberships, products, promoCodes, scenarios, streets, type Scenario } from './catalog';
import { between, pick, streamFor, type Random } from './random';

/**
 * The demo retailer, generated lazily: record i is a pure function of the seed and i, so a
 * million customers cost no memory and every run with the same seed serves the same data.
 *
 * Shape per contact c: orders 2c and 2c+1, line items 4c..4c+3 split between them, thread c,
 * and ticket c/2 for even c. Each type's base hs_lastmodifieddate rises with the index, which
 * lets the search endpoint find "modified since" without scanning.
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
export const baseTime = Date.UTC(2025, 0, 1);
/** Every base thread's last message is this long after its slot, whatever its length, so the latest times rise with the index. */
export const threadSpanMs = 8 * 60 * 60_000;

export interface DemoRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived?: boolean;
  associations?: Record<string, { results: { id: string; type: string }[] }>;
}

export interface DemoThread {
  id: string;
  createdAt: string;
  status: 'OPEN' | 'CLOSED';
  associatedContactId: string;
  latestMessageTimestamp: string;
  channel: 'chat' | 'email' | 'phone';
  subject: string;
}

export interface DemoMessage {
  id: string;
  type: 'MESSAGE';
  createdAt: string;
  text: string;
  direction: 'INCOMING' | 'OUTGOING';
  senders: { actorId: string; name: string }[];
  channelId: string;
}

export type DemoCounts = { contacts: number; orders: number; line_items: number; tickets: number; conversations: number; messages: number };

const iso = (ms: number): string => new Date(ms).toISOString();
const day = 86_400_000;
const channelIds = { chat: '1000', email: '1002', phone: '1003' } as const;
const kind = { contact: 1, order: 2, lineItem: 3, ticket: 4, thread: 5, scenario: 6, split: 7, length: 8 } as const;

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

  /** Base hs_lastmodifieddate of record `index` of any type: rises with the index. */
  updatedAt(index: number): string {
    return iso(baseTime + index * 1000);
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
        hs_lastmodifieddate: updatedAt,
      },
      createdAt: iso(baseTime - between(30, 1500, random) * day),
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
    const placed = special?.purchaseDate ? Date.parse(special.purchaseDate) : baseTime - (isFirst ? between(2, 20, random) : between(25, 400, random)) * day - between(0, 86_399, random) * 1000;
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
    const subject = special ? (abcdSubjects[special.subflow] ?? 'Customer request') : (scenario?.subject ?? 'Customer request');
    const slots = this.slots(contactIndex);
    const aboutOrder = special ? special.orderId !== null : scenario?.orderStatus !== undefined;
    const id = this.ticketId(index);
    const updatedAt = this.updatedAt(index);
    return {
      id,
      properties: {
        subject,
        content: `${slots.name} contacted us by ${this.thread(contactIndex).channel}: ${subject.toLowerCase().replace(/[.?!]+$/, '')}${aboutOrder ? ` (order ${slots.order})` : ''}.`,
        hs_pipeline_stage: open ? pick(['1', '2', '3'], random) : pick(['4', '4', '4', '2'], random),
        hs_ticket_priority: special ? 'MEDIUM' : (scenario?.priority ?? 'LOW'),
        hs_ticket_category: special ? (abcdCategories[special.flow] ?? 'GENERAL_INQUIRY') : (scenario?.category ?? 'GENERAL_INQUIRY'),
        hs_object_id: id,
        hs_lastmodifieddate: updatedAt,
      },
      createdAt: iso(Date.parse(updatedAt) - between(1, 72, random) * 3_600_000),
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

  private latestAt(index: number): number {
    return baseTime + index * 1000 + threadSpanMs;
  }

  thread(index: number): DemoThread {
    return this.recentThreads.get(index, () => this.makeThread(index));
  }

  private makeThread(index: number): DemoThread {
    const random = this.random(kind.thread, index);
    const special = this.special(index);
    const scenario = this.scenario(index);
    const channel = special ? 'chat' : pick(['chat', 'chat', 'email', 'email', 'phone'] as const, random);
    // The first dozen stay open so a small demo always has live conversations to show.
    const open = special !== undefined || index < 12 || random() < 0.15;
    return {
      id: this.threadId(index),
      createdAt: iso(this.messageTime(index, channel, 0)),
      status: open ? 'OPEN' : 'CLOSED',
      associatedContactId: this.contactId(index),
      latestMessageTimestamp: iso(this.latestAt(index)),
      channel,
      subject: special ? (abcdSubjects[special.subflow] ?? 'Chat with AcmeBrands') : (scenario?.subject ?? 'Chat with AcmeBrands'),
    };
  }

  private messageTime(index: number, channel: DemoThread['channel'], turn: number, length: number = this.threadLength(index)): number {
    const gap = channel === 'email' ? 45 * 60_000 : channel === 'phone' ? 40_000 : 70_000;
    return this.latestAt(index) - (length - 1 - turn) * gap;
  }

  /** Values the conversation scripts fill in, taken from the contact's own records so they agree. */
  slots(index: number): Record<string, string> {
    return this.recentSlots.get(index, () => this.makeSlots(index));
  }

  private makeSlots(index: number): Record<string, string> {
    const contact = this.contact(index).properties;
    const firstOrder = index * ordersPerContact;
    const firstItem = this.lineItem(this.lineItemIndices(firstOrder)[0] ?? index * lineItemsPerContact).properties;
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

  messages(index: number): DemoMessage[] {
    const random = this.random(kind.thread, index + 0x27d4eb2d);
    const special = this.special(index);
    const thread = this.thread(index);
    const slots = this.slots(index);
    const agent = pick(agents, random);
    const length = this.threadLength(index);
    const fill = (text: string): string => text.replace(/\{(\w+)\}/g, (whole, key: string) => slots[key] ?? whole);
    const turns: { incoming: boolean; text: string }[] = special
      ? special.turns.map((turn) => ({ incoming: turn.speaker === 'customer', text: turn.text }))
      : (this.scenario(index)?.turns ?? []).map(([direction, variants]) => ({ incoming: direction === 'in', text: fill(pick(variants, random)) }));
    return turns.slice(0, length).map((turn, position) => {
      const text = thread.channel === 'email' && position === 0 && turn.incoming ? `Hello,\n\n${turn.text}\n\nBest regards,\n${slots.name}` : turn.text;
      return {
        id: `${thread.id}${String(position).padStart(3, '0')}`,
        type: 'MESSAGE',
        createdAt: iso(this.messageTime(index, thread.channel, position, length)),
        text,
        direction: turn.incoming ? 'INCOMING' : 'OUTGOING',
        senders: [turn.incoming ? { actorId: `V-${thread.associatedContactId}`, name: slots.name ?? '' } : { actorId: agent.id, name: agent.name }],
        channelId: channelIds[thread.channel],
      };
    });
  }
}
