import type { ConversationMessageEvent } from '@contract/events';
import type { InternalNoteView, MessageView, VisitorView } from '@contract/workspace';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { useClient } from '../client/provide';
import { fullThreadForBenchmark } from '../composables/bench-switch';
import { shownError, type ShownError } from '../composables/errors';
import { suggestionUse } from './insights';

/** The most the contract returns in one call. */
export const threadLimit = 10_000;
/** Opening shows the newest messages at once; older ones load in pages as the agent scrolls up. */
export const firstPage = 100;
export const olderPage = 500;

/** The open conversation: its thread (live), and the composer's draft with where it came from. */
export const useConversationStore = defineStore('conversation', () => {
  const id = ref<string | undefined>();
  const customerId = ref<string | null>(null);
  // A plain array behind a shallow ref: 10,000 deep-reactive messages would cost more than the list that shows them.
  const messages = shallowRef<MessageView[]>([]);
  const loading = ref(false);
  const error = ref<ShownError | undefined>();
  const draft = ref('');
  /** The suggestion text last put into the composer, to tell "sent as is" from "edited". */
  const acceptedSuggestion = ref<string | undefined>();
  const sending = ref(false);
  const sendError = ref<ShownError | undefined>();
  /** Why the send key did nothing (an empty composer); cleared as soon as the agent types or inserts. */
  const nothingToSend = ref(false);
  const hasOlder = ref(false);
  const loadingOlder = ref(false);
  const olderError = ref<ShownError | undefined>();
  /** The team's internal notes on the thread: shown apart from the messages, never as sent to the customer. */
  const notes = shallowRef<InternalNoteView[]>([]);
  /** Set when the thread comes from a visitor who is not a contact: the agent may link it, with approval. */
  const visitor = ref<VisitorView | null>(null);
  const linking = ref(false);
  const linkError = ref<ShownError | undefined>();
  let linkKey: { conversationId: string; contactId: string; key: string } | undefined;
  let sequence = 0;

  const lastIncoming = computed(() => {
    for (let index = messages.value.length - 1; index >= 0; index--) {
      const message = messages.value[index];
      if (message?.direction === 'incoming') return message;
    }
    return undefined;
  });

  async function open(conversationId: string): Promise<void> {
    const mine = ++sequence;
    id.value = conversationId;
    loading.value = true;
    error.value = undefined;
    messages.value = [];
    draft.value = '';
    acceptedSuggestion.value = undefined;
    sendError.value = undefined;
    nothingToSend.value = false;
    hasOlder.value = false;
    loadingOlder.value = false;
    olderError.value = undefined;
    notes.value = [];
    visitor.value = null;
    linkError.value = undefined;
    try {
      const client = useClient();
      const limit = fullThreadForBenchmark() ? threadLimit : firstPage;
      const result = await client.call('workspace.getConversation', { id: conversationId, limit });
      if (mine !== sequence) return;
      customerId.value = result.customerId;
      messages.value = result.messages;
      notes.value = result.notes ?? [];
      visitor.value = result.visitor ?? null;
      hasOlder.value = result.messages.length === limit;
      void client.call('workspace.watchConversation', { id: conversationId }).catch(() => undefined);
    } catch (caught) {
      if (mine !== sequence) return;
      error.value = shownError(caught, 'This conversation could not be opened.', 'Pick it again from the queue.');
    } finally {
      if (mine === sequence) loading.value = false;
    }
  }

  /**
   * The page before the oldest message shown. `before` is exclusive on the timestamp, so it asks from the next
   * newer timestamp and drops what it already has: messages sharing the oldest timestamp are not skipped.
   */
  async function loadOlder(): Promise<number> {
    const conversationId = id.value;
    const list = messages.value;
    const oldest = list[0];
    if (!conversationId || !oldest || !hasOlder.value || loadingOlder.value) return 0;
    const newer = list.find((message) => message.createdAt > oldest.createdAt);
    if (!newer) {
      hasOlder.value = false;
      return 0;
    }
    const mine = sequence;
    loadingOlder.value = true;
    olderError.value = undefined;
    try {
      const result = await useClient().call('workspace.getConversation', { id: conversationId, before: newer.createdAt, limit: olderPage });
      if (mine !== sequence) return 0;
      const current = messages.value;
      const known = new Set(current.map((message) => message.id));
      const older = result.messages.filter((message) => !known.has(message.id) && message.createdAt <= oldest.createdAt);
      hasOlder.value = result.messages.length === olderPage && older.length > 0;
      if (older.length > 0) messages.value = [...older, ...current];
      return older.length;
    } catch (caught) {
      if (mine === sequence) olderError.value = shownError(caught, 'Older messages could not be loaded.', 'Scroll up again to retry.');
      return 0;
    } finally {
      if (mine === sequence) loadingOlder.value = false;
    }
  }

  /** A live message or a delivery update (same id replaces). Returns true when it was new. */
  function apply(event: ConversationMessageEvent): boolean {
    if (event.conversationId !== id.value) return false;
    // A new array each time, so the list component sees the change (copying 10,000 references is cheap).
    const list = messages.value;
    const index = list.findIndex((message) => message.id === event.message.id);
    if (index >= 0) {
      messages.value = list.map((message, at) => (at === index ? event.message : message));
      return false;
    }
    messages.value = [...list, event.message];
    return true;
  }

  /**
   * The agent approved linking this visitor's thread to a contact. One key per approval, kept across retries
   * of the same choice, so a lost answer queues the team's comment once. Returns the contact on success.
   */
  async function linkContact(contactId: string): Promise<string | undefined> {
    const conversationId = id.value;
    if (!conversationId || linking.value) return undefined;
    linking.value = true;
    linkError.value = undefined;
    if (!linkKey || linkKey.conversationId !== conversationId || linkKey.contactId !== contactId) linkKey = { conversationId, contactId, key: crypto.randomUUID() };
    try {
      const result = await useClient().call('conversation.linkContact', { conversationId, contactId, idempotencyKey: linkKey.key });
      if (id.value === conversationId) {
        customerId.value = result.customerId;
        visitor.value = null;
      }
      linkKey = undefined;
      return result.customerId;
    } catch (caught) {
      linkError.value = shownError(caught, 'The conversation could not be linked.', 'Nothing was changed; try again.');
      return undefined;
    } finally {
      linking.value = false;
    }
  }

  function noteNothingToSend(): void {
    nothingToSend.value = true;
  }

  function insert(text: string, fromSuggestion: boolean): void {
    nothingToSend.value = false;
    draft.value = text;
    acceptedSuggestion.value = fromSuggestion ? text : undefined;
  }

  /** Appends a passage to the draft (knowledge search), keeping what the agent wrote. */
  function append(text: string): void {
    draft.value = draft.value.trim() ? `${draft.value.trimEnd()}\n\n${text}` : text;
  }

  let replyKey: { conversationId: string; text: string; key: string } | undefined;

  /** Queues the reply in the outbox; the message shows as pending until the CRM has it. */
  /** `suggestionsShown`: whether the copilot offered suggestions for this reply, so main can count how they were used. */
  async function send(suggestionsShown = false): Promise<{ text: string; suggestion: string | undefined } | undefined> {
    const text = draft.value.trim();
    if (!id.value || !text || sending.value) return undefined;
    sending.value = true;
    sendError.value = undefined;
    const suggestion = acceptedSuggestion.value;
    const body = text.slice(0, 20_000);
    // One key per reply, kept while the same text is retried: if an answer was lost, main queues it once.
    if (!replyKey || replyKey.conversationId !== id.value || replyKey.text !== body) replyKey = { conversationId: id.value, text: body, key: crypto.randomUUID() };
    try {
      const message = await useClient().call('conversation.sendReply', {
        conversationId: id.value,
        text: body,
        idempotencyKey: replyKey.key,
        suggestion: suggestionUse({ text, accepted: suggestion, suggestionsShown }),
      });
      apply({ conversationId: id.value, message });
      replyKey = undefined;
      draft.value = '';
      acceptedSuggestion.value = undefined;
      return { text, suggestion };
    } catch (caught) {
      sendError.value = shownError(caught, 'The reply could not be queued.', 'Your text is still in the composer; try again.');
      return undefined;
    } finally {
      sending.value = false;
    }
  }

  function close(): void {
    sequence++;
    hasOlder.value = false;
    id.value = undefined;
    messages.value = [];
    notes.value = [];
    visitor.value = null;
    draft.value = '';
  }

  return {
    id,
    customerId,
    messages,
    loading,
    error,
    draft,
    acceptedSuggestion,
    sending,
    sendError,
    nothingToSend,
    noteNothingToSend,
    hasOlder,
    loadingOlder,
    olderError,
    notes,
    visitor,
    linking,
    linkError,
    linkContact,
    lastIncoming,
    open,
    loadOlder,
    apply,
    insert,
    append,
    send,
    close,
  };
});
