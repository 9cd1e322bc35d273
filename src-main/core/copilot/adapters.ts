import { createLanguageAnalyzer, createRedactor, extractEntities, loadIntentModel } from '../language/index';
import type { KnowledgeIndex } from '../knowledge/knowledge-index';
import { chunkArticle } from '../knowledge/chunking';
import { importLegacyCheckpoints, openCheckpointSaver } from '../storage/checkpoints/index';
import { recordApproval, type CacheDatabase } from '../storage/index';
import type { CopilotMcpPort, McpClientForCopilot } from './mcp-port';
import type { CopilotPorts } from './ports';
import type { CustomerContext, Proposal } from './types';

/** How the agent sees the contact named: first and last name, else the email, else the id. */
function displayName(contact: { id: string; firstName: string | null; lastName: string | null; email: string | null }): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ') || (contact.email ?? contact.id);
}

function toContext(db: CacheDatabase, id: string, identifiedBy: string): CustomerContext | undefined {
  const contact = db.customers.get(id);
  if (!contact) return undefined;
  return {
    id: contact.id,
    name: displayName(contact),
    email: contact.email,
    username: contact.username,
    phone: contact.phone,
    address: contact.address,
    membership: contact.membership,
    lifetimeValue: contact.lifetimeValue,
    orders: db.customers.orders(id).map((order) => ({ id: order.id, status: order.status, total: order.total, placedAt: order.placedAt, items: order.lineItems.map((item) => item.name) })),
    openTickets: db.customers.tickets(id).filter((ticket) => ticket.stage !== 'closed').map((ticket) => ({ id: ticket.id, subject: ticket.subject, stage: ticket.stage })),
    memory: db.memory.list(id).map((fact) => fact.fact),
    identifiedBy,
  };
}

/** Capitalised word pairs ("Crystal Minh") and bare two-word messages: how customers give their names. */
function nameCandidates(text: string): string[] {
  const candidates = new Set<string>();
  const trimmed = text.trim().replace(/[.!]$/, '');
  if (/^[\p{L}'-]+\s+[\p{L}'-]+$/u.test(trimmed)) candidates.add(trimmed);
  for (const match of text.matchAll(/(?:name is|i am|i'm|this is)\s+([\p{L}'-]+\s+[\p{L}'-]+)/giu)) candidates.add(match[1] ?? '');
  for (const match of text.matchAll(/\b(\p{Lu}[\p{L}'-]+\s+\p{Lu}[\p{L}'-]+)\b/gu)) candidates.add(match[1] ?? '');
  return [...candidates].filter(Boolean);
}

/** Binds the graph's ports to the real language model, knowledge index and SQLite cache. */
export function createCopilotPorts(options: { db: CacheDatabase; knowledge: () => Promise<KnowledgeIndex> }): CopilotPorts {
  const analyzer = createLanguageAnalyzer(loadIntentModel());
  const { db } = options;
  return {
    analyze: (text, history) => analyzer.analyze(text, { history }),
    searchKnowledge: async (query, searchOptions) => (await options.knowledge()).search(query, searchOptions),
    async articlePassages(articleId) {
      const article = await (await options.knowledge()).getArticle(articleId);
      if (!article) return [];
      return chunkArticle(article).map((chunk) => ({ articleId, title: article.title, section: chunk.section, snippet: '', highlights: [], score: 0, kind: article.kind, kindOrigin: article.kindOrigin, language: article.language, chunkText: chunk.body }));
    },
    identifyCustomer({ conversationId, texts }) {
      // As an agent would: an email, a username, an order number, then a full name; the conversation's contact last.
      for (const text of [...texts].reverse()) {
        for (const entity of extractEntities(text)) {
          if (entity.type === 'email') {
            const found = db.customers.findByEmail(entity.value.replace(/\s+/g, ''));
            if (found) return toContext(db, found.id, 'email');
          }
          if (entity.type === 'order_id') {
            const found = db.customers.findByOrderId(entity.value);
            if (found) return toContext(db, found.id, 'order id');
          }
          if (entity.type === 'username' || entity.type === 'account_id') {
            const found = db.customers.findByUsername(entity.value);
            if (found) return toContext(db, found.id, 'username');
          }
        }
        for (const word of text.match(/\b[a-z][a-z0-9_.-]{3,30}\d+\b/gi) ?? []) {
          const found = db.customers.findByUsername(word);
          if (found) return toContext(db, found.id, 'username');
        }
        for (const candidate of nameCandidates(text)) {
          const found = db.customers.findByName(candidate);
          if (found.length === 1 && found[0]) return toContext(db, found[0].id, 'name');
        }
      }
      const conversation = db.conversations.get(conversationId);
      return conversation?.contactId ? toContext(db, conversation.contactId, 'conversation') : undefined;
    },
    customerById: (id) => toContext(db, id, 'conversation'),
    createRedactor: (knownNames) => createRedactor({ knownNames }),
    enqueueAction: (action) => db.transaction(() => db.outbox.enqueue(action)),
    recordDecision: ({ conversationId, action, status, proposal }, actions = [], mcpActions = []) =>
      recordApproval(db, { conversationId, proposalId: proposal.id, action, status, proposal: { ...proposal }, decidedAt: new Date().toISOString() }, actions, mcpActions),
    decisions: (conversationId) =>
      db.approvals.forConversation(conversationId).map(({ action, status, proposal }) => ({ conversationId, action, status, proposal: proposal as unknown as Proposal })),
    checkpointSaver(legacyFile) {
      importLegacyCheckpoints(db, legacyFile);
      return openCheckpointSaver(db);
    },
    rememberFact: (customerId, fact) => db.memory.add(customerId, fact, 'copilot'),
    threadContactId: (conversationId) => db.conversations.get(conversationId)?.contactId ?? null,
    findContacts(kind, value) {
      const named = (contact: { id: string; firstName: string | null; lastName: string | null; email: string | null }) => ({ id: contact.id, name: displayName(contact) });
      const one = (contact: Parameters<typeof named>[0] | undefined) => (contact ? [named(contact)] : []);
      switch (kind) {
        case 'email':
          return one(db.customers.findByEmail(value));
        case 'username':
          return one(db.customers.findByUsername(value));
        case 'order_id':
          return one(db.customers.findByOrderId(value));
        case 'name':
          return db.customers.findByName(value).map(named);
        case 'account_id':
          return one(db.customers.findByAccountId(value));
        case 'phone': {
          const digits = value.replace(/\D/g, '');
          // The repository searches text; the exact field is compared here so a partial match never identifies anyone.
          return db.customers
            .search(digits.slice(-4), 50)
            .filter((contact) => ((contact.phone ?? '').replace(/\D/g, '').slice(-10) === digits.slice(-10) && digits.length >= 10))
            .map(named);
        }
        default:
          return [];
      }
    },
    contactIdentifiers(id) {
      const contact = db.customers.get(id);
      if (!contact) return undefined;
      const orders = db.customers.orders(id);
      return {
        id: contact.id,
        name: displayName(contact),
        email: contact.email,
        username: contact.username,
        phone: contact.phone,
        accountId: contact.accountId,
        zip: contact.zip,
        orderIds: orders.map((order) => order.id),
        evidence: {
          city: contact.city,
          address: contact.address,
          membership: contact.membership,
          orders: orders.map((order) => ({ id: order.id, total: order.total, placedAt: order.placedAt, items: order.lineItems.map((item) => ({ name: item.name, amount: item.price * item.quantity })) })),
        },
      };
    },
    refundedCents(orderId) {
      let cents = 0;
      for (const item of db.outbox.list({ states: ['pending', 'delivering', 'delivered'], limit: 100_000 })) {
        if (item.kind !== 'request_refund' || String(item.payload.orderId) !== orderId) continue;
        const amount = Number(item.payload.amountCents ?? Math.round(Number(item.payload.amount ?? 0) * 100));
        if (Number.isFinite(amount)) cents += amount;
      }
      return cents;
    },
  };
}

export interface CopilotMcpPortOptions {
  /** Send an approved action right after it is written (the app); tests that stop in between say false. */
  deliverOnEnqueue?: boolean;
  onDeliveryError?: (error: unknown) => void;
}

/**
 * Binds the graph's MCP port to the MCP client's hub and outbox. `call` refuses side-effecting tools:
 * those reach a server only through `enqueue`, after the agent's approval, with an idempotency key.
 */
export function createCopilotMcpPort(client: McpClientForCopilot, options: CopilotMcpPortOptions = {}): CopilotMcpPort {
  const { hub, outbox } = client;
  return {
    tools: () => hub.tools(),
    tool: (name) => hub.tool(name),
    async call(name, args) {
      const info = hub.tool(name);
      if (info?.sideEffect) throw new Error(`${name} changes something in ${info.serverName}: it runs only after the agent approves it.`);
      return hub.call(name, args);
    },
    enqueue(action) {
      const added = outbox.enqueue(action);
      this.deliverQueued();
      return added;
    },
    deliverQueued() {
      if (options.deliverOnEnqueue !== false) {
        outbox.deliverDue().catch((error: unknown) => options.onDeliveryError?.(error));
      }
    },
  };
}
