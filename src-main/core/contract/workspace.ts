import { z } from 'zod';
import { method } from './define';
import type { OutboxKind, OutboxState, OutboxTarget } from '../outbox/model';

const id = z.string().min(1).max(64);

export interface ConversationListItem {
  id: string;
  customerId: string | null;
  customerName: string | null;
  channel: 'chat' | 'email' | 'phone';
  subject: string | null;
  lastMessage: string | null;
  lastMessageAt: string | null;
  messageCount: number;
  /** When the oldest unanswered customer message arrived; null when the last word was ours. */
  waitingSince: string | null;
  /** Customer messages since our last reply. */
  unread: number;
}

export interface MessageView {
  id: string;
  direction: 'incoming' | 'outgoing';
  sender: string | null;
  text: string;
  createdAt: string;
  delivery: 'pending' | 'delivered' | 'failed';
}

/** A teammate's internal note on the thread (HubSpot's COMMENT): for the team only, never sent to the customer. */
export interface InternalNoteView {
  id: string;
  sender: string | null;
  text: string;
  createdAt: string;
}

/** A contact a visitor's thread may belong to, and what points to them. */
export interface LinkSuggestionView {
  contactId: string;
  name: string;
  email: string | null;
  /** Plain words: "wrote from jane@example.com", "gave order 3200000034". */
  because: string[];
}

/** The thread comes from a visitor who is not a contact in the CRM (yet). */
export interface VisitorView {
  /** HubSpot's visitor id, when it gave one. */
  visitorId: string | null;
  suggestions: LinkSuggestionView[];
}

export interface ConversationView {
  id: string;
  customerId: string | null;
  messages: MessageView[];
  /** The newest internal notes, oldest first; with the newest page only (absent: none). */
  notes?: InternalNoteView[];
  /** Set when the thread's customer is not a contact: the agent can link it to one, with approval. */
  visitor?: VisitorView | null;
}

export interface CustomerProfile {
  contact: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    username: string | null;
    membership: string;
    lifetimeValue: number;
    address: string | null;
    preferences: Record<string, unknown>;
  };
  orders: { id: string; name: string | null; status: string; total: number; currency: string; placedAt: string | null; items: { name: string; quantity: number; price: number }[] }[];
  tickets: { id: string; subject: string; stage: string; priority: string | null; updatedAt: string }[];
  conversations: { id: string; channel: string; status: string; subject: string | null; lastMessageAt: string | null }[];
  memory: { id: number; fact: string; source: string; createdAt: string }[];
  /** Approved actions for this customer (refunds, tickets, escalations, preference changes) and how far their delivery got. */
  actions?: { id: number; kind: string; summary: string; state: OutboxState; lastError: string | null; createdAt: string }[];
}

export interface SyncStatus {
  state: 'idle' | 'syncing' | 'error' | 'offline';
  lastSyncAt: string | null;
  lastError: { message: string; hint: string } | null;
  counts: Record<string, number>;
  quarantined: number;
}

export { outboxKinds, outboxStates, outboxTargets, type OutboxKind, type OutboxState, type OutboxTarget } from '../outbox/model';

export interface OutboxView {
  id: number;
  /** The CRM, or an MCP server (then `tool` names it). */
  target?: OutboxTarget;
  kind: OutboxKind;
  tool?: string | null;
  customerId: string;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  /** Why a dead item was given up on, for the agent. */
  deadReason?: string | null;
  /** The lane it keeps its order in (a thread): a dead item holds up the later ones of its lane. */
  waitsBehind?: number;
  createdAt: string;
  idempotencyKey?: string;
}

/** One HubSpot user of the portal, for the agent to pick as themself. */
export interface CrmOwnerView {
  userId: number;
  name: string;
  email: string | null;
}

/** One of the portal's conversation inboxes. */
export interface CrmInboxView {
  id: string;
  name: string;
}

/** The agent's own CRM settings on a shared portal (see core/workspace/crm-agent-settings.ts). */
export interface CrmAgentSettingsView {
  hubspotUserId: number | null;
  syncScope: 'auto' | 'portal' | 'agent';
  inboxIds: string[];
  rateShare: number;
  propertyConsent: boolean;
  /** The scope in effect now (`auto` resolved by the portal's size). */
  effectiveScope: 'portal' | 'agent';
}

export const workspaceMethods = {
  'workspace.listConversations': method(z.strictObject({ query: z.string().max(200).optional() })).returns<ConversationListItem[]>(),
  'workspace.getConversation': method(z.strictObject({ id, before: z.string().max(40).optional(), limit: z.number().int().min(1).max(10_000).optional() })).returns<ConversationView>(),
  'workspace.watchConversation': method(z.strictObject({ id })).returns<{ watching: string }>(),
  'customer.getProfile': method(z.strictObject({ id })).returns<CustomerProfile>(),
  'customer.deleteMemory': method(z.strictObject({ customerId: id, memoryId: z.number().int().positive() })).returns<{ deleted: boolean }>(),
  'sync.status': method(z.strictObject({})).returns<SyncStatus>(),
  'sync.now': method(z.strictObject({})).returns<SyncStatus>(),
  'outbox.list': method(z.strictObject({})).returns<OutboxView[]>(),
  'outbox.retry': method(z.strictObject({ id: z.number().int().positive() })).returns<{ retried: boolean }>(),
  /** Drops a dead item for good: it is never sent. */
  'outbox.discard': method(z.strictObject({ id: z.number().int().positive() })).returns<{ discarded: boolean }>(),
  'crm.owners': method(z.strictObject({})).returns<CrmOwnerView[]>(),
  'crm.agentSettings': method(z.strictObject({})).returns<CrmAgentSettingsView>(),
  'crm.setAgentSettings': method(
    z.strictObject({
      hubspotUserId: z.number().int().positive().nullable().optional(),
      syncScope: z.enum(['auto', 'portal', 'agent']).optional(),
      inboxIds: z.array(z.string().regex(/^\d{1,20}$/)).max(100).optional(),
      rateShare: z.number().min(0.01).max(1).optional(),
      propertyConsent: z.boolean().optional(),
    }),
  ).returns<CrmAgentSettingsView>(),
  /**
   * The agent approved linking a visitor's thread to a contact. The link is made in the local cache (HubSpot's
   * API cannot relink a thread) and an internal comment telling the team goes to the outbox, once per key.
   */
  'conversation.linkContact': method(
    z.strictObject({
      conversationId: id,
      contactId: z.string().regex(/^\d{1,30}$/, 'A contact id is digits only.'),
      idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'An idempotency key is 8–100 letters, digits, - or _.'),
    }),
  ).returns<{ customerId: string; queued: boolean }>(),
  /** The portal's conversation inboxes, for the agent to pick the ones they work in (their sync scope). */
  'crm.inboxes': method(z.strictObject({})).returns<CrmInboxView[]>(),
  /**
   * `suggestion`: how the copilot's suggestions were used for this reply (for Insights); absent when none were shown.
   * `idempotencyKey`: minted by the window once per reply and kept across its retries, so a send repeated after a
   * lost answer queues the reply once and returns the same message.
   */
  'conversation.sendReply': method(
    z.strictObject({
      conversationId: id,
      text: z.string().min(1).max(20_000),
      idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'An idempotency key is 8–100 letters, digits, - or _.'),
      suggestion: z.enum(['as_is', 'edited', 'ignored', 'none']).optional(),
    }),
  ).returns<MessageView>(),
};
