import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WireCall, WireEvent, WireResult } from '../../src-main/core/contract/bridge';
import type { CopilotTurnView } from '../../src-main/core/contract/copilot';
import type { AppInfo } from '../../src-main/core/contract/app';
import type { ConversationListItem, MessageView } from '../../src-main/core/contract/workspace';
import { builtRendererDir } from '../fixtures/web-host';

/**
 * The built renderer served with a scripted contract over the same WebSocket frames as the web host,
 * so the UI benchmarks measure the window alone (no core, no database, no CRM in the numbers).
 */
export interface UiHost {
  url: string;
  /** Answers to contract calls; a function may stream events through `push` before it answers. */
  answers: Map<string, (input: unknown, push: (event: WireEvent['event'], payload: unknown) => void) => unknown>;
  close(): Promise<void>;
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
const token = 'ui-bench';

export const benchConversationId = 'bench-thread';

const words = 'order parcel refund delivery tracking size colour return label courier warehouse invoice address account payment voucher'.split(' ');

/** A thread of `count` messages with lengths from one line to a long paragraph, deterministic. */
export function benchMessages(count: number): MessageView[] {
  let seed = 42;
  const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const start = Date.parse('2026-01-01T08:00:00.000Z');
  return Array.from({ length: count }, (_, index) => {
    const length = 4 + Math.floor(next() ** 3 * 120);
    const text = Array.from({ length }, () => words[Math.floor(next() * words.length)]).join(' ');
    return {
      id: `m${index}`,
      direction: index % 2 === 0 ? 'incoming' : 'outgoing',
      sender: index % 2 === 0 ? 'Customer' : 'Agent',
      text: `${index}: ${text}.`,
      createdAt: new Date(start + index * 60_000).toISOString(),
      delivery: 'delivered',
    };
  });
}

export function benchTurn(conversationId: string, suggestion = 'Thanks, I am on it.'): CopilotTurnView {
  return {
    conversationId,
    customer: null,
    intent: 'order_status',
    intentConfidence: 0.9,
    sentiment: 0,
    frustration: 0,
    language: 'en',
    escalate: { yes: false, reasons: [], handoffNote: null },
    suggestions: [{ text: suggestion, citations: [], source: 'llm', confidence: 0.8 }],
    actions: [],
    summary: 'A long conversation about an order.',
    timeline: [{ turn: 1, intent: 'order_status', sentiment: 0 }],
    llmError: null,
    ms: 1,
    caseState: {
      request: null,
      identity: { status: 'unknown', customerId: null, customerName: null, matched: [], claimed: [], conflict: null, source: 'none' },
      slots: {},
      steps: [],
      resolved: false,
      lastAct: 'request',
      acts: ['request'],
      language: 'en',
      corrections: [],
    },
  };
}

function defaults(messages: MessageView[]): UiHost['answers'] {
  const item: ConversationListItem = {
    id: benchConversationId,
    customerId: 'bench-customer',
    customerName: 'Bench Customer',
    channel: 'chat',
    subject: 'A very long thread',
    lastMessage: messages.at(-1)?.text ?? null,
    lastMessageAt: messages.at(-1)?.createdAt ?? null,
    messageCount: messages.length,
    waitingSince: null,
    unread: 0,
  };
  const info: AppInfo = { name: 'Support Copilot', version: 'bench', host: 'web', workspace: 'demo', services: [], startedAt: new Date().toISOString() };
  return new Map<string, (input: unknown, push: (event: WireEvent['event'], payload: unknown) => void) => unknown>([
    ['app.info', () => info],
    ['workspace.listConversations', () => [item]],
    [
      'workspace.getConversation',
      (input) => {
        // As the core does: the newest `limit` messages, strictly before `before` when given.
        const { before, limit = 200 } = input as { before?: string; limit?: number };
        const upTo = before ? messages.filter((message) => message.createdAt < before) : messages;
        return { id: benchConversationId, customerId: 'bench-customer', messages: upTo.slice(Math.max(0, upTo.length - limit)) };
      },
    ],
    ['workspace.watchConversation', () => ({ watching: benchConversationId })],
    ['desktop.viewing', () => ({ ok: true })],
    ['copilot.state', () => benchTurn(benchConversationId)],
    ['sync.status', () => ({ state: 'idle', lastSyncAt: new Date().toISOString(), lastError: null, counts: {}, quarantined: 0 })],
    ['outbox.list', () => []],
  ]);
}

/** `rendererDir`: another build to serve (an A/B of two builds in one run); the project's build by default. */
export async function startUiHost(messages: MessageView[], rendererDir = builtRendererDir): Promise<UiHost> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`No built renderer in ${rendererDir}: run \`npm run build\` first.`);
  const answers = defaults(messages);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(rendererDir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  const sockets = new WebSocketServer({ server, path: '/ws' });
  sockets.on('connection', (socket: WebSocket) => {
    const push = (event: WireEvent['event'], payload: unknown): void => socket.send(JSON.stringify({ kind: 'event', event, payload } satisfies WireEvent));
    socket.on('message', async (data) => {
      const call = JSON.parse(data.toString()) as WireCall;
      const answer = answers.get(call.method);
      const envelope: WireResult['envelope'] = answer
        ? { ok: true, value: await answer(call.input, push) }
        : { ok: false, error: { code: 'UNAVAILABLE', message: `${call.method} is not part of the benchmark.` } };
      socket.send(JSON.stringify({ kind: 'result', id: call.id, envelope } satisfies WireResult));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    answers,
    close: () =>
      new Promise((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
