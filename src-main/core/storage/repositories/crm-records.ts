import type Database from 'better-sqlite3';
import type { CrmContact, CrmConversation, CrmLineItem, CrmMessage, CrmObjectType, CrmOrder, CrmRecordOf, CrmTicket } from '../../crm/records';

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

export function createCrmRecordWriter(db: Database.Database): CrmRecordWriter {
  const contact = db.prepare<CrmContact & { preferencesJson: string }>(`
    INSERT INTO contacts (id, email, first_name, last_name, phone, username, account_id, address, city, state, zip, membership, lifetime_value, preferences, updated_at)
    VALUES (@id, @email, @firstName, @lastName, @phone, @username, @accountId, @address, @city, @state, @zip, @membership, @lifetimeValue, @preferencesJson, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET email=excluded.email, first_name=excluded.first_name, last_name=excluded.last_name, phone=excluded.phone,
      username=excluded.username, account_id=excluded.account_id, address=excluded.address, city=excluded.city, state=excluded.state, zip=excluded.zip,
      membership=excluded.membership, lifetime_value=excluded.lifetime_value, preferences=excluded.preferences, updated_at=excluded.updated_at
    WHERE excluded.updated_at >= contacts.updated_at`);
  const order = db.prepare<CrmOrder>(`
    INSERT INTO orders (id, contact_id, name, total, currency, status, shipping_address, placed_at, updated_at)
    VALUES (@id, @contactId, @name, @total, @currency, @status, @shippingAddress, @placedAt, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET contact_id=coalesce(excluded.contact_id, orders.contact_id), name=excluded.name, total=excluded.total, currency=excluded.currency,
      status=excluded.status, shipping_address=excluded.shipping_address, placed_at=excluded.placed_at, updated_at=excluded.updated_at
    WHERE excluded.updated_at >= orders.updated_at`);
  const lineItem = db.prepare<CrmLineItem>(`
    INSERT INTO line_items (id, order_id, name, sku, quantity, price, updated_at)
    VALUES (@id, @orderId, @name, @sku, @quantity, @price, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET order_id=coalesce(excluded.order_id, line_items.order_id), name=excluded.name, sku=excluded.sku, quantity=excluded.quantity,
      price=excluded.price, updated_at=excluded.updated_at
    WHERE excluded.updated_at >= line_items.updated_at`);
  const ticket = db.prepare<CrmTicket>(`
    INSERT INTO tickets (id, contact_id, order_id, subject, content, stage, priority, category, created_at, updated_at)
    VALUES (@id, @contactId, @orderId, @subject, @content, @stage, @priority, @category, @createdAt, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET contact_id=coalesce(excluded.contact_id, tickets.contact_id), order_id=coalesce(excluded.order_id, tickets.order_id), subject=excluded.subject, content=excluded.content,
      stage=excluded.stage, priority=excluded.priority, category=excluded.category, created_at=excluded.created_at, updated_at=excluded.updated_at
    WHERE excluded.updated_at >= tickets.updated_at`);
  const conversation = db.prepare<CrmConversation>(`
    INSERT INTO conversations (id, contact_id, channel, status, subject, created_at, last_message_at, updated_at)
    VALUES (@id, @contactId, @channel, @status, @subject, @createdAt, @lastMessageAt, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET contact_id=coalesce(excluded.contact_id, conversations.contact_id), channel=excluded.channel, status=excluded.status, subject=excluded.subject,
      created_at=excluded.created_at, last_message_at=excluded.last_message_at, updated_at=excluded.updated_at
    WHERE excluded.updated_at >= conversations.updated_at`);
  // Messages never change once sent. The CRM's copy of a reply sent from here is already stored under its local id.
  const message = db.prepare<Omit<CrmMessage, 'kind'>>(`
    INSERT INTO messages (id, conversation_id, direction, sender, text, created_at, delivery)
    SELECT @id, @conversationId, @direction, @sender, @text, @createdAt, 'delivered'
    WHERE NOT EXISTS (SELECT 1 FROM messages WHERE crm_id = @id)
    ON CONFLICT(id) DO NOTHING`);

  const note = db.prepare<Omit<CrmMessage, 'kind'>>(`INSERT INTO internal_notes (id, conversation_id, sender, text, created_at) VALUES (@id, @conversationId, @sender, @text, @createdAt) ON CONFLICT(id) DO NOTHING`);
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
      for (const record of records) {
        switch (type) {
          case 'contacts': {
            const value = record as CrmContact;
            contact.run({ ...value, preferencesJson: JSON.stringify(value.preferences) });
            break;
          }
          case 'orders':
            order.run(record as CrmOrder);
            break;
          case 'line_items':
            lineItem.run(record as CrmLineItem);
            break;
          case 'tickets':
            ticket.run(record as CrmTicket);
            break;
          case 'conversations':
            conversation.run(record as CrmConversation);
            break;
        }
      }
    },
    upsertMessages(messages) {
      const fresh: CrmMessage[] = [];
      for (const value of messages) {
        const { kind, ...row } = value;
        if (kind === 'note') note.run(row);
        else if (message.run(row).changes > 0) fresh.push(value);
      }
      return fresh;
    },
  };
}
