import type { DemoState } from '../crm/demo/state';

/** The part of an ABCD conversation's scenario the replay's CRM needs (conversations-dev/README.md). */
export interface AbcdScenario {
  personal: { customer_name: string; email?: string; member_level?: string; phone?: string; username?: string; account_id?: string };
  order: { street_address?: string; full_address?: string; city?: string; state?: string; zip_code?: string; order_id?: string; purchase_date?: string; payment_method?: string };
  product?: { names?: string[]; amounts?: number[] };
  flow?: string;
  subflow?: string;
}

const titleCase = (text: string): string => text.replace(/\b\p{L}/gu, (char) => char.toUpperCase());

/** Subflows whose order has not left the warehouse yet (guidelines: the change is still possible). */
const notShipped = new Set(['manage', 'status_delivery_time', 'manage_upgrade', 'manage_downgrade', 'manage_create', 'manage_cancel', 'status_payment_method']);

/** A stable pseudo-random digit string from a seed text: the decoy differs from the customer, the same way every run. */
function digitsFrom(seed: string, length: number): string {
  let hash = 2166136261;
  let out = '';
  while (out.length < length) {
    for (const char of seed + out.length) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    out += String(hash % 10);
  }
  return out;
}

function addContact(state: DemoState, properties: Record<string, string | null>, order: { id: string; placed: string | null; status: string; items: { name: string; amount: number }[] } | null): string {
  const contact = state.create('contacts', properties, undefined);
  if (order && order.items.length > 0) {
    const record = state.create(
      'orders',
      {
        hs_order_name: `Order ${order.id}`,
        hs_total_price: order.items.reduce((sum, item) => sum + item.amount, 0).toFixed(2),
        hs_currency_code: 'USD',
        hs_fulfillment_status: order.status,
        hs_shipping_address_street: properties.address ?? null,
        hs_createdate: order.placed ? `${order.placed}T12:00:00.000Z` : null,
        hs_payment_method: null,
      },
      { contacts: { results: [{ id: contact.id, type: 'order_to_contact' }] } },
      order.id,
    );
    const items = order.items.map((item) =>
      state.create('line_items', { name: item.name, quantity: '1', price: item.amount.toFixed(2), amount: item.amount.toFixed(2) }, { orders: { results: [{ id: record.id, type: 'line_item_to_order' }] } }),
    );
    // The order was created before its items: its side of the association is filled in now.
    record.associations = { ...record.associations, line_items: { results: items.map((item) => ({ id: item.id, type: 'order_to_line_item' })) } };
  }
  return contact.id;
}

/**
 * Adds an ABCD conversation's customer and order to the replay's CRM, and a decoy: a contact with the same
 * name but another email, username, phone, zip and order, so that a name alone never identifies anyone.
 */
export function addScenarioCustomer(state: DemoState, scenario: AbcdScenario): { customerId: string; decoyId: string } {
  const [first = '', ...rest] = titleCase(scenario.personal.customer_name.trim()).split(/\s+/);
  const last = rest.join(' ');
  const products = (scenario.product?.names ?? []).map((name, index) => ({ name: titleCase(name.replace(/_/g, ' ')), amount: scenario.product?.amounts?.[index] ?? 0 }));
  const status = scenario.subflow && notShipped.has(scenario.subflow) ? 'processing' : 'delivered';
  const customerId = addContact(
    state,
    {
      email: scenario.personal.email ?? null,
      firstname: first,
      lastname: last,
      phone: scenario.personal.phone ?? null,
      username: scenario.personal.username ?? null,
      account_id: scenario.personal.account_id ?? null,
      address: scenario.order.street_address ? titleCase(scenario.order.street_address) : null,
      city: scenario.order.city ? titleCase(scenario.order.city) : null,
      state: scenario.order.state?.toUpperCase() ?? null,
      zip: scenario.order.zip_code ?? null,
      membership_level: scenario.personal.member_level ?? 'guest',
      lifetime_value: '250.00',
      preferences: JSON.stringify({ contact_channel: 'chat', newsletter: true }),
    },
    scenario.order.order_id ? { id: scenario.order.order_id, placed: scenario.order.purchase_date ?? null, status, items: products } : null,
  );
  const seed = `${scenario.personal.customer_name}|${scenario.order.order_id ?? ''}`;
  const handle = `${first}${last}`.toLowerCase().replace(/[^a-z]/g, '') + digitsFrom(seed, 3);
  const decoyId = addContact(
    state,
    {
      email: `${handle}@example.net`,
      firstname: first,
      lastname: last,
      phone: `(${digitsFrom(`${seed}p`, 3).replace(/^[01]/, '5')}) 555-${digitsFrom(`${seed}q`, 4)}`,
      username: handle,
      account_id: digitsFrom(`${seed}a`, 10).replace(/\d/g, (digit) => String.fromCharCode(65 + Number(digit))),
      address: '12 Decoy Lane',
      city: 'Springfield',
      state: 'IL',
      zip: digitsFrom(`${seed}z`, 5),
      membership_level: 'bronze',
      lifetime_value: '90.00',
      preferences: JSON.stringify({ contact_channel: 'email', newsletter: false }),
    },
    { id: `7${digitsFrom(`${seed}o`, 9)}`, placed: '2019-10-02', status: 'delivered', items: [{ name: 'Guess Jeans', amount: 55 }] },
  );
  return { customerId, decoyId };
}
