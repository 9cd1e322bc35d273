import type { CopilotActionView } from '../contract/copilot';
import type { KnowledgeHit } from '../knowledge/types';

export type ToolName =
  | 'search_knowledge'
  | 'lookup_orders'
  | 'lookup_customer'
  | 'create_ticket'
  | 'update_ticket'
  | 'request_refund'
  | 'escalate_to_human'
  | 'update_preferences'
  | 'send_reply';

/** A tool from a connected MCP server, named `server__tool`. */
export type McpToolName = `${string}__${string}`;

export interface Turn {
  role: 'customer' | 'agent' | 'system';
  text: string;
  at: string;
}

export interface CustomerContext {
  id: string;
  name: string;
  email: string | null;
  username: string | null;
  phone: string | null;
  /** The CRM's postal address, redacted as a literal before any LLM call. */
  address?: string | null;
  membership: string;
  lifetimeValue: number;
  orders: { id: string; status: string; total: number; placedAt: string | null; items: string[] }[];
  openTickets: { id: string; subject: string; stage: string }[];
  memory: string[];
  /** How the customer was recognised: "email", "username", "order id", "name", "conversation". */
  identifiedBy: string;
}

export interface Citation {
  articleId: string;
  title: string;
  section: string;
  url?: string;
  /** The cited article is in another language than the draft. */
  untranslated?: boolean;
}

export interface Suggestion {
  text: string;
  citations: Citation[];
  source: 'llm' | 'offline';
  confidence: number;
  move?: 'ask' | 'answer' | 'confirm' | 'close';
  language?: string;
  uncertain?: boolean;
}

export type PolicyResult = { allowed: true; note?: string } | { allowed: false; reason: string };

/**
 * A proposed tool call: the approval card's view (`id` is the tool call id that decisions and idempotency
 * keys hang off) plus what only main keeps.
 */
export interface Proposal extends CopilotActionView {
  tool: ToolName | McpToolName;
  idempotencyKey: string | null;
  turn: number;
  /** The case (CaseState.caseKey) the proposal belongs to; absent on proposals made before cases existed. */
  caseKey?: string;
  /** The model's tool-call id, when the model proposed it (the proposal's own id is minted in main). */
  toolCallId?: string;
}

export interface Decision {
  toolCallId: string;
  action: 'approve' | 'reject' | 'edit';
  args?: Record<string, unknown>;
  reason?: string;
  /** argsHash of the arguments the agent saw (incl. their own edits' base); a mismatch refuses the decision. */
  argsHash?: string;
}

export interface Escalation {
  yes: boolean;
  reasons: string[];
  handoffNote: string | null;
}

export interface KnowledgeRef extends Pick<KnowledgeHit, 'articleId' | 'title' | 'section' | 'snippet' | 'chunkText' | 'score'> {
  url?: string;
  /** Absent on hits checkpointed before sources had kinds: read as a playbook unless a demo policy page. */
  kind?: KnowledgeHit['kind'];
  language?: string;
  /** The retailer's subflows a help-centre article answers (its front matter), so a draft quotes the case's own article. */
  subflows?: string[];
  /**
   * True on the case article's other sections, read whole beside the search's passages: they serve the offline
   * drafts only, so the model's prompt keeps to what the search ranked, within its token budget.
   */
  readWhole?: boolean;
}
