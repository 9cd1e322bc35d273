import type { DeliveryReport, Deliverer, OutboxDelivery } from '../../outbox/delivery-loop';
import { OutboxFailure, type FailureVerdict } from '../../outbox/failure';
import { mcpToolKind, type NewOutboxItem, type OutboxItem, type OutboxState, type OutboxTarget } from '../../outbox/model';
import type { McpHub } from './mcp-hub';
import { McpToolError } from './tool-errors';

export type McpOutboxState = OutboxState;

export interface McpOutboxItem {
  idempotencyKey: string;
  tool: string;
  args: Record<string, unknown>;
  state: McpOutboxState;
  attempts: number;
  result: string | null;
  /** Why it was given up on (dead), else the last failure. */
  error: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** The part of the one outbox's storage the MCP client uses (the cache database's outbox repository). */
export interface McpOutboxStore {
  enqueue(item: NewOutboxItem): boolean;
  byKey(key: string): OutboxItem | undefined;
  list(options?: { targets?: OutboxTarget[]; limit?: number }): OutboxItem[];
}

export interface McpOutbox {
  /** Durable before it returns; a repeated key is ignored and returns false. */
  enqueue(item: { idempotencyKey: string; tool: string; args: Record<string, unknown>; customerId?: string }): boolean;
  get(idempotencyKey: string): McpOutboxItem | undefined;
  list(limit?: number): McpOutboxItem[];
  /** Sends every due item of the one outbox (MCP and CRM alike); one run at a time. */
  deliverDue(): Promise<DeliveryReport>;
  onSettled(listener: (item: McpOutboxItem) => void): () => void;
  /** Resolves when no delivery run is under way (call before close). */
  idle(): Promise<void>;
  /** Stops serving MCP items (they stay queued for the next start). */
  close(): void;
}

const toItem = (item: OutboxItem): McpOutboxItem => ({
  idempotencyKey: item.idempotencyKey,
  tool: item.tool ?? '',
  args: item.payload,
  state: item.state,
  attempts: item.attempts,
  result: item.state === 'delivered' ? (parseResult(item.result) ?? null) : null,
  error: item.deadReason ?? item.lastError,
  createdAt: item.createdAt,
  deliveredAt: item.deliveredAt,
});

/** The loop stores what `deliver` returned as JSON; for MCP that is the tool's text. */
function parseResult(result: string | null): string | undefined {
  if (result === null) return undefined;
  try {
    const value = JSON.parse(result) as unknown;
    return typeof value === 'string' ? value : result;
  } catch {
    return result;
  }
}

/** An MCP failure in the outbox's terms: bad arguments or a tool that is gone will not heal; a server away, disabled or slow may. */
function classifyMcpFailure(error: unknown): FailureVerdict | undefined {
  if (!(error instanceof McpToolError)) return undefined;
  if (error.code === 'INVALID_ARGS' || error.code === 'UNKNOWN_TOOL' || error.code === 'MALFORMED') return { permanent: true, reason: error.message };
  return { permanent: false, reason: error.message, offline: error.code === 'UNAVAILABLE' || error.code === 'DISABLED' };
}

/** Sends an approved MCP action to its server with its idempotency key, so the server acts once per key. */
export function createMcpDeliverer(hub: Pick<McpHub, 'call'>): Deliverer {
  return {
    async deliver(item) {
      if (!item.tool) throw new OutboxFailure('This MCP action names no tool.', true);
      const output = await hub.call(item.tool, item.payload, { idempotencyKey: item.idempotencyKey });
      // The server answered that it will not do it: a retry would get the same answer.
      if (output.isError) throw new OutboxFailure(`${item.tool} refused it: ${output.text.slice(0, 500)}`, true);
      return output.text;
    },
    classify: classifyMcpFailure,
  };
}

/**
 * Approved MCP side effects in the one outbox (target `mcp`), delivered by the one delivery loop with
 * the same idempotency key after a crash or an outage, so a kill between approval and delivery neither
 * loses the action nor performs it twice.
 */
export function attachMcpOutbox(options: { store: McpOutboxStore; delivery: OutboxDelivery; hub: Pick<McpHub, 'call'> }): McpOutbox {
  const { store, delivery } = options;
  const unserve = delivery.serve('mcp', createMcpDeliverer(options.hub));
  const unsubscribes: (() => void)[] = [];
  return {
    enqueue: ({ idempotencyKey, tool, args, customerId }) => store.enqueue({ target: 'mcp', kind: mcpToolKind, customerId: customerId ?? '', tool, payload: args, idempotencyKey }),
    get(key) {
      const item = store.byKey(key);
      return item?.target === 'mcp' ? toItem(item) : undefined;
    },
    list: (limit = 50) => store.list({ targets: ['mcp'], limit }).map(toItem),
    deliverDue: () => delivery.deliverDue(),
    onSettled(listener) {
      const off = delivery.onSettled((item) => {
        if (item.target === 'mcp') listener(toItem(item));
      });
      unsubscribes.push(off);
      return off;
    },
    idle: () => delivery.idle(),
    close() {
      unserve();
      for (const off of unsubscribes.splice(0)) off();
    },
  };
}
