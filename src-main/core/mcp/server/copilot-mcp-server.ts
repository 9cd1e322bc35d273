import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { summarizeConversation } from './conversation-summary';
import { customerView, findCustomer, redactedCustomerSummary } from './customer-view';
import type { CopilotMcpSources } from './sources';

export const copilotServerInfo = { name: 'support-copilot', version: '0.1.0' } as const;

/** Ids may hold slashes (path-derived), so the URI carries them percent-encoded. */
export const articleUri = (id: string): string => `kb://article/${encodeURIComponent(id)}`;

const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;
const maxResultChars = 2_000;

function json(value: unknown): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }], structuredContent: { result: value } };
}

function failure(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

function decodeId(raw: string | string[] | undefined): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * The copilot's read-only capabilities for other assistants. Every tool is annotated read-only;
 * nothing here reaches the outbox, so approval is never bypassed from outside.
 */
export function createCopilotMcpServer(sources: CopilotMcpSources): McpServer {
  const server = new McpServer(copilotServerInfo, {
    instructions:
      'Support Copilot knowledge and customer context. search_knowledge returns help-article passages with citations (kb://article/<id>); read the resource for the full article. Customer data is redacted unless the agent enabled sharing.',
  });

  server.registerTool(
    'search_knowledge',
    {
      title: 'Search the help articles',
      description: 'Search the support knowledge base (help articles and policies). Returns passages with citations: article id, title, section, URL and resource URI.',
      inputSchema: { query: z.string().min(1).max(500), limit: z.number().int().min(1).max(20).optional() },
      annotations: readOnly,
    },
    async ({ query, limit }) => {
      const hits = await sources.searchKnowledge(query, limit ?? 5);
      const results = hits.map((hit, index) => ({
        citation: index + 1,
        articleId: hit.articleId,
        title: hit.title,
        section: hit.section,
        ...(hit.url ? { url: hit.url } : {}),
        ...(hit.page !== undefined ? { page: hit.page } : {}),
        uri: articleUri(hit.articleId),
        score: Number(hit.score.toFixed(4)),
        passage: hit.chunkText.slice(0, maxResultChars),
      }));
      return {
        content: [
          { type: 'text', text: JSON.stringify({ query, results }, null, 2) },
          ...results.map((result) => ({ type: 'resource_link' as const, uri: result.uri, name: result.title, mimeType: 'text/markdown' })),
        ],
        structuredContent: { query, results },
      };
    },
  );

  server.registerTool(
    'lookup_customer',
    {
      title: 'Look up a customer',
      description: sources.shareCustomerData
        ? 'Find a customer in the local CRM cache by contact id, email, username, order id or name. Returns membership, orders and open tickets.'
        : 'Summarise a customer of the local CRM cache, given their exact contact id or an exact order id: how many orders in which status, the open tickets (redacted), how many conversations. No personal data, identifiers or amounts: the agent has not enabled sharing.',
      inputSchema: { query: z.string().min(1).max(200) },
      annotations: readOnly,
    },
    ({ query }) => {
      if (!sources.customers) return failure('No customer cache on this machine yet: open Support Copilot once so it can sync the CRM.');
      const contact = findCustomer(sources.customers, query, sources.shareCustomerData);
      // The query is not echoed: it may be someone's email.
      if (!contact) return failure(sources.shareCustomerData ? 'No customer matches that query.' : 'No customer has that exact contact id or order id. Without customer-data sharing, lookups need an exact id.');
      return json(sources.shareCustomerData ? customerView(sources, contact) : redactedCustomerSummary(sources, contact));
    },
  );

  server.registerTool(
    'get_conversation_summary',
    {
      title: 'Summarise a conversation',
      description: "Summarise a support conversation: subject, channel, the customer's latest intent and mood, and the last messages (redacted unless sharing is enabled).",
      inputSchema: { conversationId: z.string().min(1).max(100) },
      annotations: readOnly,
    },
    ({ conversationId }) => {
      if (!sources.conversations) return failure('No conversation cache on this machine yet: open Support Copilot once so it can sync the CRM.');
      const summary = summarizeConversation(sources, conversationId);
      return summary ? json(summary) : failure(`No conversation with id ${conversationId.slice(0, 100)}.`);
    },
  );

  server.registerResource(
    'knowledge-article',
    new ResourceTemplate('kb://article/{id}', { list: undefined }),
    { title: 'Knowledge article', description: 'A help article or policy from the knowledge base, as Markdown.', mimeType: 'text/markdown' },
    async (uri, variables) => {
      const id = decodeId(variables.id);
      const article = id ? await sources.getArticle(id) : undefined;
      if (!article) throw new Error(`Unknown article ${uri.href.slice(0, 200)}`);
      const header = [`# ${article.title}`, article.url ? `Source: ${article.url}` : '', article.updatedAt ? `Updated: ${article.updatedAt}` : ''].filter(Boolean).join('\n');
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: `${header}\n\n${article.body}` }] };
    },
  );

  return server;
}
