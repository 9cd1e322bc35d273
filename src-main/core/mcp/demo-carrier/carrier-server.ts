import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { RescheduleLedger } from './reschedule-ledger';
import { shipmentFor, type Shipment } from './shipments';

export const carrierServerInfo = { name: 'parcelo-carrier', version: '1.0.0' } as const;
/** Where a caller may put its idempotency key when the arguments are not theirs to extend. */
export const idempotencyMetaKey = 'idempotencyKey';

const reference = {
  orderId: z.string().min(1).max(64).optional().describe('The shop order id'),
  trackingNumber: z.string().regex(/^PX\d{10}$/).optional().describe('The Parcelo tracking number, PX followed by 10 digits'),
};
const dayMs = 86_400_000;

const failure = (text: string): CallToolResult => ({ content: [{ type: 'text', text }], isError: true });
const answer = (value: Record<string, unknown>): CallToolResult => ({ content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value });

function withReschedule(shipment: Shipment, ledger: RescheduleLedger): Shipment & { rescheduledTo?: { date: string; timeWindow: string } } {
  const latest = ledger.latestFor(shipment.trackingNumber);
  return latest ? { ...shipment, estimatedDelivery: latest.newDate, rescheduledTo: { date: latest.newDate, timeWindow: latest.timeWindow } } : shipment;
}

/** track_shipment's whole work, exported so the mcp-call benchmark can call it without MCP in between. */
export function trackShipment(reference: { orderId?: string | undefined; trackingNumber?: string | undefined }, ledger: RescheduleLedger): CallToolResult {
  const shipment = shipmentFor(reference);
  if (!shipment) return failure('Give an order id or a tracking number (PX followed by 10 digits).');
  return answer({ ...withReschedule(shipment, ledger) });
}

/**
 * A small shipping carrier, the demo of the copilot's MCP client: one read-only tool and one
 * side effect that acts once per idempotency key.
 */
export function createCarrierMcpServer(ledger: RescheduleLedger): McpServer {
  const server = new McpServer(carrierServerInfo);

  server.registerTool(
    'track_shipment',
    {
      title: 'Track a shipment',
      description: 'Current status, estimated delivery date and scan history of a parcel, by order id or tracking number.',
      inputSchema: reference,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ orderId, trackingNumber }) => trackShipment({ orderId, trackingNumber }, ledger),
  );

  server.registerTool(
    'reschedule_delivery',
    {
      title: 'Reschedule a delivery',
      description:
        'Move the delivery of a parcel that is not delivered yet to another day (from the current estimate up to 30 days later). Acts once per idempotency key (argument or _meta.idempotencyKey).',
      inputSchema: {
        ...reference,
        newDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD'),
        timeWindow: z.enum(['morning', 'afternoon', 'evening']).default('afternoon'),
        idempotencyKey: z.string().min(8).max(200).optional(),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    ({ orderId, trackingNumber, newDate, timeWindow, idempotencyKey }, extra) => {
      const metaKey = extra._meta?.[idempotencyMetaKey];
      const key = idempotencyKey ?? (typeof metaKey === 'string' ? metaKey : undefined);
      if (!key) return failure('An idempotency key is required (argument idempotencyKey or _meta.idempotencyKey), so a retry cannot reschedule twice.');
      const known = ledger.find(key);
      if (known) return answer({ ...known, replayed: true });
      const shipment = shipmentFor({ orderId, trackingNumber });
      if (!shipment) return failure('Give an order id or a tracking number (PX followed by 10 digits).');
      if (shipment.status === 'delivered') return failure(`Parcel ${shipment.trackingNumber} is already delivered and cannot be rescheduled.`);
      const requested = Date.parse(`${newDate}T00:00:00Z`);
      const earliest = Date.parse(`${shipment.estimatedDelivery}T00:00:00Z`);
      if (!Number.isFinite(requested) || requested < earliest || requested > earliest + 30 * dayMs) {
        return failure(`Choose a date from ${shipment.estimatedDelivery} to 30 days after it; ${newDate} is outside that range.`);
      }
      const confirmation = `RS-${createHash('sha256').update(key).digest('hex').slice(0, 8).toUpperCase()}`;
      const { reschedule } = ledger.record({ idempotencyKey: key, trackingNumber: shipment.trackingNumber, newDate, timeWindow, confirmation, at: new Date().toISOString() });
      return answer({ ...reschedule, replayed: false });
    },
  );

  return server;
}
