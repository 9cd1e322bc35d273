export { enqueueAction } from '../storage/enqueue-action';
export { createOutboxWorker, outboxBackoffMs, type DeliveryReport, type OutboxWorker } from './outbox-worker';
export { createSyncEngine, describeSyncError, maxBatchPages, type SyncEngine, type SyncReport } from './sync-engine';
