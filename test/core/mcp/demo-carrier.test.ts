import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shipmentFor, trackingNumberFor } from '../../../src-main/core/mcp/demo-carrier/index';
import { repoRoot } from '../../../src-main/core/paths/repo-root';

const cli = join(repoRoot(), 'src-main', 'cli', 'main.ts');

async function startCarrier(ledger: string): Promise<Client> {
  const client = new Client({ name: 'carrier-test', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', cli, 'mcp', 'demo-carrier', '--ledger', ledger], cwd: repoRoot(), stderr: 'ignore' }),
  );
  return client;
}

const body = (result: unknown): Record<string, unknown> => JSON.parse(((result as CallToolResult).content[0] as { text: string }).text) as Record<string, unknown>;

/** The first order id, in a fixed sequence, whose deterministic shipment has the wanted status. */
function orderWith(predicate: (status: string) => boolean): string {
  for (let index = 1; index < 1000; index += 1) {
    const id = `ORD-${1000 + index}`;
    if (predicate(shipmentFor({ orderId: id })!.status)) return id;
  }
  throw new Error('no such order');
}

describe('demo carrier MCP server (`mcp demo-carrier`)', () => {
  let dir: string;
  let ledger: string;
  let client: Client;
  const pendingOrder = orderWith((status) => status === 'in_transit');
  const deliveredOrder = orderWith((status) => status === 'delivered');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'carrier-'));
    ledger = join(dir, 'ledger.json');
    client = await startCarrier(ledger);
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('declares track_shipment read-only and reschedule_delivery as a side effect', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get('track_shipment')?.annotations?.readOnlyHint).toBe(true);
    expect(byName.get('reschedule_delivery')?.annotations?.readOnlyHint).toBe(false);
    expect(byName.get('reschedule_delivery')?.inputSchema.required).toContain('newDate');
  });

  it('tracks deterministically by order id and by tracking number', async () => {
    const byOrder = body(await client.callTool({ name: 'track_shipment', arguments: { orderId: pendingOrder } }));
    const byTracking = body(await client.callTool({ name: 'track_shipment', arguments: { trackingNumber: trackingNumberFor(pendingOrder) } }));
    expect(byOrder.trackingNumber).toBe(trackingNumberFor(pendingOrder));
    expect({ ...byOrder, orderId: null }).toEqual(byTracking);
    expect(byOrder.status).toBe('in_transit');
    const missing = await client.callTool({ name: 'track_shipment', arguments: {} });
    expect(missing.isError).toBe(true);
  });

  it('reschedules once per idempotency key, across calls and across a restart of the server', async () => {
    const eta = shipmentFor({ orderId: pendingOrder })!.estimatedDelivery;
    const newDate = new Date(Date.parse(`${eta}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    const args = { orderId: pendingOrder, newDate, timeWindow: 'morning' };
    const first = body(await client.callTool({ name: 'reschedule_delivery', arguments: args, _meta: { idempotencyKey: 'copilot:conv-1:call-1' } }));
    const second = body(await client.callTool({ name: 'reschedule_delivery', arguments: { ...args, idempotencyKey: 'copilot:conv-1:call-1' } }));
    expect(first.replayed).toBe(false);
    expect(second).toMatchObject({ replayed: true, confirmation: first.confirmation });
    expect(body(await client.callTool({ name: 'track_shipment', arguments: { orderId: pendingOrder } })).estimatedDelivery).toBe(newDate);

    await client.close();
    client = await startCarrier(ledger);
    const third = body(await client.callTool({ name: 'reschedule_delivery', arguments: args, _meta: { idempotencyKey: 'copilot:conv-1:call-1' } }));
    expect(third).toMatchObject({ replayed: true, confirmation: first.confirmation });
    const stored = JSON.parse(readFileSync(ledger, 'utf8')) as unknown[];
    expect(stored).toHaveLength(1);
  }, 60_000);

  it('refuses a reschedule without a key, of a delivered parcel, or outside the allowed dates', async () => {
    const eta = shipmentFor({ orderId: pendingOrder })!.estimatedDelivery;
    const noKey = await client.callTool({ name: 'reschedule_delivery', arguments: { orderId: pendingOrder, newDate: eta } });
    expect(noKey.isError).toBe(true);
    const delivered = await client.callTool({ name: 'reschedule_delivery', arguments: { orderId: deliveredOrder, newDate: eta, idempotencyKey: 'key-delivered-1' } });
    expect(delivered.isError).toBe(true);
    const early = await client.callTool({ name: 'reschedule_delivery', arguments: { orderId: pendingOrder, newDate: '2000-01-01', idempotencyKey: 'key-early-1' } });
    expect(early.isError).toBe(true);
    expect(JSON.parse(readFileSync(ledger, 'utf8'))).toHaveLength(1);
  });
});
