import { join } from 'node:path';
import type { CrmConnector, OutboxAction } from '../../src-main/core/crm/connector';
import { openMcpOutbox } from '../../src-main/core/mcp/client/mcp-outbox';
import { enqueueAction, openCacheDatabase } from '../../src-main/core/storage/index';
import { createOutboxWorker } from '../../src-main/core/sync/index';

export interface DrainItem {
  customerId: string;
  key: string;
  action: OutboxAction;
}

export interface DrainLoop {
  name: string;
  label: string;
  /** Queues every item (durably, as the app does) and starts delivering; `stop` ends it. */
  start(input: { dir: string; items: DrainItem[]; connector: CrmConnector }): Promise<{ stop(): Promise<void> }>;
}

/** The same requests, one action after another, each retried at once until it lands. */
const baseline: DrainLoop = {
  name: 'baseline',
  label: 'plain loop',
  async start({ items, connector }) {
    let stopped = false;
    const done = (async () => {
      for (const item of items) {
        const approvedAt = new Date().toISOString();
        for (let attempt = 0; !stopped; attempt += 1) {
          try {
            await connector.pushAction(item.action, item.key, undefined, { previouslyAttempted: attempt > 0, approvedAt });
            break;
          } catch {
            // Retried at once: the baseline has no backoff.
          }
        }
      }
    })();
    return {
      async stop() {
        stopped = true;
        await done;
      },
    };
  },
};

/** Today's CRM outbox (sync/outbox-worker.ts) on cache.db, with the app's timer (3 s). */
const crmWorker: DrainLoop = {
  name: 'crm-worker',
  label: 'CRM outbox-worker (today)',
  async start({ dir, items, connector }) {
    const db = openCacheDatabase(join(dir, 'cache.db'));
    db.transaction(() => {
      for (const item of items) enqueueAction(db, { customerId: item.customerId, kind: item.action.kind, payload: item.action.payload, idempotencyKey: item.key });
    });
    const worker = createOutboxWorker({ db, connector });
    worker.start(3000);
    void worker.deliverDue();
    return {
      async stop() {
        await worker.stop();
        db.close();
      },
    };
  },
};

/** Today's MCP outbox (mcp/client/mcp-outbox.ts) on its own file, with the app's timer (5 s); its "server" sends the same request. */
const mcpOutbox: DrainLoop = {
  name: 'mcp-outbox',
  label: 'MCP outbox (today)',
  async start({ dir, items, connector }) {
    const tried = new Set<string>();
    const byKey = new Map(items.map((item) => [item.key, item]));
    const hub = {
      async call(_tool: string, _args: unknown, options?: { idempotencyKey?: string }) {
        const key = options?.idempotencyKey ?? '';
        const item = byKey.get(key);
        if (!item) throw new Error('unknown key');
        const previouslyAttempted = tried.has(key);
        tried.add(key);
        const result = await connector.pushAction(item.action, key, undefined, { previouslyAttempted, approvedAt: new Date().toISOString() });
        return { isError: false, text: JSON.stringify(result) };
      },
    };
    const outbox = openMcpOutbox(join(dir, 'mcp-outbox.db'), hub as never);
    for (const item of items) outbox.enqueue({ idempotencyKey: item.key, tool: 'crm__create_ticket', args: item.action.payload });
    outbox.start(5000);
    void outbox.deliverDue();
    return {
      async stop() {
        await outbox.idle();
        outbox.close();
      },
    };
  },
};

export const drainLoops: DrainLoop[] = [baseline, crmWorker, mcpOutbox];
