export { openCacheDatabase, type CacheDatabase, type ContactRepository, type MessageRepository, type OrderRepository, type TicketRepository } from './database';
export { enqueueAction, type OutboxAction } from './enqueue-action';
export { migrate, migrations } from './migrations/index';
export type { ArticleRepository, StoredArticle, StoredArticleEntry } from './repositories/articles';
export type { ConversationSummaryRow, StoredMessage } from './repositories/conversations';
export type { OrderWithItems } from './repositories/customers';
export type { MemoryFact } from './repositories/memory';
export { outboxKinds, type OutboxItem, type OutboxKind, type OutboxState } from './repositories/outbox';
export type { ActivityCounts, ConversationActivity, DecisionOutcome, ReplyOutcome } from './repositories/activity';
