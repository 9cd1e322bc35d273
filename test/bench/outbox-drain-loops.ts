import { join } from 'node:path';
import type { CrmConnector, OutboxAction } from '../../src-main/core/crm/connector';
import { attachMcpOutbox } from '../../src-main/core/mcp/client/mcp-outbox';
import type { McpHub } from '../../src-main/core/mcp/client/mcp-hub';
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

/**
 * The one outbox (core/outbox/delivery-loop.ts) on cache.db with the app's timer (3 s), serving the CRM
 * and an MCP "server" that sends the same request: half the actions go to each target, on the one loop.
 * The loops measured before it (sync/outbox-worker.ts and mcp/client/mcp-outbox.ts as they were at
 * commit 078b571) are in that commit's version of this file; their figures are in the outbox note.
 */
const oneOutbox: DrainLoop = {
  name: 'one-outbox',
  label: 'one outbox, CRM + MCP (new)',
  async start({ dir, items, connector }) {
    const db = openCacheDatabase(join(dir, 'cache.db'));
    const byKey = new Map(items.map((item) => [item.key, item]));
    const hub = {
      async call(_tool: string, _args: unknown, options?: { idempotencyKey?: string }) {
        const key = options?.idempotencyKey ?? '';
        const item = byKey.get(key);
        if (!item) throw new Error('unknown key');
        const result = await connector.pushAction(item.action, key, undefined, { previouslyAttempted: db.outbox.byKey(key)?.attempts !== 0, approvedAt: new Date().toISOString() });
        return { isError: false, text: JSON.stringify(result) };
      },
    };
    const worker = createOutboxWorker({ db, connector });
    const mcp = attachMcpOutbox({ store: db.outbox, delivery: worker, hub: hub as Pick<McpHub, 'call'> });
    db.transaction(() => {
      items.forEach((item, index) => {
        // The stuck one (index 0) and its customer's others go to the CRM, so "stuck" means the same on both loops.
        if (index % 2 === 1 && item.customerId !== items[0]?.customerId) mcp.enqueue({ idempotencyKey: item.key, tool: 'crm__create_ticket', args: item.action.payload, customerId: item.customerId });
        else enqueueAction(db, { customerId: item.customerId, kind: item.action.kind, payload: item.action.payload, idempotencyKey: item.key });
      });
    });
    worker.start(3000);
    void worker.deliverDue();
    return {
      async stop() {
        await worker.stop();
        mcp.close();
        db.close();
      },
    };
  },
};

export const drainLoops: DrainLoop[] = [baseline, oneOutbox];
