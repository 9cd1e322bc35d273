export { openCacheDatabase, type CacheDatabase } from './database';
export { migrate, migrations } from './migrations/index';
export type { ConversationSummaryRow, StoredMessage } from './repositories/conversations';
export type { OrderWithItems } from './repositories/customers';
export type { MemoryFact } from './repositories/memory';
export { outboxKinds, type OutboxItem, type OutboxKind, type OutboxState } from './repositories/outbox';
