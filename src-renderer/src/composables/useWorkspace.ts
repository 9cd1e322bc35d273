import { useClient } from '../client/provide';
import type { PlainArgs } from '../components/copilot/arg-editing';
import { useConversationStore } from '../stores/conversation';
import { useCopilotStore } from '../stores/copilot';
import { useCustomerStore } from '../stores/customer';
import { useKnowledgeStore } from '../stores/knowledge';
import { useQueueStore } from '../stores/queue';
import { useUiStore } from '../stores/ui';


/** Resolves once the frame now being prepared has been painted (at once where there are no frames). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/**
 * The agent's actions that span several stores: opening a conversation loads its thread,
 * customer and copilot state; sending tells main how the suggestions were used (for Insights); a live customer message wakes the copilot.
 */
export function useWorkspace() {
  const queue = useQueueStore();
  const conversation = useConversationStore();
  const copilot = useCopilotStore();
  const customer = useCustomerStore();
  const knowledge = useKnowledgeStore();
  const ui = useUiStore();

  function noteTurn(): void {
    const view = copilot.turn;
    if (!view) return;
    queue.setSignals(view.conversationId, { sentiment: view.sentiment, escalated: view.escalate.yes });
  }

  async function openConversation(id: string): Promise<void> {
    if (ui.view !== 'workspace') ui.view = 'workspace';
    queue.select(id);
    await conversation.open(id);
    if (conversation.id !== id) return;
    // The thread paints first; the customer and copilot panels start in the frame after it, so an open is not one long task.
    await afterPaint();
    if (conversation.id !== id) return;
    void useClient()
      .call('desktop.viewing', { conversationId: id })
      .catch(() => undefined);
    void customer.load(conversation.customerId);
    await copilot.open(id, conversation.lastIncoming?.text);
    noteTurn();
  }

  async function step(delta: 1 | -1): Promise<void> {
    const id = queue.step(delta);
    if (id && id !== conversation.id) await openConversation(id);
  }

  function useSuggestion(index: number): boolean {
    const suggestion = copilot.suggestions[index];
    if (!suggestion || copilot.thinking) return false;
    conversation.insert(suggestion.text, true);
    ui.requestFocus('composer');
    return true;
  }

  async function send(): Promise<void> {
    const conversationId = conversation.id;
    if (!conversationId) return;
    const sent = await conversation.send(copilot.suggestions.length > 0);
    if (!sent) return;
    queue.noteMessage(conversationId, { id: 'sent', direction: 'outgoing', text: sent.text, createdAt: new Date().toISOString() });
  }

  /**
   * Ctrl/Cmd+Enter sends only what the agent can already read in the composer. On an empty composer it
   * sends nothing and inserts nothing (two presses must never send a draft nobody read): it says how to take one.
   */
  async function sendOrAccept(): Promise<void> {
    if (conversation.draft.trim()) await send();
    else conversation.noteNothingToSend();
  }

  async function decide(actionId: string, action: 'approve' | 'reject' | 'edit', extra: { args?: PlainArgs; reason?: string } = {}): Promise<void> {
    if (!(await copilot.decide(actionId, action, extra))) return;
    noteTurn();
    // An approval leaves its trace in the customer's profile (Approved actions).
    if (action !== 'reject') void customer.refresh();
  }

  /** The agent approved linking a visitor's thread to a contact: the customer panel and the queue show them at once. */
  async function linkVisitor(contactId: string): Promise<void> {
    const linked = await conversation.linkContact(contactId);
    if (!linked) return;
    void customer.load(linked);
    void queue.load();
  }

  /** A citation opens its article beside the thread, at the section the suggestion cites; Esc comes back. */
  async function openSource(articleId: string, section?: string): Promise<void> {
    const cited = section ?? copilot.suggestions.flatMap((suggestion) => suggestion.citations).find((citation) => citation.articleId === articleId)?.section;
    const from = typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null);
    ui.tab = 'knowledge';
    await knowledge.open(articleId, cited);
    ui.returnFocusTo(from);
  }

  function insertPassage(text: string): void {
    conversation.append(text);
    ui.requestFocus('composer');
  }

  /** A live message: into the thread, into the queue row, and a new copilot turn when the customer wrote. */
  async function onLiveMessage(event: Parameters<typeof conversation.apply>[0]): Promise<void> {
    queue.noteMessage(event.conversationId, event.message);
    const isNew = conversation.apply(event);
    if (isNew && event.message.direction === 'incoming' && event.conversationId === conversation.id) {
      await copilot.runTurn(event.conversationId, event.message.text);
      noteTurn();
    }
  }

  return { openConversation, step, useSuggestion, send, sendOrAccept, decide, linkVisitor, openSource, insertPassage, onLiveMessage };
}
