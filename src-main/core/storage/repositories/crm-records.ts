import type Database from 'better-sqlite3';
import type { CrmContact, CrmConversation, CrmLineItem, CrmMessage, CrmObjectType, CrmOrder, CrmRecordOf, CrmTicket } from '../../crm/records';
import { multiRowStatement, type MultiRowStatement } from './multi-row';

/**
 * Upserts that never let an older version overwrite a newer one, so replayed, duplicated
 * and out-of-order pages leave the tables as they were. A record that arrives without an
 * association (some CRM endpoints omit them) keeps the one already stored.
 */
export interface CrmRecordWriter {
  upsert<T extends CrmObjectType>(type: T, records: CrmRecordOf[T][]): void;
  /** Returns the messages that were new to the cache; internal notes go to their own table and are not returned. */
  upsertMessages(messages: CrmMessage[]): CrmMessage[];
  /** Records the CRM deleted (archived). */
  remove(type: CrmObjectType, ids: string[]): void;
  /** A merged contact: the survivor takes over its orders, tickets and conversations, and the merged one goes. */
  mergeContacts(merges: { from: string; to: string }[]): void;
}

/** A row's values in its table's column order; null where the CRM sent nothing. */
const rowOf = {
  contacts: (c: CrmContact): unknown[] => [c.id, c.email ?? null, c.firstName ?? null, c.lastName ?? null, c.phone ?? null, c.username ?? null, c.accountId ?? null, c.address ?? null, c.city ?? null, c.state ?? null, c.zip ?? null, c.membership, c.lifetimeValue, JSON.stringify(c.preferences), c.updatedAt],
  orders: (o: CrmOrder): unknown[] => [o.id, o.contactId ?? null, o.name ?? null, o.total, o.currency, o.status, o.shippingAddress ?? null, o.placedAt ?? null, o.updatedAt],
  line_items: (l: CrmLineItem): unknown[] => [l.id, l.orderId ?? null, l.name, l.sku ?? null, l.quantity, l.price, l.updatedAt],
  tickets: (t: CrmTicket): unknown[] => [t.id, t.contactId ?? null, t.orderId ?? null, t.subject, t.content, t.stage, t.priority ?? null, t.category ?? null, t.createdAt ?? null, t.updatedAt],
  conversations: (c: CrmConversation): unknown[] => [c.id, c.contactId ?? null, c.channel, c.status, c.subject ?? null, c.createdAt ?? null, c.lastMessageAt ?? null, c.updatedAt],
} satisfies { [T in CrmObjectType]: (record: CrmRecordOf[T]) => unknown[] };

export function createCrmRecordWriter(db: Database.Database): CrmRecordWriter {
  // Multi-row upserts: one statement per chunk of a page rather than one per record.
  const upserts: Record<CrmObjectType, MultiRowStatement> = {
    contacts: multiRowStatement(
      db,
      15,
      (values) => `
    INSERT INTO contacts (id, email, first_name, last_name, phone, username, account_id, address, city, state, zip, membership, lifetime_value, preferences, updated_at)
    VALUES ${values}
    ON CONFLICT(id) DO UPDATE SET email=excluded.email, first_name=excluded.first_name, last_name=excluded.last_name, phone=excluded.phone,
      username=excluded.username, account_id=excluded.account_id, address=excluded.address, city=excluded.city, state=excluded.state, zip=excluded.zip,
      membership=excluded.membership, lifetime_value=excluded.lifetime_value, preferences=excluded.preferences, updated_at=excluded.updated_at
    WHERE excluded.updated_at >= contacts.updated_at`,
    ),
    orders: multiRowStatement(
      db,
      9,
      (values) => `
    INSERT INTO orders (id, contact_id, name, total, currency, status, shipping_address, placed_at, updated_at)
    VALUES ${values}
    ON CONFLICT(id) DO UPDATE SET contact_id=coalesce(excluded.contact_id, orders.contact_id), name=excluded.name, total=excluded.total, currency=excluded.currency,
      status=excluded.status, shipping_address=excluded.shipping_address, placed_at=excluded.placed_at, updated_at=excluded.updated_at
    WHERE excluded.updated_at >= orders.updated_at`,
    ),
    line_items: multiRowStatement(
      db,
      7,
      (values) => `
    INSERT INTO line_items (id, order_id, name, sku, quantity, price, updated_at)
    VALUES ${values}
    ON CONFLICT(id) DO UPDATE SET order_id=coalesce(excluded.order_id, line_items.order_id), name=excluded.name, sku=excluded.sku, quantity=excluded.quantity,
      price=excluded.price, updated_at=excluded.updated_at
    WHERE excluded.updated_at >= line_items.updated_at`,
    ),
    tickets: multiRowStatement(
      db,
      10,
      (values) => `
    INSERT INTO tickets (id, contact_id, order_id, subject, content, stage, priority, category, created_at, updated_at)
    VALUES ${values}
    ON CONFLICT(id) DO UPDATE SET contact_id=coalesce(excluded.contact_id, tickets.contact_id), order_id=coalesce(excluded.order_id, tickets.order_id), subject=excluded.subject, content=excluded.content,
      stage=excluded.stage, priority=excluded.priority, category=excluded.category, created_at=excluded.created_at, updated_at=excluded.updated_at
    WHERE excluded.updated_at >= tickets.updated_at`,
    ),
    conversations: multiRowStatement(
      db,
      8,
      (values) => `
    INSERT INTO conversations (id, contact_id, channel, status, subject, created_at, last_message_at, updated_at)
    VALUES ${values}
    ON CONFLICT(id) DO UPDATE SET contact_id=coalesce(excluded.contact_id, conversations.contact_id), channel=excluded.channel, status=excluded.status, subject=excluded.subject,
      created_at=excluded.created_at, last_message_at=excluded.last_message_at, updated_at=excluded.updated_at
    WHERE excluded.updated_at >= conversations.updated_at`,
    ),
  };
  // Messages never change once sent. The CRM's copy of a reply sent from here is already stored under its local id.
  // RETURNING names the rows that were new, which the UI is told about.
  const messages = multiRowStatement(
    db,
    6,
    (values) => `
    INSERT INTO messages (id, conversation_id, direction, sender, text, created_at, delivery)
    SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, 'delivered' FROM (VALUES ${values}) AS v
    WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.crm_id = v.column1)
    ON CONFLICT(id) DO NOTHING RETURNING id`,
    true,
  );
  const notes = multiRowStatement(db, 5, (values) => `INSERT INTO internal_notes (id, conversation_id, sender, text, created_at) VALUES ${values} ON CONFLICT(id) DO NOTHING`);
  const tables: Record<CrmObjectType, string> = { contacts: 'contacts', orders: 'orders', line_items: 'line_items', tickets: 'tickets', conversations: 'conversations' };
  const removeStatements = Object.fromEntries(Object.entries(tables).map(([type, table]) => [type, db.prepare<[string]>(`DELETE FROM ${table} WHERE id = ?`)])) as Record<CrmObjectType, Database.Statement<[string]>>;
  const removeMessages = db.prepare<[string]>('DELETE FROM messages WHERE conversation_id = ?');
  const removeNotes = db.prepare<[string]>('DELETE FROM internal_notes WHERE conversation_id = ?');
  const repoint = ['orders', 'tickets', 'conversations', 'conversation_links'].map((table) => db.prepare<[string, string]>(`UPDATE ${table} SET contact_id = ? WHERE contact_id = ?`));
  return {
    remove(type, ids) {
      for (const id of ids) {
        removeStatements[type].run(id);
        if (type === 'conversations') {
          removeMessages.run(id);
          removeNotes.run(id);
        }
      }
    },
    mergeContacts(merges) {
      for (const { from, to } of merges) {
        for (const statement of repoint) statement.run(to, from);
        removeStatements.contacts.run(from);
      }
    },
    upsert(type, records) {
      if (records.length === 0) return;
      const row = rowOf[type] as (record: CrmRecordOf[typeof type]) => unknown[];
      upserts[type].run(records.map(row));
    },
    upsertMessages(values) {
      const customer: unknown[][] = [];
      const internal: unknown[][] = [];
      for (const value of values) {
        if (value.kind === 'note') internal.push([value.id, value.conversationId, value.sender ?? null, value.text, value.createdAt]);
        else customer.push([value.id, value.conversationId, value.direction, value.sender ?? null, value.text, value.createdAt]);
      }
      if (internal.length > 0) notes.run(internal);
      if (customer.length === 0) return [];
      const inserted = new Set((messages.run(customer) as { id: string }[]).map((row) => row.id));
      // A page may carry the same message twice: the first copy is the new one.
      return values.filter((value) => value.kind !== 'note' && inserted.delete(value.id));
    },
  };
}
