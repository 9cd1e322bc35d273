import { CoreError } from '../contract/errors';
import type { Handlers } from '../contract/index';
import type { MessageView } from '../contract/workspace';
import type { EventBus } from '../events/event-bus';
import type { CrmService } from './crm-service';
import { visitorOf } from './visitor-link';
import { announceOutboxItem } from '../sync/outbox-worker';

type WorkspaceHandlers = Pick<
  Handlers,
  | 'workspace.listConversations'
  | 'workspace.getConversation'
  | 'workspace.watchConversation'
  | 'customer.getProfile'
  | 'customer.deleteMemory'
  | 'sync.status'
  | 'sync.now'
  | 'outbox.list'
  | 'outbox.retry'
  | 'outbox.discard'
  | 'conversation.sendReply'
>;

/** One line for the profile's record of an approved action: what it did, never the customer's text. */
export function actionSummary(kind: string, payload: Record<string, unknown>): string {
  const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  switch (kind) {
    case 'request_refund':
      return `Refund of ${text(payload.amount)} for order ${text(payload.orderId)}`;
    case 'create_ticket':
      return `Ticket: ${text(payload.subject)}`;
    case 'update_ticket':
      return `Ticket ${text(payload.ticketId)} updated${payload.status ? ` to ${text(payload.status)}` : ''}`;
    case 'escalate':
      return 'Escalated to a senior agent';
    case 'update_preferences':
      return 'Contact preferences changed';
    case 'link_contact':
      return `Conversation ${text(payload.conversationId)} linked to this contact`;
    default:
      return kind.replace(/_/g, ' ');
  }
}

export function createWorkspaceHandlers(getService: () => Promise<CrmService>, events: EventBus): WorkspaceHandlers {
  const service = async (): Promise<CrmService> => {
    try {
      return await getService();
    } catch (error) {
      throw new CoreError('UNAVAILABLE', 'The customer cache could not be opened.', 'Restart the app; the log in the data folder says what went wrong.', { cause: error });
    }
  };
  return {
    'workspace.listConversations': async ({ query }) => {
      const { db } = await service();
      const needle = query?.trim().toLowerCase();
      return db.conversations
        .listOpen(500)
        .filter(
          (row) =>
            !needle ||
            [row.customerName, row.subject, row.lastMessage].some((value) => value?.toLowerCase().includes(needle)) ||
            // An agent often has only the order number the customer gave: it finds the customer's conversation.
            (needle.length >= 3 && row.contactId !== null && db.orders.forContact(row.contactId).some((order) => order.id.toLowerCase().includes(needle) || (order.name?.toLowerCase().includes(needle) ?? false))),
        )
        .map((row) => ({
          id: row.id,
          customerId: row.contactId,
          customerName: row.customerName,
          channel: row.channel,
          subject: row.subject,
          lastMessage: row.lastMessage,
          lastMessageAt: row.lastMessageAt,
          messageCount: row.messageCount,
          waitingSince: row.waitingSince,
          unread: row.unread,
        }));
    },
    'workspace.getConversation': async ({ id, before, limit }) => {
      const crm = await service();
      const { db } = crm;
      const conversation = db.conversations.get(id);
      if (!conversation) throw new CoreError('NOT_FOUND', 'That conversation is not in the cache.', 'Wait for the next sync, or check that it was not deleted in the CRM.');
      const messages = db.messages.forConversation(id, { limit: limit ?? 200, ...(before ? { before } : {}) });
      // Notes and the visitor's state come with the newest page only; an older page is messages alone.
      if (before) return { id, customerId: conversation.contactId, messages, notes: [], visitor: null };
      const notes = db.conversations.internalNotes(id).map(({ id: noteId, sender, text, createdAt }) => ({ id: noteId, sender, text, createdAt }));
      return { id, customerId: conversation.contactId, messages, notes, visitor: await visitorOf(crm, id, conversation.contactId) };
    },
    'workspace.watchConversation': async ({ id }) => {
      (await service()).watch(id);
      return { watching: id };
    },
    'customer.getProfile': async ({ id }) => {
      const crm = await service();
      const { db } = crm;
      // Agent scope caches only the customers of the agent's threads: any other is fetched on demand.
      const contact = db.contacts.get(id) ?? (await crm.fetchCustomer(id).catch(() => undefined));
      if (!contact) throw new CoreError('NOT_FOUND', 'That customer is not in the cache.', 'Wait for the next sync to finish.');
      return {
        contact: {
          id: contact.id,
          name: [contact.firstName, contact.lastName].filter(Boolean).join(' ') || (contact.email ?? contact.id),
          email: contact.email,
          phone: contact.phone,
          username: contact.username,
          membership: contact.membership,
          lifetimeValue: contact.lifetimeValue,
          address: [contact.address, contact.city, contact.state, contact.zip].filter(Boolean).join(', ') || null,
          preferences: { ...contact.preferences },
        },
        orders: db.orders.forContact(id).map((order) => ({
          id: order.id,
          name: order.name,
          status: order.status,
          total: order.total,
          currency: order.currency,
          placedAt: order.placedAt,
          items: order.lineItems.map((item) => ({ name: item.name, quantity: item.quantity, price: item.price })),
        })),
        tickets: db.tickets.forContact(id).map((ticket) => ({ id: ticket.id, subject: ticket.subject, stage: ticket.stage, priority: ticket.priority, updatedAt: ticket.updatedAt })),
        conversations: db.conversations.forContact(id).map((item) => ({ id: item.id, channel: item.channel, status: item.status, subject: item.subject, lastMessageAt: item.lastMessageAt })),
        memory: db.memory.list(id).map(({ id: memoryId, fact, source, createdAt }) => ({ id: memoryId, fact, source, createdAt })),
        actions: db.outbox
          .list({ limit: 500 })
          .filter((item) => item.customerId === id && item.kind !== 'send_reply')
          .map((item) => ({ id: item.id, kind: item.kind, summary: actionSummary(item.kind, item.payload), state: item.state, lastError: item.lastError, createdAt: item.createdAt })),
      };
    },
    'customer.deleteMemory': async ({ customerId, memoryId }) => ({ deleted: (await service()).db.memory.delete(memoryId, customerId) }),
    'sync.status': async () => (await service()).status(),
    'sync.now': async () => (await service()).syncNow(),
    'outbox.list': async () =>
      (await service()).db.outbox.list({ limit: 200 }).map((item) => ({
        id: item.id,
        target: item.target,
        kind: item.kind,
        tool: item.tool,
        deadReason: item.deadReason,
        customerId: item.customerId,
        state: item.state,
        attempts: item.attempts,
        lastError: item.lastError,
        createdAt: item.createdAt,
        idempotencyKey: item.idempotencyKey,
      })),
    'outbox.retry': async ({ id }) => {
      const crm = await service();
      const retried = crm.db.outbox.retry(id);
      if (retried) void crm.outbox.deliverDue();
      return { retried };
    },
    'outbox.discard': async ({ id }) => {
      const crm = await service();
      const discarded = crm.db.outbox.discard(id);
      const item = crm.db.outbox.get(id);
      if (discarded && item) announceOutboxItem(crm.db, events, item);
      // What waited behind it in its lane (later replies on the thread) may go now.
      if (discarded) void crm.outbox.deliverDue();
      return { discarded };
    },
    'conversation.sendReply': async ({ conversationId, text, idempotencyKey }) => {
      const crm = await service();
      const conversation = crm.db.conversations.get(conversationId);
      if (!conversation) throw new CoreError('NOT_FOUND', 'That conversation is not in the cache.', 'Reopen it from the queue.');
      const localId = `local-${idempotencyKey}`;
      const fresh: MessageView = { id: localId, direction: 'outgoing', sender: 'You', text, createdAt: new Date().toISOString(), delivery: 'pending' };
      // The local copy and the outbox entry commit together: the reply is never shown as sent without being queued.
      // A key already used answers with the reply it queued, so a repeated send never sends twice.
      const message = crm.db.transaction((): MessageView => {
        const earlier = crm.db.conversations.message(localId);
        if (earlier) {
          if (earlier.conversationId !== conversationId || earlier.text !== text) {
            throw new CoreError('INVALID_INPUT', 'That reply key was already used for another reply.', 'Send the reply again from the composer.');
          }
          return { id: earlier.id, direction: earlier.direction, sender: earlier.sender, text: earlier.text, createdAt: earlier.createdAt, delivery: earlier.delivery };
        }
        crm.db.conversations.addLocalMessage({ ...fresh, conversationId });
        crm.db.outbox.enqueue({
          customerId: conversation.contactId ?? 'unknown',
          kind: 'send_reply',
          payload: { conversationId, text, localMessageId: localId },
          idempotencyKey: `reply:${localId}`,
        });
        return fresh;
      });
      events.emit('conversation.message', { conversationId, message });
      void crm.outbox.deliverDue();
      return message;
    },
  };
}
