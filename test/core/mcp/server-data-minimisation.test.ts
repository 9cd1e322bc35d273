import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCopilotMcpServer } from '../../../src-main/core/mcp/server/index';
import type { CopilotMcpSources } from '../../../src-main/core/mcp/server/sources';
import { openCacheDatabase, type CacheDatabase } from '../../../src-main/core/storage/index';
import { seedCache, seededCustomer } from './seed-cache';

/** Everything the seeded cache knows that identifies Maria or her money: none of it may leave without sharing. */
const identifying = [
  seededCustomer.id,
  seededCustomer.orderId,
  seededCustomer.email,
  seededCustomer.firstName,
  seededCustomer.lastName,
  seededCustomer.phone,
  '555 0134',
  'mlopez',
  'Harbor',
  '94607',
  't-9',
  '1234.5',
  '89.9',
  'gold',
  'Trail boots',
];

let dir: string;
let db: CacheDatabase;

async function connect(shareCustomerData: boolean): Promise<Client> {
  const sources: CopilotMcpSources = {
    // Knowledge is not customer data: these tests look at the customer tools only.
    searchKnowledge: async () => [],
    getArticle: async () => undefined,
    customers: db.customers,
    conversations: db.conversations,
    shareCustomerData,
  };
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createCopilotMcpServer(sources).connect(serverSide);
  const client = new Client({ name: 'minimisation-test', version: '1.0.0' });
  await client.connect(clientSide);
  return client;
}

const textOf = (result: unknown): string => (result as CallToolResult).content.map((item) => (item.type === 'text' ? item.text : '')).join('\n');
const structuredOf = (result: unknown): string => JSON.stringify((result as CallToolResult).structuredContent ?? {});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mcp-minimise-'));
  seedCache(dir);
  db = openCacheDatabase(join(dir, 'cache.db'));
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the MCP server without --share-customer-data', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connect(false);
  });
  afterAll(async () => client?.close());

  for (const [label, query] of [
    ['an email', seededCustomer.email],
    ['an upper-case email', seededCustomer.email.toUpperCase()],
    ['a full name', 'Maria Lopez'],
    ['a first name', 'Maria'],
    ['a name prefix', 'Mar'],
    ['a username', 'mlopez'],
    ['a phone number', seededCustomer.phone],
    ['a part of an id', seededCustomer.id.slice(0, 4)],
  ] as const) {
    it(`finds nobody by ${label}: lookups need an exact id`, async () => {
      const result = await client.callTool({ name: 'lookup_customer', arguments: { query } });
      expect(result.isError).toBe(true);
      const text = textOf(result) + structuredOf(result);
      for (const value of identifying) expect(text, value).not.toContain(value);
      expect(text).toMatch(/exact/i);
    });
  }

  it('answers an exact contact id with a redacted summary: no identifiers, amounts or order list', async () => {
    const result = await client.callTool({ name: 'lookup_customer', arguments: { query: seededCustomer.id } });
    expect(result.isError).toBeFalsy();
    const text = textOf(result) + structuredOf(result);
    for (const value of identifying) expect(text, value).not.toContain(value);
    const view = JSON.parse(textOf(result)) as Record<string, unknown>;
    expect(view).toMatchObject({ redacted: true, orderCount: 1, openTicketCount: 1 });
    for (const field of ['id', 'orders', 'lifetimeValue', 'membership', 'conversationIds', 'email', 'phone', 'address']) expect(view, field).not.toHaveProperty(field);
    expect(JSON.stringify(view)).not.toMatch(/\d+\.\d\d?\b/);
  });

  it('answers an exact order id the same way, without naming the order or the customer', async () => {
    const result = await client.callTool({ name: 'lookup_customer', arguments: { query: seededCustomer.orderId } });
    expect(result.isError).toBeFalsy();
    const text = textOf(result) + structuredOf(result);
    for (const value of identifying) expect(text, value).not.toContain(value);
  });

  it('summarises a conversation by its exact id without the customer id or personal data', async () => {
    const result = await client.callTool({ name: 'get_conversation_summary', arguments: { conversationId: seededCustomer.conversationId } });
    expect(result.isError).toBeFalsy();
    const text = textOf(result) + structuredOf(result);
    for (const value of identifying) expect(text, value).not.toContain(value);
    const summary = JSON.parse(textOf(result)) as Record<string, unknown>;
    expect(summary).not.toHaveProperty('customerId');
    expect(summary).toMatchObject({ redacted: true, messageCount: 3 });
    const missing = await client.callTool({ name: 'get_conversation_summary', arguments: { conversationId: seededCustomer.conversationId.slice(0, 5) } });
    expect(missing.isError).toBe(true);
  });
});

describe('the MCP server with --share-customer-data', () => {
  it('still answers the full customer view, found by email or order id', async () => {
    const client = await connect(true);
    try {
      for (const query of [seededCustomer.email, seededCustomer.orderId, seededCustomer.id]) {
        const result = await client.callTool({ name: 'lookup_customer', arguments: { query } });
        const view = JSON.parse(textOf(result)) as { id: string; email: string; orders: { id: string }[]; redacted: boolean };
        expect(view).toMatchObject({ id: seededCustomer.id, email: seededCustomer.email, redacted: false, orders: [expect.objectContaining({ id: seededCustomer.orderId })] });
      }
    } finally {
      await client.close();
    }
  });
});
