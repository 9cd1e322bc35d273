export type { CrmConnector, OutboxAction, PulledPage, RejectedRecord, SyncCursor } from './connector';
export { CrmHttpError, createHttpClient, parseRetryAfter, type RetryPolicy } from './http-client';
export { createHubSpotConnector, type HubSpotConnectorOptions } from './hubspot/connector';
export * from './records';
