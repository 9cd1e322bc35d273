import type { Migration } from './migration';

/** CRM ids are TEXT everywhere: HubSpot's 64-bit ids do not survive a JavaScript number. */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial cache schema',
  up: `
    CREATE TABLE contacts (
      id TEXT PRIMARY KEY,
      email TEXT, first_name TEXT, last_name TEXT, phone TEXT, username TEXT, account_id TEXT,
      address TEXT, city TEXT, state TEXT, zip TEXT,
      membership TEXT NOT NULL DEFAULT 'guest',
      lifetime_value REAL NOT NULL DEFAULT 0,
      preferences TEXT NOT NULL DEFAULT '{}',
      updated_at TEXT NOT NULL
    );
    CREATE INDEX contacts_email ON contacts(email COLLATE NOCASE);
    CREATE INDEX contacts_username ON contacts(username COLLATE NOCASE);
    CREATE INDEX contacts_name ON contacts(last_name COLLATE NOCASE, first_name COLLATE NOCASE);

    CREATE TABLE orders (
      id TEXT PRIMARY KEY,
      contact_id TEXT,
      name TEXT, total REAL NOT NULL DEFAULT 0, currency TEXT NOT NULL DEFAULT 'USD',
      status TEXT NOT NULL, shipping_address TEXT, placed_at TEXT,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX orders_contact ON orders(contact_id);

    CREATE TABLE line_items (
      id TEXT PRIMARY KEY,
      order_id TEXT,
      name TEXT NOT NULL, sku TEXT, quantity INTEGER NOT NULL DEFAULT 1, price REAL NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX line_items_order ON line_items(order_id);

    CREATE TABLE tickets (
      id TEXT PRIMARY KEY,
      contact_id TEXT, order_id TEXT,
      subject TEXT NOT NULL, content TEXT NOT NULL DEFAULT '', stage TEXT NOT NULL, priority TEXT, category TEXT,
      created_at TEXT, updated_at TEXT NOT NULL
    );
    CREATE INDEX tickets_contact ON tickets(contact_id);

    CREATE TABLE conversations (
      id TEXT PRIMARY KEY,
      contact_id TEXT, channel TEXT NOT NULL, status TEXT NOT NULL, subject TEXT,
      created_at TEXT, last_message_at TEXT, updated_at TEXT NOT NULL
    );
    CREATE INDEX conversations_open ON conversations(status, last_message_at);
    CREATE INDEX conversations_contact ON conversations(contact_id);

    CREATE TABLE messages (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL,
      direction TEXT NOT NULL, sender TEXT, text TEXT NOT NULL, created_at TEXT NOT NULL,
      delivery TEXT NOT NULL DEFAULT 'delivered'
    );
    CREATE INDEX messages_conversation ON messages(conversation_id, created_at);

    CREATE TABLE articles (
      id TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, url TEXT, tags TEXT NOT NULL DEFAULT '[]', updated_at TEXT NOT NULL
    );

    CREATE TABLE sync_cursors (
      source TEXT NOT NULL, object_type TEXT NOT NULL, cursor TEXT NOT NULL, phase TEXT NOT NULL, updated_at TEXT NOT NULL,
      PRIMARY KEY (source, object_type)
    );

    CREATE TABLE quarantine (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      source TEXT NOT NULL, object_type TEXT NOT NULL, record_id TEXT, reason TEXT NOT NULL, raw TEXT NOT NULL, at TEXT NOT NULL
    );

    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      payload TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      state TEXT NOT NULL DEFAULT 'pending',
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      created_at TEXT NOT NULL,
      next_attempt_at TEXT NOT NULL,
      delivered_at TEXT,
      result TEXT
    );
    CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

    CREATE TABLE customer_memory (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id TEXT NOT NULL, fact TEXT NOT NULL, source TEXT NOT NULL, created_at TEXT NOT NULL,
      UNIQUE (customer_id, fact)
    );
  `,
};
