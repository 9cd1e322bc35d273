import { event } from './define';

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
  message: {
    id: string;
    direction: 'incoming' | 'outgoing';
    sender: string | null;
    text: string;
    createdAt: string;
    delivery: 'pending' | 'delivered' | 'failed';
  };
}

/** An outbox item changed state (delivered, waiting to retry, dead-lettered). */
export interface OutboxChangedEvent {
  id: number;
  kind: string;
  customerId: string;
  state: 'pending' | 'delivering' | 'delivered' | 'dead';
  attempts: number;
  lastError: string | null;
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
};
