import { classifyFailure, type FailureVerdict } from './failure';
import type { OutboxItem, OutboxTarget } from './model';

/** What the loop needs from storage (the cache database's outbox repository and its transactions). */
export interface OutboxStore {
  /** Due items of these targets whose lane and dependency let them go now, soonest first. */
  due(now: Date, limit: number, targets: readonly OutboxTarget[]): OutboxItem[];
  /** When the soonest item of these targets waiting for a later try is due, if any. */
  nextAttemptAt(now: Date, targets: readonly OutboxTarget[]): Date | undefined;
  /** Set before the request leaves: an item found "delivering" after a crash may have landed. */
  markDelivering(id: number): void;
  markDelivered(id: number, result: unknown): void;
  markRetry(id: number, error: string, nextAttemptAt: Date): void;
  markDead(id: number, reason: string): void;
  get(id: number): OutboxItem | undefined;
  transaction<T>(work: () => T): T;
}

/** Sends one target's items; the CRM connector and the MCP hub each have one. */
export interface Deliverer {
  /** Lands the item once, even when sent again after a crash or a timeout (`previouslyAttempted`). */
  deliver(item: OutboxItem, context: { previouslyAttempted: boolean }): Promise<unknown>;
  /** Judges a failure of this target (a CRM's 4xx is permanent); the loop's own rules otherwise. */
  classify?(error: unknown): FailureVerdict | undefined;
  /** Local bookkeeping committed with the delivered mark (the local reply gets its CRM id). */
  recordDelivered?(item: OutboxItem, result: unknown): void;
  /** Local bookkeeping committed with the dead mark (the reply shows as not sent). */
  recordDead?(item: OutboxItem): void;
}

export interface DeliveryReport {
  delivered: number;
  retrying: number;
  dead: number;
}

export interface OutboxDelivery {
  /** Lets the loop deliver a target's items; until then they wait. Returns the undo. */
  serve(target: OutboxTarget, deliverer: Deliverer): () => void;
  /** Sends every due item; one run at a time (a second call joins the run under way). */
  deliverDue(): Promise<DeliveryReport>;
  /** Delivers in the background: at the latest every `intervalMs`, sooner when a retry falls due. */
  start(intervalMs?: number): void;
  /** Stops the timer and resolves once the delivery in flight has recorded its outcome, so the database can close. */
  stop(): Promise<void>;
  /** Resolves when no run is under way. */
  idle(): Promise<void>;
  /** After every outcome of an item: delivered, waiting to retry, or dead. */
  onSettled(listener: (item: OutboxItem) => void): () => void;
}

/** Tries before a failing item goes to the dead letters: about a quarter of an hour of backoff in all. */
export const outboxMaxAttempts = 10;

/** The one backoff: 2 s, 4 s, 8 s … up to five minutes, after the `attempts`-th failed try. */
export function outboxBackoffMs(attempts: number): number {
  return Math.min(5 * 60_000, 1000 * 2 ** Math.min(Math.max(1, attempts), 12));
}

/**
 * The one delivery loop for every approved side effect, whatever its target. Items are independent
 * unless their lane or dependency says otherwise (the store's `due` decides), so one failing item holds
 * up only what truly waits for it. A failure no retry can heal goes to the dead letters at once, with a
 * reason; others back off and, after `maxAttempts`, go there too. While a target cannot be reached at
 * all, the tries do not count towards that limit: an agent offline for a day loses nothing.
 */
export function createOutboxDelivery(options: { store: OutboxStore; now?: () => Date; maxAttempts?: number; onError?: (message: string, details: Record<string, unknown>) => void }): OutboxDelivery {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? outboxMaxAttempts;
  const deliverers = new Map<OutboxTarget, Deliverer>();
  const listeners = new Set<(item: OutboxItem) => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let intervalMs: number | undefined;
  let running: Promise<DeliveryReport> | undefined;
  let stopped = false;

  function settled(id: number): void {
    const item = store.get(id);
    if (!item) return;
    for (const listener of listeners) {
      try {
        listener(item);
      } catch (error) {
        options.onError?.('an outbox listener failed', { error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  async function deliverOne(item: OutboxItem, deliverer: Deliverer, report: DeliveryReport): Promise<void> {
    const previouslyAttempted = item.state === 'delivering' || item.attempts > 0;
    store.markDelivering(item.id);
    let result: unknown;
    try {
      result = await deliverer.deliver(item, { previouslyAttempted });
    } catch (error) {
      failed(item, deliverer, deliverer.classify?.(error) ?? classifyFailure(error), report);
      return;
    }
    try {
      store.transaction(() => {
        store.markDelivered(item.id, result);
        deliverer.recordDelivered?.(item, result);
      });
      report.delivered += 1;
    } catch (error) {
      // The target has it; only our record of it failed. A retry finds the delivered copy and records again.
      const verdict = classifyFailure(error);
      failed(item, deliverer, { permanent: verdict.permanent, reason: `It was delivered, but the app could not record it: ${verdict.reason}` }, report);
      return;
    }
    settled(item.id);
  }

  function failed(item: OutboxItem, deliverer: Deliverer, verdict: FailureVerdict, report: DeliveryReport): void {
    const attempts = item.attempts + 1;
    const giveUp = verdict.permanent || (verdict.offline !== true && attempts >= maxAttempts);
    const reason = verdict.permanent ? verdict.reason : `Gave up after ${attempts === 1 ? '1 try' : `${attempts} tries`}: ${verdict.reason}`;
    store.transaction(() => {
      if (giveUp) {
        store.markDead(item.id, reason);
        deliverer.recordDead?.(item);
      } else store.markRetry(item.id, verdict.reason, new Date(now().getTime() + outboxBackoffMs(attempts)));
    });
    options.onError?.('outbox delivery failed', { id: item.id, target: item.target, kind: item.kind, dead: giveUp, error: verdict.reason });
    if (giveUp) report.dead += 1;
    else report.retrying += 1;
    settled(item.id);
  }

  async function run(): Promise<DeliveryReport> {
    const report: DeliveryReport = { delivered: 0, retrying: 0, dead: 0 };
    // Each pass either delivers an item or moves its next try into the future, so the loop ends.
    for (;;) {
      if (stopped || deliverers.size === 0) return report;
      const due = store.due(now(), 50, [...deliverers.keys()]);
      if (due.length === 0) return report;
      for (const item of due) {
        if (stopped) return report;
        const deliverer = deliverers.get(item.target);
        if (deliverer) await deliverOne(item, deliverer, report);
      }
    }
  }

  /** The next background run: when the soonest retry falls due, and at least every interval (new items, a target back). */
  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      timer = undefined;
      void delivery
        .deliverDue()
        .catch((error: unknown) => options.onError?.('outbox run failed', { error: String(error) }))
        .finally(() => {
          if (stopped || intervalMs === undefined || timer) return;
          const next = store.nextAttemptAt(now(), [...deliverers.keys()]);
          const untilNext = next ? next.getTime() - now().getTime() : Number.POSITIVE_INFINITY;
          schedule(Math.max(20, Math.min(intervalMs, untilNext)));
        });
    }, delayMs);
    timer.unref?.();
  }

  const delivery: OutboxDelivery = {
    serve(target, deliverer) {
      deliverers.set(target, deliverer);
      return () => {
        if (deliverers.get(target) === deliverer) deliverers.delete(target);
      };
    },
    deliverDue() {
      running ??= run().finally(() => {
        running = undefined;
      });
      return running;
    },
    start(every = 5000) {
      stopped = false;
      intervalMs = every;
      if (!timer) schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      intervalMs = undefined;
      await running?.catch(() => undefined);
    },
    async idle() {
      await running?.catch(() => undefined);
    },
    onSettled(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return delivery;
}
