/**
 * The one outbox's vocabulary, declared once: the storage, the delivery loop, the CRM connector, the
 * MCP client, the copilot and the contract all use these, so a kind or a state cannot mean two things.
 */

/** Where an approved action goes. */
export const outboxTargets = ['crm', 'mcp'] as const;
export type OutboxTarget = (typeof outboxTargets)[number];

/** What the CRM connector knows how to deliver. */
export const crmActionKinds = ['send_reply', 'request_refund', 'create_ticket', 'update_ticket', 'escalate', 'update_preferences', 'handoff_note', 'link_contact'] as const;
export type CrmActionKind = (typeof crmActionKinds)[number];

/** An MCP server's side-effecting tool, named in the item's `tool`. */
export const mcpToolKind = 'mcp_tool';
export const outboxKinds = [...crmActionKinds, mcpToolKind] as const;
export type OutboxKind = (typeof outboxKinds)[number];

/**
 * pending → delivering → delivered; a failure goes back to pending (with a later next try) or to dead.
 * dead → pending when the agent retries it, dead → discarded when they drop it.
 */
export const outboxStates = ['pending', 'delivering', 'delivered', 'dead', 'discarded'] as const;
export type OutboxState = (typeof outboxStates)[number];
/** States in which an item still holds up the items queued after it in its lane. */
export const unsettledStates: readonly OutboxState[] = ['pending', 'delivering', 'dead'];

/** One approved side effect for the CRM, as the copilot, the composer and the connector pass it. */
export interface CrmAction {
  kind: CrmActionKind;
  customerId: string;
  payload: Record<string, unknown>;
}

export interface OutboxItem {
  id: number;
  target: OutboxTarget;
  kind: OutboxKind;
  /** '' for an MCP action that concerns no customer. */
  customerId: string;
  /** The qualified MCP tool (`server__tool`); null for the CRM. */
  tool: string | null;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  /** Items with the same lane are delivered in the order they were queued (replies on a thread); null: no order. */
  lane: string | null;
  /** The idempotency key of the item this one waits for (an update waits for its create). */
  dependsOn: string | null;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  /** Why a dead item was given up on, in words for the agent. */
  deadReason: string | null;
  createdAt: string;
  nextAttemptAt: string;
  deliveredAt: string | null;
  /** What the target answered (JSON), once delivered. */
  result: string | null;
}

export interface NewOutboxItem {
  target?: OutboxTarget;
  kind: OutboxKind;
  customerId: string;
  tool?: string | null;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  dependsOn?: string | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * What an item must wait for, from what it does: posts to one thread keep their order, changes to one
 * ticket keep theirs, a contact's preference changes (merged into one CRM property) keep theirs.
 * Everything else is independent: a refund never waits behind another customer action.
 */
export function laneOf(item: Pick<NewOutboxItem, 'kind' | 'customerId' | 'payload'>): string | null {
  const { kind, payload } = item;
  if ((kind === 'send_reply' || kind === 'handoff_note' || kind === 'link_contact') && text(payload.conversationId)) return `thread:${text(payload.conversationId)}`;
  if ((kind === 'update_ticket' || kind === 'escalate') && text(payload.ticketId)) return `ticket:${text(payload.ticketId)}`;
  if (kind === 'update_preferences') return `preferences:${item.customerId}`;
  return null;
}
