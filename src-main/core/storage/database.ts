import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations/index';
import { createConversationRepository, type ConversationRepository } from './repositories/conversations';
import { createCrmRecordWriter, type CrmRecordWriter } from './repositories/crm-records';
import { createCustomerRepository, type CustomerRepository } from './repositories/customers';
import { createMemoryRepository, type MemoryRepository } from './repositories/memory';
import { createOutboxRepository, type OutboxRepository } from './repositories/outbox';
import { createSyncStateRepository, type SyncStateRepository } from './repositories/sync-state';

export interface CacheDatabase {
  readonly db: Database.Database;
  readonly records: CrmRecordWriter;
  readonly customers: CustomerRepository;
  readonly conversations: ConversationRepository;
  readonly outbox: OutboxRepository;
  readonly syncState: SyncStateRepository;
  readonly memory: MemoryRepository;
  transaction<T>(work: () => T): T;
  close(): void;
}

/**
 * The local cache. WAL so the UI reads while sync writes; synchronous=FULL because the outbox
 * and approvals live here and an approved refund must survive a power cut, at the price of one
 * fsync per transaction, which batching a whole page per transaction keeps cheap.
 */
export function openCacheDatabase(file: string): CacheDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return {
    db,
    records: createCrmRecordWriter(db),
    customers: createCustomerRepository(db),
    conversations: createConversationRepository(db),
    outbox: createOutboxRepository(db),
    syncState: createSyncStateRepository(db),
    memory: createMemoryRepository(db),
    transaction: (work) => db.transaction(work)(),
    close: () => db.close(),
  };
}
