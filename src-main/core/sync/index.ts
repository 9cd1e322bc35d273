export { createOutboxWorker, type DeliveryReport, type OutboxWorker } from './outbox-worker';
export { createSyncEngine, describeSyncError, type SyncEngine, type SyncReport } from './sync-engine';
