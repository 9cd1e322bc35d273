import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../../paths/repo-root';

/** ABCD (ASAPP, MIT licence) sample data bundled in resources/demo/abcd. */
export function abcdDir(): string {
  return join(resourcesDir(), 'demo', 'abcd');
}

/** One customer of ABCD's sample conversations, seeded into the demo CRM so replaying them finds who they are. */
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
  paymentMethod: string | null;
  flow: string;
  subflow: string;
  /** The conversation's spoken turns (system "action" lines left out). */
  turns: { speaker: 'customer' | 'agent'; text: string }[];
}

interface AbcdScenario {
  scenario: {
    personal: { customer_name: string; email?: string; member_level: string; phone?: string; username?: string };
    order: { street_address?: string; city?: string; state?: string; zip_code?: string; order_id?: string; purchase_date?: string; payment_method?: string };
    product: { names: string[]; amounts: number[] };
    flow?: string;
    subflow?: string;
  };
  original: [string, string][];
}

const titleCase = (text: string): string => text.replace(/\b\w/g, (char) => char.toUpperCase());

export function loadAbcdCustomers(dir: string = abcdDir()): AbcdCustomer[] {
  const raw = JSON.parse(readFileSync(join(dir, 'abcd_sample.json'), 'utf8')) as AbcdScenario[];
  return raw.map(({ scenario, original }) => ({
    name: titleCase(scenario.personal.customer_name),
    email: scenario.personal.email ?? null,
    username: scenario.personal.username ?? null,
    phone: scenario.personal.phone ?? null,
    membership: scenario.personal.member_level,
    street: scenario.order.street_address ? titleCase(scenario.order.street_address) : null,
    city: scenario.order.city ? titleCase(scenario.order.city) : null,
    state: scenario.order.state?.toUpperCase() ?? null,
    zip: scenario.order.zip_code ?? null,
    orderId: scenario.order.order_id ?? null,
    product: scenario.product.names[0] ? titleCase(scenario.product.names[0].replace(/_/g, ' ')) : null,
    amount: scenario.product.amounts[0] ?? null,
    purchaseDate: scenario.order.purchase_date ?? null,
    paymentMethod: scenario.order.payment_method ?? null,
    flow: scenario.flow ?? 'general',
    subflow: scenario.subflow ?? 'general',
    turns: original
      .filter(([speaker]) => speaker === 'customer' || speaker === 'agent')
      .map(([speaker, text]) => ({ speaker: speaker as 'customer' | 'agent', text })),
  }));
}

/** Loaded once; a missing resource folder leaves the demo CRM without them rather than failing to start. */
export const abcdCustomers: AbcdCustomer[] = (() => {
  try {
    return loadAbcdCustomers();
  } catch {
    return [];
  }
})();
