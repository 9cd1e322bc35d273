import type { EventName, MethodName } from './index';

/**
 * The contract's names and nothing else, for the sandboxed preload: importing the contract itself would
 * bundle every zod schema into it. The contract (index.ts) stays the one source: the type checks below fail
 * to compile when a method or event is added to or removed from it without this list, and
 * test/hosts/electron/preload-names.test.ts compares the two at run time.
 */
export const methodNameList = [
  'app.info',
  'app.echo',
  'knowledge.search',
  'knowledge.getArticle',
  'knowledge.markKind',
  'workspace.listConversations',
  'workspace.getConversation',
  'workspace.watchConversation',
  'customer.getProfile',
  'customer.deleteMemory',
  'sync.status',
  'sync.now',
  'outbox.list',
  'outbox.retry',
  'outbox.discard',
  'crm.owners',
  'crm.agentSettings',
  'crm.setAgentSettings',
  'crm.inboxes',
  'conversation.linkContact',
  'conversation.sendReply',
  'copilot.turn',
  'copilot.decide',
  'copilot.state',
  'copilot.testLlm',
  'copilot.correctCase',
  'copilot.ask',
  'desktop.settings.get',
  'desktop.settings.update',
  'desktop.viewing',
  'mcp.servers.list',
  'mcp.servers.add',
  'mcp.servers.test',
  'mcp.servers.update',
  'mcp.servers.remove',
  'insights.today',
  'insights.conversation',
] as const satisfies readonly MethodName[];

export const eventNameList = [
  'app.serviceState',
  'sync.progress',
  'sync.error',
  'conversation.message',
  'outbox.changed',
  'copilot.token',
  'app.command',
  'app.error',
  'mcp.servers.changed',
  'mcp.action',
] as const satisfies readonly EventName[];

type Unlisted<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : { 'add to names.ts': Exclude<All, Listed> };
export const everyMethodListed: Unlisted<MethodName, (typeof methodNameList)[number]> = true;
export const everyEventListed: Unlisted<EventName, (typeof eventNameList)[number]> = true;

const methods: ReadonlySet<string> = new Set(methodNameList);
const eventSet: ReadonlySet<string> = new Set(eventNameList);

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && methods.has(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && eventSet.has(value);
}

/** The IPC channels of the Electron host; the web host frames the same envelopes over a WebSocket. */
export const ipcChannels = {
  call: 'copilot:call',
  event: 'copilot:event',
} as const;
