import { closeConnections, openConnection, registerConnection } from './connection';
import { migrate } from './migrations/index';
import { createActivityRepository, type ActivityRepository } from './repositories/activity';
import { createApprovalRepository, type ApprovalRepository } from './repositories/approvals';
import { createArticleRepository, type ArticleRepository } from './repositories/articles';
import { createConversationRepository, type ConversationRepository, type StoredMessage } from './repositories/conversations';
import { createTableCounter, type TableCounts } from './repositories/counts';
import { createCrmRecordWriter, type CrmRecordWriter } from './repositories/crm-records';
import { createCustomerRepository, type CustomerRepository, type OrderWithItems } from './repositories/customers';
import { createMemoryRepository, type MemoryRepository } from './repositories/memory';
import { createOutboxRepository, type OutboxRepository } from './repositories/outbox';
import { createSyncStateRepository, type SyncStateRepository } from './repositories/sync-state';
import type { CrmTicket } from '../crm/records';

export type ContactRepository = Pick<CustomerRepository, 'get' | 'findByEmail' | 'findByUsername' | 'findByName' | 'findByOrderId' | 'search'>;
export interface OrderRepository {
  forContact(contactId: string): OrderWithItems[];
  /** With its line items. */
  get(orderId: string): OrderWithItems | undefined;
}
export interface TicketRepository {
  forContact(contactId: string): CrmTicket[];
}
export interface MessageRepository {
  /** The newest `limit` messages (before `before`, an ISO time, when given), oldest first. */
  forConversation(conversationId: string, options?: { limit?: number; before?: string }): StoredMessage[];
}

/**
 * The one owner of SQLite: every table is reached through a repository here, and the connection never leaves storage/
 * (the checkpoint saver and the inspection helpers beside this file reach it through connection.ts).
 */
export interface CacheDatabase {
  /** The database file, or ':memory:': the sync's writer thread opens its own connection to the same file. */
  readonly file: string;
  readonly records: CrmRecordWriter;
  readonly contacts: ContactRepository;
  readonly orders: OrderRepository;
  readonly tickets: TicketRepository;
  readonly conversations: ConversationRepository;
  readonly messages: MessageRepository;
  readonly articles: ArticleRepository;
  /** Contacts, orders and tickets in one object; the same queries as `contacts`, `orders` and `tickets`. */
  readonly customers: CustomerRepository;
  readonly outbox: OutboxRepository;
  readonly syncState: SyncStateRepository;
  readonly memory: MemoryRepository;
  readonly activity: ActivityRepository;
  /** The agent's decisions on the copilot's proposals; written with their outbox rows (enqueue-action.ts). */
  readonly approvals: ApprovalRepository;
  /** Rows per CRM table. */
  counts(): TableCounts;
  /** SQLite's own check of the file: 'ok', or what is damaged. */
  integrityCheck(): string;
  transaction<T>(work: () => T): T;
  /**
   * For data the CRM can send again (a synced page and its cursor): commits without waiting for
   * the disk. A power cut may undo the last pages, never half of one, and the sync fetches them again.
   */
  refetchableTransaction<T>(work: () => T): T;
  close(): void;
}

/**
 * The local cache. WAL so the UI reads while sync writes; synchronous=FULL because the outbox
 * and approvals live here and an approved refund must survive a power cut, at the price of one
 * fsync per transaction. Synced pages skip that fsync (refetchableTransaction): the cursor commits
 * with its page, so whatever a power cut undoes is fetched again, and the next durable commit
 * flushes them anyway since the WAL is written in order.
 */
export function openCacheDatabase(file: string): CacheDatabase {
  const db = openConnection(file, true);
  migrate(db);
  const customers = createCustomerRepository(db);
  const conversations = createConversationRepository(db);
  const cache: CacheDatabase = {
    file,
    records: createCrmRecordWriter(db),
    contacts: {
      get: customers.get,
      findByEmail: customers.findByEmail,
      findByUsername: customers.findByUsername,
      findByName: customers.findByName,
      findByOrderId: customers.findByOrderId,
      search: customers.search,
    },
    orders: { forContact: customers.orders, get: customers.order },
    tickets: { forContact: customers.tickets },
    conversations,
    messages: { forConversation: conversations.messages },
    articles: createArticleRepository(db),
    customers,
    outbox: createOutboxRepository(db),
    syncState: createSyncStateRepository(db),
    memory: createMemoryRepository(db),
    activity: createActivityRepository(db),
    approvals: createApprovalRepository(db),
    counts: createTableCounter(db),
    integrityCheck: () => String(db.pragma('integrity_check', { simple: true })),
    transaction: (work) => db.transaction(work)(),
    refetchableTransaction: (work) => {
      db.pragma('synchronous = NORMAL');
      try {
        return db.transaction(work)();
      } finally {
        db.pragma('synchronous = FULL');
      }
    },
    close: () => closeConnections(cache),
  };
  registerConnection(cache, db, file);
  return cache;
}
