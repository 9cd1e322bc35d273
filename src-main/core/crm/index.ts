export type { CrmConnector, DeliveryContext, OutboxAction, PulledPage, RejectedRecord, RelatedRecords, SyncCursor } from './connector';
export { CrmHttpError, createHttpClient, parseRetryAfter, type RateLimitPolicy, type RetryPolicy } from './http-client';
export { createRatePacer, type RatePacerOptions } from './rate-pacer';
export { createHubSpotConnector, syncDefaults, type HubSpotConnector, type HubSpotConnectorOptions } from './hubspot/connector';
export type { SyncScope } from './hubspot/conversation-sync';
export { PortalSetupError, type PortalInbox, type PortalOwner } from './hubspot/portal-setup';
export * from './records';
