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

/** Finds a customer by contact id, email, username or order id, then by free text. */
export function findCustomer(customers: NonNullable<CopilotMcpSources['customers']>, query: string): CrmContact | undefined {
  const text = query.trim();
  return customers.get(text) ?? customers.findByEmail(text.toLowerCase()) ?? customers.findByEmail(text) ?? customers.findByUsername(text) ?? customers.findByOrderId(text) ?? customers.search(text, 1)[0];
}

/**
 * The customer as another assistant sees it. Without the privacy setting, identifying fields are
 * placeholders and free text passes through the same redactor the copilot uses before an LLM.
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
