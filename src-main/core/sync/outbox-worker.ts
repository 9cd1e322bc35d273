import type { CrmConnector } from '../crm/connector';
import { CrmHttpError } from '../crm/http-client';
import { silentLogger, type Logger } from '../log/logger';
import type { CacheDatabase } from '../storage/database';
import type { OutboxItem } from '../storage/repositories/outbox';

export interface OutboxWorkerOptions {
  db: CacheDatabase;
  connector: CrmConnector;
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
  stop(): void;
}

function backoffMs(attempts: number): number {
  return Math.min(5 * 60_000, 1000 * 2 ** Math.min(attempts, 12));
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

  async function deliver(item: OutboxItem, report: DeliveryReport): Promise<boolean> {
    try {
      const result = await connector.pushAction({ kind: item.kind, customerId: item.customerId, payload: item.payload }, item.idempotencyKey);
      db.transaction(() => {
        db.outbox.markDelivered(item.id, result);
        if (item.kind === 'send_reply' && typeof item.payload.localMessageId === 'string') db.conversations.setDelivery(item.payload.localMessageId, 'delivered');
      });
      report.delivered += 1;
      return true;
    } catch (error) {
      const clientError = error instanceof CrmHttpError && !error.retryable;
      const dead = clientError && item.attempts + 1 >= maxClientErrors;
      const message = error instanceof Error ? error.message : String(error);
      db.transaction(() => {
        db.outbox.markFailed(item.id, message, new Date(now().getTime() + backoffMs(item.attempts)), dead);
        if (dead && item.kind === 'send_reply' && typeof item.payload.localMessageId === 'string') db.conversations.setDelivery(item.payload.localMessageId, 'failed');
      });
      logger.warn('outbox delivery failed', { id: item.id, kind: item.kind, dead, error: message });
      if (dead) report.dead += 1;
      else report.retrying += 1;
      return false;
    }
  }

  async function run(): Promise<DeliveryReport> {
    const report: DeliveryReport = { delivered: 0, retrying: 0, dead: 0 };
    for (;;) {
      const due = db.outbox.due(now(), 20);
      if (due.length === 0) return report;
      let progressed = false;
      for (const item of due) progressed = (await deliver(item, report)) || progressed;
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
      timer ??= setInterval(() => void this.deliverDue(), intervalMs);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
