import type { CopilotTurnView } from '../../core/contract/copilot';
import type { ConversationMessageEvent } from '../../core/contract/events';

export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export interface NotifierDeps {
  isSupported(): boolean;
  create(options: { title: string; body: string; silent?: boolean }): NotificationLike;
  enabled(): boolean;
  windowFocused(): boolean;
  viewing(): string | null;
  /** Brings the window forward when the agent clicks a notification. */
  show(): void;
}

/**
 * Native notifications for what the agent would otherwise miss: new customer messages and
 * suggested escalations in conversations they are not looking at. Bodies carry no message text,
 * which could show on a shared screen or a lock screen.
 */
export class ConversationNotifier {
  private readonly escalated = new Set<string>();

  constructor(private readonly deps: NotifierDeps) {}

  private unseen(conversationId: string): boolean {
    return !this.deps.windowFocused() || this.deps.viewing() !== conversationId;
  }

  private notify(title: string, body: string): boolean {
    if (!this.deps.enabled() || !this.deps.isSupported()) return false;
    const notification = this.deps.create({ title, body });
    notification.on('click', () => this.deps.show());
    notification.show();
    return true;
  }

  /** Takes a `conversation.message` event; only new incoming messages count, not delivery updates. */
  onMessage(event: ConversationMessageEvent, isNew: boolean): boolean {
    if (!isNew || event.message.direction !== 'incoming' || !this.unseen(event.conversationId)) return false;
    const from = event.message.sender ? `from ${event.message.sender}` : 'from a customer';
    return this.notify('New message', `New message ${from} in a conversation you are not viewing.`);
  }

  /** Takes a copilot turn; an escalation is announced once per conversation. */
  onTurn(turn: CopilotTurnView): boolean {
    if (!turn.escalate.yes) {
      this.escalated.delete(turn.conversationId);
      return false;
    }
    if (this.escalated.has(turn.conversationId) || !this.unseen(turn.conversationId)) return false;
    this.escalated.add(turn.conversationId);
    const who = turn.customer?.name ?? 'a customer';
    return this.notify('Escalation suggested', `The copilot suggests escalating the conversation with ${who}.`);
  }
}

/** Message ids already seen, so a delivery-state update of the same message never notifies again. */
export class SeenMessages {
  private readonly ids = new Set<string>();

  constructor(private readonly limit = 5_000) {}

  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.limit) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
