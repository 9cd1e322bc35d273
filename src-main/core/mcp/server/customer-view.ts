import type { CrmContact } from '../../crm/records';
import { createRedactor, type Redactor } from '../../language/redaction/redactor';
import type { CopilotMcpSources } from './sources';

export interface CustomerView {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  membership: string;
  lifetimeValue: number;
  redacted: boolean;
  orders: { id: string; status: string; total: number; currency: string; placedAt: string | null; items: { name: string; quantity: number; price: number }[] }[];
  openTickets: { id: string; subject: string; stage: string; priority: string | null }[];
  conversationIds: string[];
}

const maxOrders = 20;
const maxTickets = 20;

function namesOf(contact: CrmContact): string[] {
  const first = contact.firstName?.trim() ?? '';
  const last = contact.lastName?.trim() ?? '';
  return [`${first} ${last}`.trim(), first, last].filter((name) => name.length >= 2);
}

/**
 * Finds a customer. Without sharing, only by an exact contact id or order id: an email, a name or a
 * fragment must not tell a caller whether someone is a customer. With sharing, by email, username or
 * free text too.
 */
export function findCustomer(customers: NonNullable<CopilotMcpSources['customers']>, query: string, share: boolean): CrmContact | undefined {
  const text = query.trim();
  const exact = customers.get(text) ?? customers.findByOrderId(text);
  if (!share) return exact;
  return exact ?? customers.findByEmail(text.toLowerCase()) ?? customers.findByEmail(text) ?? customers.findByUsername(text) ?? customers.search(text, 1)[0];
}

/** What another assistant learns of a customer without sharing: counts and redacted ticket subjects, no identifier, amount or order. */
export interface RedactedCustomerSummary {
  redacted: true;
  orderCount: number;
  ordersByStatus: Record<string, number>;
  openTicketCount: number;
  openTickets: { subject: string; stage: string; priority: string | null }[];
  conversationCount: number;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces the customer's own identifiers and contact details wherever free text repeats them
 * (`my order o-5001`), longest first, before the general redactor looks for patterns.
 */
export function literalScrubber(values: [string | null | undefined, string][]): (text: string) => string {
  const known = values
    .filter((entry): entry is [string, string] => typeof entry[0] === 'string' && entry[0].trim().length >= 3)
    .sort((a, b) => b[0].length - a[0].length);
  if (known.length === 0) return (text) => text;
  const pattern = new RegExp(known.map(([value]) => escapeRegExp(value.trim())).join('|'), 'gi');
  const byValue = new Map(known.map(([value, placeholder]) => [value.trim().toLowerCase(), placeholder]));
  return (text) => text.replace(pattern, (match) => byValue.get(match.toLowerCase()) ?? '[REDACTED]');
}

/** The contact's own identifiers as they may appear in text, each with the placeholder that replaces it. */
export function contactLiterals(contact: CrmContact, orders: readonly { id: string }[]): [string | null | undefined, string][] {
  return [
    [contact.id, '[CUSTOMER]'],
    [contact.email, '[EMAIL]'],
    [contact.phone, '[PHONE]'],
    [contact.username, '[USERNAME]'],
    [contact.address, '[ADDRESS]'],
    ...orders.map((order): [string, string] => [order.id, '[ORDER]']),
  ];
}

export function redactedCustomerSummary(sources: CopilotMcpSources, contact: CrmContact): RedactedCustomerSummary {
  const customers = sources.customers;
  const orders = customers?.orders(contact.id) ?? [];
  const tickets = customers?.tickets(contact.id) ?? [];
  const scrub = literalScrubber([...contactLiterals(contact, orders), ...tickets.map((ticket): [string, string] => [ticket.id, '[TICKET]'])]);
  const redactor = createRedactor({ knownNames: namesOf(contact) });
  const ordersByStatus: Record<string, number> = {};
  for (const order of orders) ordersByStatus[order.status] = (ordersByStatus[order.status] ?? 0) + 1;
  const open = tickets.filter((ticket) => ticket.stage !== 'closed');
  return {
    redacted: true,
    orderCount: orders.length,
    ordersByStatus,
    openTicketCount: open.length,
    openTickets: open.slice(0, maxTickets).map((ticket) => ({ subject: redactor.redact(scrub(ticket.subject)), stage: ticket.stage, priority: ticket.priority })),
    conversationCount: sources.conversations?.forContact(contact.id).length ?? 0,
  };
}

/**
 * The customer as another assistant sees it once the agent allowed sharing (--share-customer-data);
 * without it the server answers redactedCustomerSummary instead.
 */
export function customerView(sources: CopilotMcpSources, contact: CrmContact): CustomerView {
  const customers = sources.customers;
  const share = sources.shareCustomerData;
  const redactor: Redactor | undefined = share ? undefined : createRedactor({ knownNames: namesOf(contact) });
  const text = (value: string): string => (redactor ? redactor.redact(value) : value);
  const name = namesOf(contact)[0] ?? '';
  const orders = (customers?.orders(contact.id) ?? []).slice(0, maxOrders).map((order) => ({
    id: order.id,
    status: order.status,
    total: order.total,
    currency: order.currency,
    placedAt: order.placedAt,
    items: order.lineItems.map((item) => ({ name: item.name, quantity: item.quantity, price: item.price })),
  }));
  const openTickets = (customers?.tickets(contact.id) ?? [])
    .filter((ticket) => ticket.stage !== 'closed')
    .slice(0, maxTickets)
    .map((ticket) => ({ id: ticket.id, subject: text(ticket.subject), stage: ticket.stage, priority: ticket.priority }));
  return {
    id: contact.id,
    name: share ? name : name ? '[NAME]' : '',
    email: share ? contact.email : contact.email ? '[EMAIL]' : null,
    phone: share ? contact.phone : contact.phone ? '[PHONE]' : null,
    address: share ? [contact.address, contact.city, contact.state, contact.zip].filter(Boolean).join(', ') || null : contact.address ? '[ADDRESS]' : null,
    membership: contact.membership,
    lifetimeValue: contact.lifetimeValue,
    redacted: !share,
    orders,
    openTickets,
    conversationIds: (sources.conversations?.forContact(contact.id) ?? []).map((conversation) => conversation.id).slice(0, 20),
  };
}
