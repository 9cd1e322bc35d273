import type { CrmConnector } from '../crm/connector';
import { CrmHttpError } from '../crm/http-client';
import type { EventBus } from '../events/event-bus';
import { silentLogger, type Logger } from '../log/logger';
import { createOutboxDelivery, type Deliverer, type OutboxDelivery, type OutboxStore } from '../outbox/delivery-loop';
import { crmActionKinds, type CrmActionKind, type OutboxItem } from '../outbox/model';
import type { CacheDatabase } from '../storage/database';

export { outboxBackoffMs, type DeliveryReport } from '../outbox/delivery-loop';
export type OutboxWorker = OutboxDelivery;

function crmIdOf(result: unknown): string | null {
  if (result && typeof result === 'object' && 'id' in result) {
    const id = (result as { id: unknown }).id;
    if (typeof id === 'string' && id.length <= 64) return id;
  }
  return null;
}

/** The cache database's outbox as the delivery loop's store. */
export function outboxStoreOf(db: CacheDatabase): OutboxStore {
  return { ...db.outbox, transaction: (work) => db.transaction(work) };
}

/** HubSpot's own words from an error body (`{"status":"error","message":…}`), rather than the JSON around them. */
function crmWords(error: CrmHttpError): string {
  const body = /^The CRM answered \d+: (\{.*)$/s.exec(error.message)?.[1];
  if (!body) return error.message;
  try {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    return typeof message === 'string' && message.trim() ? message.trim().slice(0, 300) : error.message;
  } catch {
    // A body cut off at 300 characters is not JSON: shown as it came.
    return error.message;
  }
}

/** A CRM failure in the outbox's terms: a 4xx (other than 429) is HubSpot saying no, and saying it again each time. */
function classifyCrmFailure(error: unknown) {
  if (!(error instanceof CrmHttpError)) return undefined;
  if (!error.retryable) return { permanent: true, reason: `The CRM refused it${error.status ? ` (${error.status})` : ''}: ${crmWords(error)}` };
  return { permanent: false, reason: error.message, offline: error.status === 0 && !error.ambiguous };
}

/**
 * Delivers approved side effects to the CRM so each lands once: HubSpot ignores Idempotency-Key, so a
 * retry tells the connector that an earlier try may have landed, and the connector finds it before
 * sending again (see the README). Posts to a thread keep their order; nothing else waits (see laneOf).
 */
export function createCrmDeliverer(options: { db: CacheDatabase; connector: CrmConnector; events?: EventBus }): Deliverer {
  const { db, connector } = options;

  /** Preferences are one JSON property in the CRM: send the whole object, the change merged into what we hold. */
  function payloadFor(item: OutboxItem): Record<string, unknown> {
    if (item.kind !== 'update_preferences') return item.payload;
    const change = item.payload.preferences;
    const current = db.contacts.get(item.customerId)?.preferences ?? {};
    return { ...item.payload, preferences: { ...current, ...(change && typeof change === 'object' ? change : {}) } };
  }

  const localReply = (item: OutboxItem): string | undefined => (item.kind === 'send_reply' && typeof item.payload.localMessageId === 'string' ? item.payload.localMessageId : undefined);

  return {
    async deliver(item, { previouslyAttempted }) {
      if (!(crmActionKinds as readonly string[]).includes(item.kind)) throw new CrmHttpError(400, `The CRM has no action "${item.kind}".`, false);
      const kind = item.kind as CrmActionKind;
      return connector.pushAction({ kind, customerId: item.customerId, payload: payloadFor(item) }, item.idempotencyKey, undefined, { previouslyAttempted, approvedAt: item.createdAt });
    },
    classify: classifyCrmFailure,
    recordDelivered(item, result) {
      const localId = localReply(item);
      if (localId) db.conversations.confirmSent(localId, crmIdOf(result));
    },
    recordDead(item) {
      const localId = localReply(item);
      if (localId) db.conversations.setDelivery(localId, 'failed');
    },
  };
}

/** `outbox.changed` for the status bar and the copilot's cards; a reply's bubble follows its delivery. */
export function announceOutboxItem(db: CacheDatabase, events: EventBus, item: OutboxItem): void {
  events.emit('outbox.changed', {
    id: item.id,
    target: item.target,
    kind: item.kind,
    customerId: item.customerId,
    state: item.state,
    attempts: item.attempts,
    lastError: item.lastError,
    deadReason: item.deadReason,
    idempotencyKey: item.idempotencyKey,
  });
  const localId = item.kind === 'send_reply' ? item.payload.localMessageId : undefined;
  const conversationId = item.payload.conversationId;
  if (typeof localId !== 'string' || typeof conversationId !== 'string') return;
  const message = db.conversations.messages(conversationId, { limit: 500 }).find((candidate) => candidate.id === localId);
  if (message) {
    const { conversationId: _conversation, ...view } = message;
    events.emit('conversation.message', { conversationId, message: view });
  }
}

export interface OutboxWorkerOptions {
  db: CacheDatabase;
  connector: CrmConnector;
  events?: EventBus;
  logger?: Logger;
  maxAttempts?: number;
  now?: () => Date;
}

/**
 * The one outbox's delivery loop on the cache database, serving the CRM; the MCP client adds its
 * deliverer to the same loop (`serve('mcp', …)`) when it starts.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db } = options;
  const logger = options.logger ?? silentLogger;
  const loop = createOutboxDelivery({
    store: outboxStoreOf(db),
    ...(options.now ? { now: options.now } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    onError: (message, details) => logger.warn(message, details),
  });
  loop.serve('crm', createCrmDeliverer(options));
  const { events } = options;
  if (events) loop.onSettled((item) => announceOutboxItem(db, events, item));
  return loop;
}
