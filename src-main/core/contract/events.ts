import { event } from './define';
import type { McpActionEvent, McpServerView } from './mcp';
import type { OutboxKind, OutboxState, OutboxTarget } from '../outbox/model';
import type { MessageView } from './workspace';

export interface ServiceStateEvent {
  name: string;
  state: 'ready' | 'starting' | 'offline' | 'error';
  detail?: string;
}

export interface SyncProgressEvent {
  objectType: string;
  pages: number;
  records: number;
  phase: 'initial' | 'incremental';
  done: boolean;
}

export interface SyncErrorEvent {
  message: string;
  hint: string;
}

/** A new message, or a new delivery state of one already sent (same id: replace it). */
export interface ConversationMessageEvent {
  conversationId: string;
  message: MessageView;
}

/** An outbox item changed state (delivered, waiting to retry, dead-lettered). */
export interface OutboxChangedEvent {
  id: number;
  target?: OutboxTarget;
  kind: OutboxKind;
  customerId: string;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  deadReason?: string | null;
  /** The key the item was queued under: a copilot action's `outboxKey`, so its card follows the delivery. */
  idempotencyKey?: string;
}

/** A menu item, a global shortcut or the tray asked the window to run one of its commands (a renderer command id). */
export interface AppCommandEvent {
  command: string;
}

/** Something failed in main outside any request (an uncaught error): shown to the agent instead of a silent exit. */
export interface AppErrorEvent {
  message: string;
  hint: string;
}

export interface CopilotTokenEvent {
  conversationId: string;
  suggestionIndex: number;
  token: string;
}

/**
 * Events main pushes to the renderer. Later capabilities add theirs here
 * (streamed suggestion tokens, sync progress, new messages).
 */
export const events = {
  'app.serviceState': event<ServiceStateEvent>(),
  'sync.progress': event<SyncProgressEvent>(),
  'sync.error': event<SyncErrorEvent>(),
  'conversation.message': event<ConversationMessageEvent>(),
  'outbox.changed': event<OutboxChangedEvent>(),
  'copilot.token': event<CopilotTokenEvent>(),
  'app.command': event<AppCommandEvent>(),
  'app.error': event<AppErrorEvent>(),
  /** A server connected, failed, changed its tool list, or was added, edited or removed. */
  'mcp.servers.changed': event<{ servers: McpServerView[] }>(),
  'mcp.action': event<McpActionEvent>(),
};
