import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../language/intent/augment';
import { resourcesDir } from '../../paths/repo-root';

/**
 * The demo retailer, generated lazily: record i is a pure function of the seed and i, so a
 * million customers cost no memory and every run with the same seed serves the same data.
 */
export const idBase = {
  // Above 2^53: contact ids only survive as strings.
  contact: 9_007_199_254_740_993n,
  order: 3_200_000_000n,
  lineItem: 5_000_000_000n,
  ticket: 6_100_000_000n,
  thread: 8_000_000_000n,
};
export const messagesPerThread = 6;
export const ordersPerContact = 2;
export const baseTime = Date.UTC(2025, 0, 1);

const firstNames = ['Alex', 'Maria', 'Sam', 'Priya', 'Jordan', 'Chen', 'Fatima', 'Lucas', 'Aisha', 'Noah', 'Elena', 'Omar', 'Grace', 'Mateo', 'Yuki', 'Hannah', 'Diego', 'Zara', 'Ethan', 'Leila'];
const lastNames = ['Garcia', 'Smith', 'Nguyen', 'Patel', 'Kim', 'Johnson', 'Okafor', 'Rossi', 'Müller', 'Silva', 'Brown', 'Cohen', 'Haddad', 'Ivanova', 'Lee', 'Martin', 'Novak', 'Tanaka', 'Walker', 'Young'];
const streets = ['Maple Avenue', 'Lexington Ave', 'Oak Street', '1st Ave', 'Sunset Boulevard', 'Lincoln Ave', 'Pine Road', 'Elm Street'];
const cities: [string, string][] = [['San Mateo', 'CA'], ['Austin', 'TX'], ['Raleigh', 'NC'], ['Portland', 'OR'], ['Denver', 'CO'], ['Newark', 'NJ'], ['Columbus', 'OH'], ['Tampa', 'FL']];
const memberships = ['guest', 'bronze', 'bronze', 'silver', 'silver', 'gold'] as const;
const statuses = ['processing', 'shipped', 'delivered', 'delivered', 'delivered', 'cancelled', 'returned'] as const;
const channels = ['chat', 'chat', 'email', 'phone'] as const;

interface Ontology {
  values: { enumerable: { product?: string[] } & Record<string, unknown> };
}

function products(): string[] {
  try {
    const ontology = JSON.parse(readFileSync(join(resourcesDir(), 'demo', 'abcd', 'ontology.json'), 'utf8')) as Ontology;
    const names = ontology.values.enumerable.product;
    if (Array.isArray(names) && names.length > 0) return names.map((name) => name.replace(/\b\w/g, (char) => char.toUpperCase()));
  } catch {
    // fall through to the built-in list
  }
  return ['Calvin Klein jeans', 'Tommy Hilfiger shirt', 'Michael Kors jacket', 'Guess boots', 'Banana Republic sweater'];
}
const productNames = products();

const conversationScripts: { subject: string; turns: [string, string][] }[] = [
  { subject: 'Refund for a damaged item', turns: [['in', 'Hi, the {product} I got arrived damaged. Can I get a refund?'], ['out', "I'm sorry to hear that! Could you give me your order number?"], ['in', 'Sure, it is order {order}.'], ['out', 'Thanks, I can see it. Would you like a refund to your card or store credit?'], ['in', 'To my card please.'], ['out', "I'll set that up for you now."]] },
  { subject: 'Where is my order?', turns: [['in', 'Hello, where is my order {order}? It was supposed to arrive days ago.'], ['out', 'Let me check the tracking for you.'], ['in', 'Thanks. I really need it before the weekend.'], ['out', 'It is with the carrier and should arrive within two days.'], ['in', 'Can you reschedule it for Saturday?'], ['out', 'Let me see what the carrier allows.']] },
  { subject: 'Promo code not working', turns: [['in', 'My promo code does not work at checkout.'], ['out', 'Sorry about that. Which code are you using?'], ['in', 'SPRING20, it says expired but I got it last week.'], ['out', "Codes last 7 days. Let me check if I can re-issue it."], ['in', 'Please do, I want to buy the {product}.'], ['out', 'One moment.']] },
  { subject: 'Cannot log in', turns: [['in', "I can't log into my account, I forgot my password."], ['out', 'I can help. Can you confirm your email address?'], ['in', 'It is {email}.'], ['out', "Thanks, I've sent a reset link to that address."], ['in', 'I did not get anything.'], ['out', 'Please check your spam folder; I can resend it.']] },
  { subject: 'Wrong size', turns: [['in', 'The {product} is the wrong size, I need to return it.'], ['out', 'No problem. Would you like an exchange or a refund?'], ['in', 'An exchange for a larger size please.'], ['out', "I'll email you a prepaid return label."], ['in', 'How long do I have to send it back?'], ['out', 'You have 14 days from when the label is issued.']] },
  { subject: 'Charged twice', turns: [['in', 'I was charged twice for order {order}! This is the third time I contact you about billing.'], ['out', "I'm very sorry. Let me look into the charges."], ['in', 'I want this fixed today or I will cancel my membership.'], ['out', 'I understand. I see the duplicate charge.'], ['in', 'So?'], ['out', 'I am requesting a refund of the duplicate now.']] },
];

export interface AbcdCustomer {
  name: string;
  email: string | null;
  username: string | null;
  phone: string | null;
  membership: string;
  street: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  orderId: string | null;
  product: string | null;
  amount: number | null;
  purchaseDate: string | null;
  firstMessage: string;
}

interface AbcdScenario {
  scenario: {
    personal: { customer_name: string; email?: string; member_level: string; phone?: string; username?: string };
    order: { street_address?: string; city?: string; state?: string; zip_code?: string; order_id?: string; purchase_date?: string };
    product: { names: string[]; amounts: number[] };
  };
  original: [string, string][];
}

/** The three customers of ABCD's sample conversations, so replaying them finds who they are. */
function abcdCustomers(): AbcdCustomer[] {
  try {
    const raw = JSON.parse(readFileSync(join(resourcesDir(), 'demo', 'abcd', 'abcd_sample.json'), 'utf8')) as AbcdScenario[];
    return raw.map(({ scenario, original }) => ({
      name: scenario.personal.customer_name.replace(/\b\w/g, (char) => char.toUpperCase()),
      email: scenario.personal.email ?? null,
      username: scenario.personal.username ?? null,
      phone: scenario.personal.phone ?? null,
      membership: scenario.personal.member_level,
      street: scenario.order.street_address ?? null,
      city: scenario.order.city ?? null,
      state: scenario.order.state ?? null,
      zip: scenario.order.zip_code ?? null,
      orderId: scenario.order.order_id ?? null,
      product: scenario.product.names[0]?.replace(/_/g, ' ') ?? null,
      amount: scenario.product.amounts[0] ?? null,
      purchaseDate: scenario.order.purchase_date ?? null,
      firstMessage: original.find(([speaker]) => speaker === 'customer')?.[1] ?? 'Hi, I need some help.',
    }));
  } catch {
    return [];
  }
}
export const abcd = abcdCustomers();

export interface DemoRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  associations?: Record<string, { results: { id: string; type: string }[] }>;
}

export interface DemoThread {
  id: string;
  createdAt: string;
  status: 'OPEN' | 'CLOSED';
  associatedContactId: string;
  latestMessageTimestamp: string;
  channel: string;
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

const iso = (ms: number): string => new Date(ms).toISOString();
const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)] as T;

export class DemoGenerator {
  constructor(
    readonly seed: number,
    readonly contacts: number,
  ) {}

  private random(kind: number, index: number): () => number {
    return mulberry32((this.seed * 2654435761) ^ (kind * 97 + index * 7919));
  }

  counts(): { contacts: number; orders: number; line_items: number; tickets: number; conversations: number; messages: number } {
    const orders = this.contacts * ordersPerContact;
    return {
      contacts: this.contacts,
      orders,
      line_items: orders * 2,
      tickets: Math.ceil(this.contacts / 2),
      conversations: this.contacts,
      messages: this.contacts * messagesPerThread,
    };
  }

  contactId(index: number): string {
    return (idBase.contact + BigInt(index)).toString();
  }

  orderId(index: number): string {
    const special = index % ordersPerContact === 0 ? abcd[index / ordersPerContact]?.orderId : undefined;
    return special ?? (idBase.order + BigInt(index)).toString();
  }

  /** Base modification time: ascending with the index, so the initial order is also time order. */
  updatedAt(index: number): string {
    return iso(baseTime + index * 1000);
  }

  contact(index: number): DemoRecord {
    const random = this.random(1, index);
    const special = abcd[index];
    const first = special ? (special.name.split(' ')[0] ?? 'Alex') : pick(firstNames, random);
    const last = special ? special.name.split(' ').slice(1).join(' ') : pick(lastNames, random);
    const [city, state] = pick(cities, random);
    const handle = `${first[0] ?? 'x'}${last}`.toLowerCase().replace(/[^a-z]/g, '') + String(index);
    return {
      id: this.contactId(index),
      properties: {
        email: special?.email ?? `${handle}@example.com`,
        firstname: first,
        lastname: last,
        phone: special?.phone ?? `(${200 + (index % 700)}) 555-${String(1000 + (index % 9000)).padStart(4, '0')}`,
        username: special?.username ?? handle,
        account_id: `AC${String(100000 + index)}`,
        address: special?.street ?? `${100 + Math.floor(random() * 9800)} ${pick(streets, random)}`,
        city: special?.city ?? city,
        state: special?.state ?? state,
        zip: special?.zip ?? String(10000 + Math.floor(random() * 89999)),
        membership_level: special?.membership ?? pick(memberships, random),
        lifetime_value: (Math.floor(random() * 500000) / 100).toFixed(2),
        preferences: JSON.stringify({ contact_channel: pick(['email', 'chat', 'phone'], random), newsletter: random() < 0.5 }),
        hs_object_id: this.contactId(index),
        hs_lastmodifieddate: this.updatedAt(index),
      },
      createdAt: this.updatedAt(index),
      updatedAt: this.updatedAt(index),
    };
  }

  order(index: number): DemoRecord {
    const random = this.random(2, index);
    const contactIndex = Math.floor(index / ordersPerContact);
    const special = index % ordersPerContact === 0 ? abcd[contactIndex] : undefined;
    const items = [0, 1].map((slot) => this.lineItem(index * 2 + slot));
    const total = items.reduce((sum, item) => sum + Number(item.properties.amount ?? 0), 0);
    const placed = special?.purchaseDate ? Date.parse(special.purchaseDate) : baseTime - Math.floor(random() * 200) * 86_400_000;
    return {
      id: this.orderId(index),
      properties: {
        hs_order_name: `Order ${this.orderId(index)}`,
        hs_total_price: total.toFixed(2),
        hs_currency_code: 'USD',
        hs_fulfillment_status: special ? 'delivered' : pick(statuses, random),
        hs_shipping_address_street: this.contact(contactIndex).properties.address ?? null,
        hs_createdate: iso(placed),
        hs_object_id: this.orderId(index),
        hs_lastmodifieddate: this.updatedAt(index),
      },
      createdAt: iso(placed),
      updatedAt: this.updatedAt(index),
      associations: {
        contacts: { results: [{ id: this.contactId(contactIndex), type: 'order_to_contact' }] },
        line_items: { results: items.map((item) => ({ id: item.id, type: 'order_to_line_item' })) },
      },
    };
  }

  lineItem(index: number): DemoRecord {
    const random = this.random(3, index);
    const orderIndex = Math.floor(index / 2);
    const special = orderIndex % ordersPerContact === 0 && index % 2 === 0 ? abcd[orderIndex / ordersPerContact] : undefined;
    const price = special?.amount ?? 20 + Math.floor(random() * 180);
    const quantity = special ? 1 : 1 + Math.floor(random() * 2);
    const name = special?.product ?? pick(productNames, random);
    const id = (idBase.lineItem + BigInt(index)).toString();
    return {
      id,
      properties: {
        name,
        hs_sku: `SKU-${name.replace(/[^a-z]/gi, '').slice(0, 6).toUpperCase()}-${index % 97}`,
        quantity: String(quantity),
        price: price.toFixed(2),
        amount: (price * quantity).toFixed(2),
        hs_object_id: id,
        hs_lastmodifieddate: this.updatedAt(index),
      },
      createdAt: this.updatedAt(index),
      updatedAt: this.updatedAt(index),
      associations: { orders: { results: [{ id: this.orderId(orderIndex), type: 'line_item_to_order' }] } },
    };
  }

  ticket(index: number): DemoRecord {
    const random = this.random(4, index);
    const contactIndex = index * 2;
    const script = pick(conversationScripts, random);
    const id = (idBase.ticket + BigInt(index)).toString();
    return {
      id,
      properties: {
        subject: script.subject,
        content: `Customer contacted us: ${script.subject.toLowerCase()}.`,
        hs_pipeline_stage: pick(['1', '2', '3', '4', '4'], random),
        hs_ticket_priority: pick(['LOW', 'MEDIUM', 'MEDIUM', 'HIGH'], random),
        hs_ticket_category: 'GENERAL_INQUIRY',
        hs_object_id: id,
        hs_lastmodifieddate: this.updatedAt(index),
      },
      createdAt: this.updatedAt(index),
      updatedAt: this.updatedAt(index),
      associations: { contacts: { results: [{ id: this.contactId(contactIndex), type: 'ticket_to_contact' }] } },
    };
  }

  threadId(index: number): string {
    return (idBase.thread + BigInt(index)).toString();
  }

  thread(index: number): DemoThread {
    const random = this.random(5, index);
    const special = abcd[index];
    const script = pick(conversationScripts, random);
    const open = special !== undefined || index < 12 || random() < 0.15;
    return {
      id: this.threadId(index),
      createdAt: this.updatedAt(index),
      status: open ? 'OPEN' : 'CLOSED',
      associatedContactId: this.contactId(index),
      latestMessageTimestamp: iso(baseTime + index * 1000 + (messagesPerThread - 1) * 60_000),
      channel: special ? 'chat' : pick(channels, random),
      subject: special ? 'Chat with AcmeBrands' : script.subject,
    };
  }

  messages(index: number): DemoMessage[] {
    const random = this.random(5, index);
    const special = abcd[index];
    const script = pick(conversationScripts, random);
    const contact = this.contact(index);
    const customerName = `${contact.properties.firstname} ${contact.properties.lastname}`;
    const fill = (text: string): string =>
      text
        .replace('{order}', this.orderId(index * ordersPerContact))
        .replace('{product}', this.lineItem(index * ordersPerContact * 2).properties.name ?? 'item')
        .replace('{email}', contact.properties.email ?? '');
    const turns: [string, string][] = special ? [['in', special.firstMessage], ['out', 'Hi! How can I help you today?'], ['in', 'Thanks.'], ['out', 'Could I have your full name or account ID?'], ['in', customerName], ['out', 'Thank you, one moment.']] : script.turns;
    return turns.slice(0, messagesPerThread).map(([direction, text], turn) => ({
      id: `${this.threadId(index)}${String(turn).padStart(3, '0')}`,
      type: 'MESSAGE',
      createdAt: iso(baseTime + index * 1000 + turn * 60_000),
      text: fill(text),
      direction: direction === 'in' ? 'INCOMING' : 'OUTGOING',
      senders: [direction === 'in' ? { actorId: `V-${contact.id}`, name: customerName } : { actorId: 'A-1', name: 'AcmeBrands support' }],
      channelId: '1000',
    }));
  }
}
