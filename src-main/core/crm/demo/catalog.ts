import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { abcdDir } from './abcd';

/** The demo retailer's vocabulary: people, places, products (from ABCD's ontology) and support scenarios. */

export const firstNames = [
  'Alex', 'Maria', 'Sam', 'Priya', 'Jordan', 'Chen', 'Fatima', 'Lucas', 'Aisha', 'Noah', 'Elena', 'Omar', 'Grace', 'Mateo', 'Yuki', 'Hannah', 'Diego', 'Zara',
  'Ethan', 'Leila', 'Olivia', 'James', 'Sofia', 'Daniel', 'Amara', 'Liam', 'Ines', 'Kwame', 'Mei', 'Rafael', 'Chloe', 'Ahmed', 'Nora', 'Victor', 'Anika', 'Tom',
  'Isabel', 'Hugo', 'Layla', 'Marcus',
];
export const lastNames = [
  'Garcia', 'Smith', 'Nguyen', 'Patel', 'Kim', 'Johnson', 'Okafor', 'Rossi', 'Muller', 'Silva', 'Brown', 'Cohen', 'Haddad', 'Ivanova', 'Lee', 'Martin', 'Novak',
  'Tanaka', 'Walker', 'Young', 'Williams', 'Sanders', 'Zhang', 'Afzal', 'Domingo', 'Bouchard', 'Banter', 'Lopez', 'Schmidt', 'Dubois', 'Mensah', 'Kowalski',
  'Andersen', 'Moreau', 'Singh', 'Ahmed', 'Costa', 'Fischer', 'Reyes', 'Wright',
];
export const streets = ['Maple Ave', 'Lexington Ave', 'Oak St', '1st Ave', 'Sunset Blvd', 'Lincoln Ave', 'Pine Rd', 'Elm St', 'Kingston St', 'Brushy Creek Rd', 'Main St', 'Highland Dr'];
export const cities: readonly (readonly [string, string])[] = [
  ['San Mateo', 'CA'], ['Austin', 'TX'], ['Raleigh', 'NC'], ['Portland', 'OR'], ['Denver', 'CO'], ['Newark', 'NJ'], ['Columbus', 'OH'], ['Tampa', 'FL'],
  ['La Fayette', 'GA'], ['Baltimore', 'MD'], ['Jacksonville', 'FL'], ['Monterey', 'CA'], ['Brighton', 'MI'], ['Springfield', 'IL'],
];
export const memberships = ['guest', 'bronze', 'bronze', 'bronze', 'silver', 'silver', 'gold'] as const;
/** Typical lifetime spend per membership level, in dollars: [low, high]. */
export const lifetimeValueRange: Record<string, readonly [number, number]> = { guest: [0, 300], bronze: [100, 1500], silver: [1000, 4000], gold: [3000, 15000] };
export const fulfilment = ['processing', 'shipped', 'delivered', 'delivered', 'delivered', 'delivered', 'cancelled', 'returned'] as const;
export const agents = [
  { id: 'A-101', name: 'Dana (AcmeBrands)' },
  { id: 'A-102', name: 'Kofi (AcmeBrands)' },
  { id: 'A-103', name: 'Marta (AcmeBrands)' },
  { id: 'A-104', name: 'Ravi (AcmeBrands)' },
];
export const promoCodes = ['SPRING20', 'WELCOME10', 'GOLD15', 'FREESHIP', 'SUMMER25'];

export interface Product {
  name: string;
  sku: string;
  price: number;
}

/** Rough price bands per product type, so boots cost more than shirts. */
const priceBand: Record<string, readonly [number, number]> = { boots: [79, 189], jacket: [89, 249], jeans: [39, 119], shirt: [24, 89] };

function loadProducts(): Product[] {
  let names = ['calvin klein jeans', 'tommy hilfiger shirt', 'michael kors jacket', 'guess boots'];
  try {
    const ontology = JSON.parse(readFileSync(join(abcdDir(), 'ontology.json'), 'utf8')) as { values?: { enumerable?: { product?: unknown } } };
    const listed = ontology.values?.enumerable?.product;
    if (Array.isArray(listed) && listed.every((item) => typeof item === 'string') && listed.length > 0) names = listed as string[];
  } catch {
    // The built-in four keep the demo usable without the bundled ontology.
  }
  return names.map((raw, position) => {
    const words = raw.split(' ');
    const type = words.at(-1) ?? 'item';
    const brand = words.slice(0, -1).join(' ');
    const [low, high] = priceBand[type] ?? [20, 150];
    const initials = brand
      .split(' ')
      .map((word) => word[0] ?? '')
      .join('')
      .toUpperCase();
    return {
      name: raw.replace(/\b\w/g, (char) => char.toUpperCase()),
      sku: `${initials}-${type.slice(0, 4).toUpperCase()}-${String(1001 + position)}`,
      // Deterministic list price inside the band, ending in .99 like a shop's.
      price: low + ((position * 37) % (high - low)) + 0.99,
    };
  });
}
export const products: Product[] = loadProducts();

export type Direction = 'in' | 'out';

/**
 * A support conversation the demo CRM can hold. Turns alternate customer/agent; each turn lists
 * phrasings to pick from. Placeholders: {first} {name} {order} {product} {email} {username}
 * {amount} {promo} {address} {city} {phone} {membership} {agent}.
 */
export interface Scenario {
  key: string;
  subject: string;
  /** hs_ticket_category of the ticket opened for it. */
  category: string;
  priority: 'LOW' | 'MEDIUM' | 'HIGH';
  /** The order it is about gets this fulfilment status, so the conversation and the order agree. */
  orderStatus?: (typeof fulfilment)[number];
  turns: [Direction, string[]][];
}

export const scenarios: Scenario[] = [
  {
    key: 'refund_damaged',
    subject: 'Refund for a damaged item',
    category: 'PRODUCT_ISSUE',
    priority: 'MEDIUM',
    orderStatus: 'delivered',
    turns: [
      ['in', ['Hi, the {product} I ordered arrived damaged. Can I get a refund?', 'Hello, my {product} came with a torn seam. I would like my money back.']],
      ['out', ["I'm sorry to hear that! Could you give me your order ID?", 'Oh no, sorry about that. What is the order number?']],
      ['in', ['Sure, it is {order}.', 'Order ID: {order}']],
      ['out', ['Thanks {first}. Would you like the refund on your card, as store credit or as a gift card?']],
      ['in', ['Back to my credit card please.', 'Store credit is fine.']],
      ['out', ["I've started a refund of ${amount}. You'll see it within 5 to 7 business days."]],
      ['in', ['Do I need to send the item back?', 'Great, thank you!']],
      ['out', ['No need, please keep or recycle it. Anything else I can help with?']],
    ],
  },
  {
    key: 'refund_status',
    subject: 'Status of my refund',
    category: 'BILLING_ISSUE',
    priority: 'LOW',
    orderStatus: 'returned',
    turns: [
      ['in', ['Just wanted to check on the status of a refund.', 'Hi, I returned my {product} two weeks ago and still have no refund.']],
      ['out', ['Sure, could you give me your full name or account ID?']],
      ['in', ['{name}, username {username}', '{name}']],
      ['out', ['Thanks. And the order ID and the email on the account, please?']],
      ['in', ['{order} and {email}']],
      ['out', ['Everything is in order: the refund of ${amount} is in progress to your original payment method.']],
      ['in', ['How long until it is refunded?', 'When will I actually see the money?']],
      ['out', ['Less than a week from today.']],
    ],
  },
  {
    key: 'shipping_status',
    subject: 'Where is my order?',
    category: 'SHIPPING',
    priority: 'MEDIUM',
    orderStatus: 'shipped',
    turns: [
      ['in', ['Hello, where is my order {order}? It was supposed to arrive days ago.', "My package hasn't arrived yet, can you check order {order}?"]],
      ['out', ['Let me check the tracking for you.', 'Of course, one moment while I look it up.']],
      ['in', ['Thanks. I really need the {product} before the weekend.', 'Ok, thanks.']],
      ['out', ['It is in transit with the carrier and should arrive within two business days.']],
      ['in', ['Can it be delivered on Saturday instead?', 'Is there a tracking number I can follow?']],
      ['out', ['Let me see what the carrier allows for {address}.']],
      ['in', ['Thank you.', 'Please hurry, it is a gift.']],
      ['out', ['I have asked the carrier and will update you by email at {email}.']],
    ],
  },
  {
    key: 'change_address',
    subject: 'Change shipping address',
    category: 'SHIPPING',
    priority: 'MEDIUM',
    orderStatus: 'processing',
    turns: [
      ['in', ['I need to change the shipping address on my order.', 'Hi, I moved last week, can you ship order {order} to my new place?']],
      ['out', ['Sure! Can I have your name and the order ID?']],
      ['in', ['{name}, order {order}']],
      ['out', ['Thanks {first}. What is the new address?']],
      ['in', ['{address}, {city}', 'It should go to {address} in {city}.']],
      ['out', ['The order has not shipped yet, so I can update it. Done!']],
      ['in', ['Will that delay the delivery?']],
      ['out', ['No, it should still arrive on time.']],
    ],
  },
  {
    key: 'promo_code',
    subject: 'Promo code not working',
    category: 'BILLING_ISSUE',
    priority: 'LOW',
    turns: [
      ['in', ['My promo code does not work at checkout.', "I've got a promo code and I want to know when it expires."]],
      ['out', ['Sorry about that. Which code are you using?']],
      ['in', ['{promo}, it says expired but I got it last week.', 'It is {promo}.']],
      ['out', ['Promo codes last 7 days from when they are issued. Let me check if I can re-issue it.']],
      ['in', ['Please do, I want to buy the {product}.', 'That would be great.']],
      ['out', ["I've sent a new code to {email}; it is valid for 7 days."]],
      ['in', ['Got it, thanks!']],
      ['out', ['Happy shopping, {first}!']],
    ],
  },
  {
    key: 'account_access',
    subject: 'Cannot log in',
    category: 'ACCOUNT',
    priority: 'MEDIUM',
    turns: [
      ['in', ["I can't log into my account, I forgot my password.", 'I keep getting "invalid password" on the website.']],
      ['out', ['I can help. Can you confirm your username and the email on the account?']],
      ['in', ['{username}, {email}']],
      ['out', ["Thanks, I've sent a password reset link to that address."]],
      ['in', ['I did not get anything.', 'Nothing arrived yet.']],
      ['out', ['Please check your spam folder; I can also resend it.']],
      ['in', ['Found it, it works now. Thanks!', 'Still nothing, can you resend?']],
      ['out', ['Done. Let me know if there is anything else.']],
    ],
  },
  {
    key: 'cancel_order',
    subject: 'Cancel my order',
    category: 'ORDER_CHANGE',
    priority: 'MEDIUM',
    orderStatus: 'processing',
    turns: [
      ['in', ['Hi, I want to cancel order {order}.', 'Can I still cancel my order? I ordered the wrong item.']],
      ['out', ['I can check that for you. Could you confirm your name and email?']],
      ['in', ['{name}, {email}']],
      ['out', ["Thanks {first}. The order hasn't shipped yet, so it can be cancelled."]],
      ['in', ['Yes please cancel it.']],
      ['out', ['Done. The refund of ${amount} goes back to your card in 3 to 5 days.']],
      ['in', ['Thank you so much.']],
      ['out', ['You are welcome!']],
    ],
  },
  {
    key: 'wrong_size',
    subject: 'Wrong size, want to exchange',
    category: 'PRODUCT_ISSUE',
    priority: 'LOW',
    orderStatus: 'delivered',
    turns: [
      ['in', ['The {product} is the wrong size, I need to return it.', 'I got the wrong size of {product}.']],
      ['out', ['No problem. Would you like an exchange or a refund?']],
      ['in', ['An exchange for a larger size please.', 'I would rather get a refund.']],
      ['out', ['Sure. Is your membership level {membership}? That decides the return window.']],
      ['in', ["Yes, I'm {membership}."]],
      ['out', ["Great, I'll email you a prepaid return label for order {order}."]],
      ['in', ['How long do I have to send it back?']],
      ['out', ['You have 30 days from when the label is issued.']],
    ],
  },
  {
    key: 'charged_twice',
    subject: 'Charged twice for one order',
    category: 'BILLING_ISSUE',
    priority: 'HIGH',
    orderStatus: 'delivered',
    turns: [
      ['in', ['I was charged twice for order {order}! This is the third time I contact you about billing.', 'Why do I see two charges of ${amount} on my card??']],
      ['out', ["I'm very sorry. Let me look into the charges right away."]],
      ['in', ['I want this fixed today or I will cancel my membership.', 'This is ridiculous, I want to speak to a manager.']],
      ['out', ['I understand. I can see the duplicate charge.']],
      ['in', ['So?', 'And?']],
      ['out', ['I am requesting a refund of the duplicate now and escalating to billing.']],
      ['in', ['Fine. Call me at {phone} when it is done.']],
      ['out', ['Will do. Again, sorry for the trouble.']],
    ],
  },
  {
    key: 'missing_item',
    subject: 'Item missing from my package',
    category: 'SHIPPING',
    priority: 'HIGH',
    orderStatus: 'delivered',
    turns: [
      ['in', ['My package arrived but the {product} is missing.', 'Order {order} came without one of the items.']],
      ['out', ['Sorry about that! Which order is it?']],
      ['in', ['{order}']],
      ['out', ['Thanks. I can ship the missing item again or refund it. Which do you prefer?']],
      ['in', ['Please send it again.', 'A refund please.']],
      ['out', ['Done, you will get a confirmation at {email}.']],
      ['in', ['Thanks.']],
      ['out', ['Anything else I can help with today?']],
    ],
  },
  {
    key: 'membership',
    subject: 'Membership benefits',
    category: 'GENERAL_INQUIRY',
    priority: 'LOW',
    turns: [
      ['in', ['What do I get as a {membership} member?', 'How do I get to gold membership?']],
      ['out', ['Good question! Members get free shipping, longer return windows and early access to sales.']],
      ['in', ['Is free shipping on every order?']],
      ['out', ['For silver and gold members, yes. Bronze members get it on orders over $50.']],
      ['in', ['And how long do I have for returns?']],
      ['out', ['Gold members can return any time; others within 30 days, or 90 days with the receipt.']],
      ['in', ['Perfect, thanks.']],
      ['out', ['My pleasure!']],
    ],
  },
  {
    key: 'product_question',
    subject: 'Question about a product',
    category: 'GENERAL_INQUIRY',
    priority: 'LOW',
    turns: [
      ['in', ['Does the {product} run true to size?', 'Is the {product} machine washable?']],
      ['out', ['Let me check the product details for you.']],
      ['in', ['Thanks, I am between two sizes.', 'Ok.']],
      ['out', ['Customers say it runs slightly small, so we suggest one size up.']],
      ['in', ['And can I return it if it does not fit?']],
      ['out', ['Yes, returns are free within 30 days.']],
      ['in', ['Great, I will order it.']],
      ['out', ['Enjoy your {product}!']],
    ],
  },
  {
    key: 'update_contact',
    subject: 'Update my phone number',
    category: 'ACCOUNT',
    priority: 'LOW',
    turns: [
      ['in', ['I need to update the phone number on my account.', 'Hi, can you change my contact details?']],
      ['out', ['Sure. For security, can I have your username and the email on the account?']],
      ['in', ['{username}, {email}']],
      ['out', ['Thanks {first}. What is the new number?']],
      ['in', ['{phone}']],
      ['out', ['Updated. Would you also like text updates about your orders?']],
      ['in', ['No thanks, email is better for me.', 'Yes please.']],
      ['out', ['Noted in your preferences.']],
    ],
  },
];
