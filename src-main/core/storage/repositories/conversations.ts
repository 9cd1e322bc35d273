import type Database from 'better-sqlite3';
import type { CrmConversation, CrmMessage } from '../../crm/records';

/** A message as the cache holds it: the CRM's fields plus its delivery state (replies typed here start pending). */
export interface StoredMessage extends CrmMessage {
  delivery: 'pending' | 'delivered' | 'failed';
}

export interface ConversationSummaryRow extends CrmConversation {
  customerName: string | null;
  lastMessage: string | null;
  messageCount: number;
  /** The first customer message not yet answered; null when the last word was ours. */
  waitingSince: string | null;
  /** Customer messages since our last reply. */
  unread: number;
}

export interface ConversationRepository {
  listOpen(limit?: number): ConversationSummaryRow[];
  get(id: string): CrmConversation | undefined;
  forContact(contactId: string): CrmConversation[];
  messages(conversationId: string, options?: { limit?: number; before?: string }): StoredMessage[];
  /** One message by its id (a local reply is `local-<idempotency key>`). */
  message(id: string): StoredMessage | undefined;
  /** The conversation in which a customer wrote exactly this text (a replay finds its seeded thread by its first line). */
  withIncomingText(text: string): string | undefined;
  addLocalMessage(message: StoredMessage): void;
  setDelivery(id: string, delivery: StoredMessage['delivery']): void;
  /** The CRM accepted a reply stored under `localId`: remember its CRM id so the CRM's copy is not stored twice. */
  confirmSent(localId: string, crmId: string | null): void;
  /** The team's internal notes on the thread (HubSpot's COMMENTs), oldest first: never shown as sent to the customer. */
  internalNotes(conversationId: string, limit?: number): InternalNote[];
  /**
   * The agent linked a visitor's thread to a contact: kept apart from the synced row, so a sync does not undo it,
   * and in force only while the CRM still names `visitorId` as the thread's contact.
   */
  linkContact(link: { conversationId: string; visitorId: string | null; contactId: string }): void;
}

export interface InternalNote {
  id: string;
  conversationId: string;
  sender: string | null;
  text: string;
  createdAt: string;
}

/** A thread's contact: the agent's link while the CRM still names the visitor it was made for, else the CRM's. */
const contactOf = `CASE WHEN l.contact_id IS NOT NULL AND l.visitor_id IS c.contact_id THEN l.contact_id ELSE c.contact_id END`;
const linked = `LEFT JOIN conversation_links l ON l.conversation_id = c.id`;
const conversationColumns = `c.id, ${contactOf} AS contactId, c.channel, c.status, c.subject, c.created_at AS createdAt,
  c.last_message_at AS lastMessageAt, c.updated_at AS updatedAt`;

export function createConversationRepository(db: Database.Database): ConversationRepository {
  const listOpen = db.prepare<[number], ConversationSummaryRow>(`
    SELECT ${conversationColumns},
      nullif(trim(coalesce(k.first_name,'') || ' ' || coalesce(k.last_name,'')), '') AS customerName,
      (SELECT text FROM messages m WHERE m.conversation_id = c.id ORDER BY created_at DESC, id DESC LIMIT 1) AS lastMessage,
      (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) AS messageCount,
      (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'incoming' AND m.created_at > c.replied_at) AS waitingSince,
      (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'incoming' AND m.created_at > c.replied_at) AS unread
    FROM (SELECT *, coalesce((SELECT max(o.created_at) FROM messages o WHERE o.conversation_id = conversations.id AND o.direction = 'outgoing'), '') AS replied_at
          FROM conversations WHERE status = 'open') c
    ${linked}
    LEFT JOIN contacts k ON k.id = ${contactOf}
    ORDER BY c.last_message_at DESC LIMIT ?`);
  const byId = db.prepare<[string], CrmConversation>(`SELECT ${conversationColumns} FROM conversations c ${linked} WHERE c.id = ?`);
  // Two indexed halves: the CRM's own contact (unless a link moved the thread away), and the threads linked to it.
  const byContact = db.prepare<[string, string], CrmConversation>(`
    SELECT * FROM (
      SELECT ${conversationColumns} FROM conversations c ${linked} WHERE c.contact_id = ? AND NOT (l.contact_id IS NOT NULL AND l.visitor_id IS c.contact_id)
      UNION
      SELECT ${conversationColumns} FROM conversation_links l JOIN conversations c ON c.id = l.conversation_id WHERE l.contact_id = ? AND l.visitor_id IS c.contact_id
    ) ORDER BY lastMessageAt DESC`);
  const notes = db.prepare<[string, number], InternalNote>(`
    SELECT * FROM (SELECT id, conversation_id AS conversationId, sender, text, created_at AS createdAt
      FROM internal_notes WHERE conversation_id = ? ORDER BY created_at DESC, id DESC LIMIT ?) ORDER BY createdAt, id`);
  const link = db.prepare<[string, string | null, string, string]>(`
    INSERT INTO conversation_links (conversation_id, visitor_id, contact_id, linked_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(conversation_id) DO UPDATE SET visitor_id = excluded.visitor_id, contact_id = excluded.contact_id, linked_at = excluded.linked_at`);
  const latest = db.prepare<[string, number], StoredMessage>(`
    SELECT * FROM (SELECT id, conversation_id AS conversationId, direction, sender, text, created_at AS createdAt, delivery
      FROM messages WHERE conversation_id = ? ORDER BY created_at DESC, id DESC LIMIT ?) ORDER BY createdAt, id`);
  const before = db.prepare<[string, string, number], StoredMessage>(`
    SELECT * FROM (SELECT id, conversation_id AS conversationId, direction, sender, text, created_at AS createdAt, delivery
      FROM messages WHERE conversation_id = ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT ?) ORDER BY createdAt, id`);
  const oneMessage = db.prepare<[string], StoredMessage>(`
    SELECT id, conversation_id AS conversationId, direction, sender, text, created_at AS createdAt, delivery FROM messages WHERE id = ?`);
  const byIncomingText = db.prepare<[string], { id: string }>("SELECT conversation_id AS id FROM messages WHERE direction = 'incoming' AND text = ? LIMIT 1");
  const insertLocal = db.prepare<StoredMessage>(`
    INSERT INTO messages (id, conversation_id, direction, sender, text, created_at, delivery)
    VALUES (@id, @conversationId, @direction, @sender, @text, @createdAt, @delivery) ON CONFLICT(id) DO NOTHING`);
  const delivery = db.prepare<[string, string]>('UPDATE messages SET delivery = ? WHERE id = ?');
  // If a sync stored the CRM's copy first, that copy goes and the local row (the one the UI shows) stays.
  const dropCrmCopy = db.prepare<[string, string]>('DELETE FROM messages WHERE id = ? AND EXISTS (SELECT 1 FROM messages WHERE id = ?)');
  const confirm = db.prepare<[string | null, string]>("UPDATE messages SET crm_id = ?, delivery = 'delivered' WHERE id = ?");
  return {
    listOpen: (limit = 200) => listOpen.all(limit),
    get: (id) => byId.get(id),
    forContact: (contactId) => byContact.all(contactId, contactId),
    messages: (conversationId, options = {}) =>
      options.before ? before.all(conversationId, options.before, options.limit ?? 200) : latest.all(conversationId, options.limit ?? 200),
    message: (id) => oneMessage.get(id),
    withIncomingText: (text) => byIncomingText.get(text)?.id,
    addLocalMessage: (message) => {
      insertLocal.run(message);
    },
    setDelivery: (id, value) => {
      delivery.run(value, id);
    },
    confirmSent: (localId, crmId) => {
      if (crmId) dropCrmCopy.run(crmId, localId);
      confirm.run(crmId, localId);
    },
    internalNotes: (conversationId, limit = 200) => notes.all(conversationId, limit),
    linkContact: ({ conversationId, visitorId, contactId }) => {
      link.run(conversationId, visitorId, contactId, new Date().toISOString());
    },
  };
}
