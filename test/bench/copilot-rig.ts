import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCopilotPorts, type CopilotPorts } from '../../src-main/core/copilot/index';
import type { NodeDeps } from '../../src-main/core/copilot/deps';
import { emptyCaseState } from '../../src-main/core/copilot/case/case-types';
import { createChatModel, type LlmSettings } from '../../src-main/core/copilot/llm';
import type { CopilotStateType, CopilotStateUpdate } from '../../src-main/core/copilot/state';
import type { Proposal } from '../../src-main/core/copilot/types';
import type { Redactor } from '../../src-main/core/language/redaction/redactor';
import { startDemoCrm, type DemoCrm } from '../../src-main/core/crm/demo/index';
import { createHubSpotConnector } from '../../src-main/core/crm/index';
import { loadDemoKnowledge, openKnowledgeIndex, type KnowledgeArticle, type KnowledgeIndex } from '../../src-main/core/knowledge/index';
import { inspectCache, openCacheDatabase, type CacheDatabase } from '../../src-main/core/storage/index';
import { createSyncEngine } from '../../src-main/core/sync/index';
import { hashingEmbedder, sentence, zipfWords } from './corpus';

/** The real modules the copilot benchmarks run on: demo CRM synced into SQLite, LanceDB over the demo KB plus filler chunks. */
export interface CopilotRig {
  dir: string;
  crm: DemoCrm;
  db: CacheDatabase;
  knowledge: KnowledgeIndex;
  ports: CopilotPorts;
  chunks: number;
  /** Customer messages that name a real customer by email and order, as agents see them. */
  messages: string[];
  /** The customers those messages name. */
  contacts: { id: string; email: string }[];
  close(): Promise<void>;
}

export async function startCopilotRig(fillerChunks: number): Promise<CopilotRig> {
  const dir = mkdtempSync(join(tmpdir(), 'copilot-bench-'));
  const crm = await startDemoCrm({ seed: 3, contacts: 200 });
  const db = openCacheDatabase(join(dir, 'cache.db'));
  await createSyncEngine({ db, connector: createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'demo' }) }).syncAll();
  const next = zipfWords(30_000, 7);
  // One chunk per filler article keeps the chunk count exact.
  const filler: KnowledgeArticle[] = Array.from({ length: fillerChunks }, (_, index) => ({ id: `filler-${index}`, title: sentence(next, 4), body: sentence(next, 60), source: 'bench' }));
  const knowledge = await openKnowledgeIndex({ dataDir: dir, embedder: hashingEmbedder(384) });
  const demo = await loadDemoKnowledge();
  await knowledge.indexArticles([...demo, ...filler], 'bench');
  const stats = await knowledge.stats();
  const contacts = (inspectCache(db).rows('contacts') as { id: string; email: string | null }[]).filter((contact): contact is { id: string; email: string } => contact.email !== null).slice(0, 50);
  const templates = [
    (email: string, order: string) => `Hi, my email is ${email}. Order ${order} arrived in the wrong size, can I get a refund?`,
    (email: string, order: string) => `Where is my package? Order ${order}, account ${email}`,
    (email: string) => `I was charged twice this month, ${email} here, please fix it`,
    (email: string, order: string) => `Can I change the shipping address on order ${order}? I'm ${email}`,
  ];
  const messages = contacts.map((contact, index) => {
    const order = db.customers.orders(contact.id)[0]?.id ?? '1234567890';
    const template = templates[index % templates.length] ?? ((email: string) => `Hi, ${email} here, where is my order?`);
    return template(contact.email, order);
  });
  return {
    dir,
    crm,
    db,
    knowledge,
    ports: createCopilotPorts({ db, knowledge: async () => knowledge }),
    chunks: stats.chunks,
    messages,
    contacts,
    async close() {
      await knowledge.close();
      db.close();
      await crm.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Node dependencies as createCopilot builds them, for calling the node functions without the graph. */
export function plainDeps(ports: CopilotPorts, llm: LlmSettings | undefined, tokenBudget = 3000): NodeDeps {
  const redactors = new Map<string, Redactor>();
  return {
    ports,
    llm: llm ? createChatModel(llm) : undefined,
    tokenBudget,
    now: () => new Date(),
    redactorFor(conversationId, customer) {
      let redactor = redactors.get(conversationId);
      if (!redactor) {
        redactor = ports.createRedactor([]);
        redactors.set(conversationId, redactor);
      }
      if (customer) redactor.addKnownNames([customer.name, customer.username ?? ''].filter(Boolean));
      return redactor;
    },
  };
}

export function emptyState(conversationId: string, incoming: string): CopilotStateType {
  return {
    conversationId,
    incoming,
    turns: [],
    turnCount: 0,
    customer: null,
    intents: [],
    sentiments: [],
    frustration: 0,
    cues: [],
    language: 'en',
    entities: [],
    caseState: emptyCaseState(),
    knowledge: [],
    suggestions: [],
    proposals: [],
    escalation: { yes: false, reasons: [], handoffNote: null },
    summary: '',
    facts: [],
    notesForModel: [],
    llmError: null,
  };
}

const appended = new Set(['turns', 'intents', 'sentiments', 'notesForModel']);

/** Applies a node's update the way the state's reducers do: appends, proposals merged by id, the rest replaced. */
export function applyUpdate(state: CopilotStateType, update: CopilotStateUpdate): CopilotStateType {
  const next: Record<string, unknown> = { ...state };
  for (const [key, value] of Object.entries(update)) {
    if (value === undefined) continue;
    if (appended.has(key)) next[key] = [...(next[key] as unknown[]), ...(value as unknown[])];
    else if (key === 'proposals') {
      const byId = new Map(state.proposals.map((proposal) => [proposal.id, proposal]));
      for (const proposal of value as Proposal[]) byId.set(proposal.id, proposal);
      next[key] = [...byId.values()];
    } else next[key] = value;
  }
  return next as CopilotStateType;
}
