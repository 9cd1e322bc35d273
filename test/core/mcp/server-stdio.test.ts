import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../src-main/core/paths/repo-root';
import { seedCache, seededCustomer } from './seed-cache';

const cli = join(repoRoot(), 'src-main', 'cli', 'main.ts');

function textOf(result: unknown): string {
  const content = (result as CallToolResult).content;
  const first = content[0];
  return first?.type === 'text' ? first.text : '';
}

async function connect(dataDir: string, extra: string[] = []): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', cli, 'mcp', 'serve', '--stdio', '--data', dataDir, ...extra],
    cwd: repoRoot(),
    stderr: 'ignore',
  });
  const client = new Client({ name: 'test-client', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

describe('copilot MCP server over stdio (the SDK client against `mcp serve --stdio`)', () => {
  let dataDir: string;
  let client: Client;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mcp-stdio-'));
    seedCache(dataDir);
    client = await connect(dataDir);
  }, 120_000);

  afterAll(async () => {
    await client?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists exactly the read-only tools', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['get_conversation_summary', 'lookup_customer', 'search_knowledge']);
    for (const tool of tools) expect(tool.annotations?.readOnlyHint).toBe(true);
  });

  it('answers search_knowledge with cited passages and reads the cited article as a resource', async () => {
    const result = await client.callTool({ name: 'search_knowledge', arguments: { query: 'how do I return an item for a refund', limit: 3 } });
    expect(result.isError).toBeFalsy();
    const parsed = JSON.parse(textOf(result)) as { results: { citation: number; articleId: string; title: string; uri: string; passage: string }[] };
    expect(parsed.results.length).toBeGreaterThan(0);
    const first = parsed.results[0]!;
    expect(first.citation).toBe(1);
    expect(first.uri).toBe(`kb://article/${encodeURIComponent(first.articleId)}`);
    expect(first.passage.length).toBeGreaterThan(20);
    expect(/refund|return/i.test(parsed.results.map((hit) => `${hit.title} ${hit.passage}`).join(' '))).toBe(true);

    const resource = await client.readResource({ uri: first.uri });
    const content = resource.contents[0];
    expect(content && 'text' in content ? content.text : '').toContain(`# ${first.title}`);
  });

  it('rejects arguments outside the schema and unknown articles', async () => {
    const bad = await client.callTool({ name: 'search_knowledge', arguments: { query: '' } });
    expect(bad.isError).toBe(true);
    await expect(client.readResource({ uri: 'kb://article/does-not-exist' })).rejects.toThrow();
  });

  it('redacts personal data in lookup_customer and the conversation summary by default', async () => {
    // By email it finds no one: without sharing, only an exact id is a key.
    expect((await client.callTool({ name: 'lookup_customer', arguments: { query: seededCustomer.email } })).isError).toBe(true);
    const result = await client.callTool({ name: 'lookup_customer', arguments: { query: seededCustomer.id } });
    expect(result.isError).toBeFalsy();
    const text = textOf(result);
    const view = JSON.parse(text) as { redacted: boolean; orderCount: number; openTickets: { subject: string }[]; conversationCount: number };
    expect(view).toMatchObject({ redacted: true, orderCount: 1, conversationCount: 1 });
    expect(view.openTickets).toEqual([expect.objectContaining({ stage: 'new' })]);
    for (const secret of [seededCustomer.id, seededCustomer.orderId, seededCustomer.email, seededCustomer.firstName, seededCustomer.lastName, seededCustomer.phone, 'Harbor']) expect(text).not.toContain(secret);

    const summary = await client.callTool({ name: 'get_conversation_summary', arguments: { conversationId: seededCustomer.conversationId } });
    const summaryText = textOf(summary);
    const parsed = JSON.parse(summaryText) as { messageCount: number; lastMessages: { text: string }[]; latestIntent: { intent: string } | null };
    expect(parsed.messageCount).toBe(3);
    expect(parsed.latestIntent).not.toBeNull();
    for (const secret of [seededCustomer.firstName, seededCustomer.lastName, '555 0134']) expect(summaryText).not.toContain(secret);
  });

  it('shares personal data only when the privacy setting allows it', async () => {
    const sharing = await connect(dataDir, ['--share-customer-data']);
    try {
      const result = await sharing.callTool({ name: 'lookup_customer', arguments: { query: seededCustomer.orderId } });
      const view = JSON.parse(textOf(result)) as { email: string; name: string; redacted: boolean };
      expect(view).toMatchObject({ email: seededCustomer.email, name: 'Maria Lopez', redacted: false });
    } finally {
      await sharing.close();
    }
  }, 60_000);
});
