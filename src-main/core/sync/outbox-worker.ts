import type { CrmConnector } from '../crm/connector';
import { CrmHttpError } from '../crm/http-client';
import type { EventBus } from '../events/event-bus';
import { silentLogger, type Logger } from '../log/logger';
import type { CacheDatabase } from '../storage/database';
import type { OutboxItem } from '../storage/repositories/outbox';

export interface OutboxWorkerOptions {
  db: CacheDatabase;
  connector: CrmConnector;
  events?: EventBus;
  logger?: Logger;
  /** A rejected (4xx) item goes to the dead-letter list after this many attempts. */
  maxClientErrors?: number;
  now?: () => Date;
}

export interface DeliveryReport {
  delivered: number;
  retrying: number;
  dead: number;
}

export interface OutboxWorker {
  deliverDue(): Promise<DeliveryReport>;
  start(intervalMs?: number): void;
  /** Stops the timer and resolves once the delivery in flight has recorded its outcome, so the database can close. */
  stop(): Promise<void>;
}

/** Waits 2 s, 4 s, 8 s … up to five minutes between attempts while the CRM is away. */
export function outboxBackoffMs(attempts: number): number {
  return Math.min(5 * 60_000, 1000 * 2 ** Math.min(attempts + 1, 12));
}

function crmIdOf(result: unknown): string | null {
  if (result && typeof result === 'object' && 'id' in result) {
    const id = (result as { id: unknown }).id;
    if (typeof id === 'string' && id.length <= 64) return id;
  }
  return null;
}

/**
 * Delivers approved side effects at least once, each with its stable Idempotency-Key so the CRM
 * acts once; in order per customer; retried while the CRM is away; dead-lettered after repeated 4xx.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, connector } = options;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const maxClientErrors = options.maxClientErrors ?? 3;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<DeliveryReport> | undefined;
  let stopped = false;

  function announce(item: OutboxItem): void {
    const current = db.outbox.byKey(item.idempotencyKey);
    if (!current || !options.events) return;
    options.events.emit('outbox.changed', {
      id: current.id,
      kind: current.kind,
      customerId: current.customerId,
      state: current.state,
      attempts: current.attempts,
      lastError: current.lastError,
      idempotencyKey: current.idempotencyKey,
    });
    const localId = current.kind === 'send_reply' ? current.payload.localMessageId : undefined;
    const conversationId = current.payload.conversationId;
    if (typeof localId !== 'string' || typeof conversationId !== 'string') return;
    const message = db.conversations.messages(conversationId, { limit: 500 }).find((candidate) => candidate.id === localId);
    if (message) {
      const { conversationId: _conversation, ...view } = message;
      options.events.emit('conversation.message', { conversationId, message: view });
    }
  }

  /** Preferences are one JSON property in the CRM: send the whole object, the change merged into what we hold. */
  function payloadFor(item: OutboxItem): Record<string, unknown> {
    if (item.kind !== 'update_preferences') return item.payload;
    const change = item.payload.preferences;
    const current = db.contacts.get(item.customerId)?.preferences ?? {};
    return { ...item.payload, preferences: { ...current, ...(change && typeof change === 'object' ? change : {}) } };
  }

  async function deliver(item: OutboxItem, report: DeliveryReport): Promise<boolean> {
    db.outbox.markDelivering(item.id);
    try {
      const result = await connector.pushAction({ kind: item.kind, customerId: item.customerId, payload: payloadFor(item) }, item.idempotencyKey);
      db.transaction(() => {
        db.outbox.markDelivered(item.id, result);
        if (item.kind === 'send_reply' && typeof item.payload.localMessageId === 'string') db.conversations.confirmSent(item.payload.localMessageId, crmIdOf(result));
      });
      report.delivered += 1;
      announce(item);
      return true;
    } catch (error) {
      const clientError = error instanceof CrmHttpError && !error.retryable;
      const dead = clientError && item.attempts + 1 >= maxClientErrors;
      const message = error instanceof Error ? error.message : String(error);
      db.transaction(() => {
        db.outbox.markFailed(item.id, message, new Date(now().getTime() + outboxBackoffMs(item.attempts)), dead);
        if (dead && item.kind === 'send_reply' && typeof item.payload.localMessageId === 'string') db.conversations.setDelivery(item.payload.localMessageId, 'failed');
      });
      logger.warn('outbox delivery failed', { id: item.id, kind: item.kind, dead, error: message });
      if (dead) report.dead += 1;
      else report.retrying += 1;
      announce(item);
      // A dead item leaves the customer's queue, so the next one is due at once.
      return dead;
    }
  }

  async function run(): Promise<DeliveryReport> {
    const report: DeliveryReport = { delivered: 0, retrying: 0, dead: 0 };
    for (;;) {
      if (stopped) return report;
      const due = db.outbox.due(now(), 20);
      if (due.length === 0) return report;
      let progressed = false;
      for (const item of due) {
        if (stopped) return report;
        progressed = (await deliver(item, report)) || progressed;
      }
      if (!progressed) return report;
    }
  }

  return {
    deliverDue() {
      running ??= run().finally(() => {
        running = undefined;
      });
      return running;
    },
    start(intervalMs = 5000) {
      stopped = false;
      timer ??= setInterval(() => void this.deliverDue(), intervalMs);
      timer.unref?.();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
