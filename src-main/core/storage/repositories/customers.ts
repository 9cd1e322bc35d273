import type Database from 'better-sqlite3';
import type { CrmContact, CrmLineItem, CrmOrder, CrmTicket, Membership } from '../../crm/records';

interface ContactRow {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  username: string | null;
  account_id: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  membership: string;
  lifetime_value: number;
  preferences: string;
  updated_at: string;
}

function toContact(row: ContactRow): CrmContact {
  let preferences: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.preferences);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) preferences = parsed as Record<string, unknown>;
  } catch {
    preferences = {};
  }
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    username: row.username,
    accountId: row.account_id,
    address: row.address,
    city: row.city,
    state: row.state,
    zip: row.zip,
    membership: row.membership as Membership,
    lifetimeValue: row.lifetime_value,
    preferences,
    updatedAt: row.updated_at,
  };
}

export interface OrderWithItems extends CrmOrder {
  lineItems: CrmLineItem[];
}

export interface CustomerRepository {
  get(id: string): CrmContact | undefined;
  findByEmail(email: string): CrmContact | undefined;
  findByUsername(username: string): CrmContact | undefined;
  findByName(fullName: string): CrmContact[];
  findByOrderId(orderId: string): CrmContact | undefined;
  findByAccountId(accountId: string): CrmContact | undefined;
  search(text: string, limit?: number): CrmContact[];
  orders(contactId: string): OrderWithItems[];
  order(orderId: string): OrderWithItems | undefined;
  tickets(contactId: string): CrmTicket[];
}

export function createCustomerRepository(db: Database.Database): CustomerRepository {
  const byId = db.prepare<[string], ContactRow>('SELECT * FROM contacts WHERE id = ?');
  const byEmail = db.prepare<[string], ContactRow>('SELECT * FROM contacts WHERE email = ? COLLATE NOCASE LIMIT 1');
  const byUsername = db.prepare<[string], ContactRow>('SELECT * FROM contacts WHERE username = ? COLLATE NOCASE LIMIT 1');
  const byName = db.prepare<[string, string], ContactRow>('SELECT * FROM contacts WHERE first_name = ? COLLATE NOCASE AND last_name = ? COLLATE NOCASE LIMIT 5');
  const byAccount = db.prepare<[string], ContactRow>('SELECT * FROM contacts WHERE account_id = ? COLLATE NOCASE LIMIT 1');
  const byOrder = db.prepare<[string], ContactRow>('SELECT c.* FROM contacts c JOIN orders o ON o.contact_id = c.id WHERE o.id = ?');
  const search = db.prepare<[string, string, string, string, number], ContactRow>(
    `SELECT * FROM contacts WHERE email LIKE ? ESCAPE '\\' OR username LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\'
       OR (coalesce(first_name,'') || ' ' || coalesce(last_name,'')) LIKE ? ESCAPE '\\' LIMIT ?`,
  );
  const ordersOf = db.prepare<[string], CrmOrder>(
    `SELECT id, contact_id AS contactId, name, total, currency, status, shipping_address AS shippingAddress, placed_at AS placedAt, updated_at AS updatedAt
       FROM orders WHERE contact_id = ? ORDER BY placed_at DESC`,
  );
  const orderById = db.prepare<[string], CrmOrder>(
    `SELECT id, contact_id AS contactId, name, total, currency, status, shipping_address AS shippingAddress, placed_at AS placedAt, updated_at AS updatedAt
       FROM orders WHERE id = ?`,
  );
  const itemsOf = db.prepare<[string], CrmLineItem>(
    'SELECT id, order_id AS orderId, name, sku, quantity, price, updated_at AS updatedAt FROM line_items WHERE order_id = ? ORDER BY id',
  );
  const ticketsOf = db.prepare<[string], CrmTicket>(
    `SELECT id, contact_id AS contactId, order_id AS orderId, subject, content, stage, priority, category, created_at AS createdAt, updated_at AS updatedAt
       FROM tickets WHERE contact_id = ? ORDER BY updated_at DESC`,
  );
  const withItems = (order: CrmOrder): OrderWithItems => ({ ...order, lineItems: itemsOf.all(order.id) });
  const like = (text: string): string => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

  return {
    get: (id) => {
      const row = byId.get(id);
      return row ? toContact(row) : undefined;
    },
    findByEmail: (email) => {
      const row = byEmail.get(email.trim());
      return row ? toContact(row) : undefined;
    },
    findByUsername: (username) => {
      const row = byUsername.get(username.trim());
      return row ? toContact(row) : undefined;
    },
    findByName: (fullName) => {
      const parts = fullName.trim().split(/\s+/);
      if (parts.length < 2) return [];
      return byName.all(parts[0] ?? '', parts.slice(1).join(' ')).map(toContact);
    },
    findByOrderId: (orderId) => {
      const row = byOrder.get(orderId.trim());
      return row ? toContact(row) : undefined;
    },
    findByAccountId: (accountId) => {
      const row = byAccount.get(accountId.trim());
      return row ? toContact(row) : undefined;
    },
    search: (text, limit = 20) => {
      const pattern = like(text.trim());
      return search.all(pattern, pattern, pattern, pattern, limit).map(toContact);
    },
    orders: (contactId) => ordersOf.all(contactId).map(withItems),
    order: (orderId) => {
      const row = orderById.get(orderId);
      return row ? withItems(row) : undefined;
    },
    tickets: (contactId) => ticketsOf.all(contactId),
  };
}
