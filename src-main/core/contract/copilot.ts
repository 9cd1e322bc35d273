import { z } from 'zod';
import type { CaseState } from './case-state';
import { method } from './define';

const id = z.string().min(1).max(64);

export interface CopilotSuggestionView {
  text: string;
  /** `untranslated`: the source is in another language than the draft (the card says so). */
  citations: { articleId: string; title: string; section: string; url?: string; untranslated?: boolean }[];
  source: 'llm' | 'offline';
  /** The copilot's estimate that this draft makes the right move. */
  confidence: number;
  /** What the draft does: asks for what the flow needs next, answers, confirms an action, or closes. */
  move?: 'ask' | 'answer' | 'confirm' | 'close';
  /** The language the draft is written in (the conversation's). */
  language?: string;
  /** The copilot is unsure what the case is: check before sending. */
  uncertain?: boolean;
}

/** How the approval card edits one argument: a choice for an enum, a number, text, yes/no, a group, or read-only (ids). */
export type ArgFieldView =
  | { kind: 'choice'; options: string[] }
  | { kind: 'number'; min?: number; max?: number; exclusiveMin?: boolean }
  | { kind: 'text'; maxLength?: number; required: boolean }
  | { kind: 'boolean' }
  | { kind: 'group'; fields: Record<string, ArgFieldView> }
  | { kind: 'readonly' };

export interface CopilotActionView {
  /** The tool call id. */
  id: string;
  /** A built-in tool, or `server__tool` for a tool of an MCP server. */
  tool: string;
  /** The MCP server the tool comes from (the approval card names it); absent for built-in tools. */
  server?: string;
  /** A read-only MCP tool's answer: untrusted text, to be shown as text only. */
  result?: string;
  /** Why a read-only MCP call failed (server down, timeout), in plain words. */
  error?: string;
  args: Record<string, unknown>;
  /** How each argument is edited (from the tool's schema); absent for tools main has no schema for here. */
  fields?: Record<string, ArgFieldView>;
  /** The outbox key of an approved action (an `outbox.changed` event with the same key is its delivery). */
  outboxKey?: string;
  /** Why the agent's last edit was not taken (a value the schema or the policy refuses): the proposal stays pending and editable. */
  editError?: { field: string | null; message: string };
  policy: 'allowed' | 'blocked';
  policyReason: string | null;
  why: string;
  sideEffect: boolean;
  /** withdrawn: the copilot took a pending proposal back because it no longer fits the case (`decisionReason` says why). */
  status: 'pending' | 'approved' | 'rejected' | 'executed' | 'blocked' | 'withdrawn';
  /** Hash of `args` as shown: `copilot.decide` sends it back, and a decision on changed arguments is refused. */
  argsHash?: string;
  decisionReason: string | null;
  /** The ABCD action flow this resolves, e.g. pull-up-account → validate-purchase → offer-refund. */
  flow: string[];
  subflow: string | null;
}

export interface CopilotTurnView {
  conversationId: string;
  customer: { id: string; email: string | null; name: string; identifiedBy: string } | null;
  intent: string;
  intentConfidence: number;
  sentiment: number;
  frustration: number;
  language: string;
  escalate: { yes: boolean; reasons: string[]; handoffNote: string | null };
  suggestions: CopilotSuggestionView[];
  actions: CopilotActionView[];
  summary: string;
  timeline: { turn: number; intent: string; sentiment: number }[];
  llmError: string | null;
  ms: number;
  /** The case the copilot follows (request, identity, slots, steps); the case card shows and corrects it. */
  caseState: CaseState;
}

/** The answer to a question the agent asked the copilot, with what it rests on. */
export interface CopilotAnswerView {
  answer: string;
  sources: { kind: 'case' | 'help-centre' | 'playbook'; articleId?: string; title: string; section?: string }[];
  source: 'offline' | 'llm';
}

/** What "Test connection" for the language model shows. Never carries the key. */
export interface LlmTestView {
  ok: boolean;
  model: string;
  latencyMs: number;
  message: string;
  hint?: string;
}

const plainArgs = z.record(z.string().max(100), z.union([z.string().max(10_000), z.number(), z.boolean(), z.null(), z.record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))]));

export const copilotMethods = {
  'copilot.turn': method(z.strictObject({ conversationId: id, text: z.string().min(1).max(20_000) })).returns<CopilotTurnView>(),
  'copilot.decide': method(
    z.strictObject({
      conversationId: id,
      toolCallId: z.string().min(1).max(200),
      action: z.enum(['approve', 'reject', 'edit']),
      args: plainArgs.optional(),
      reason: z.string().max(2000).optional(),
      /** The `argsHash` of the proposal as the agent saw it: if its arguments changed since, the decision is refused. */
      argsHash: z.string().min(1).max(64).optional(),
    }),
  ).returns<CopilotTurnView>(),
  /**
   * The agent confirms or corrects the case: the request (a subflow such as `return_size`, or a general intent),
   * the identity (a contact id; empty clears it), a slot, a step marked done, or resolved ('true'/'false').
   * The correction wins over what the copilot infers, on this and every later turn.
   */
  'copilot.correctCase': method(
    z.strictObject({
      conversationId: id,
      field: z.union([
        z.enum(['request', 'identity', 'resolved']),
        z.templateLiteral(['slot:', z.enum(['orderId', 'membership', 'purchaseDate', 'reason', 'amountCents', 'refundMethod', 'address', 'phone', 'email', 'username', 'fullName', 'accountId', 'product', 'shippingOption', 'details', 'receipt', 'packaging', 'zip', 'newName', 'deliveryTime', 'paymentMethod'])]),
        z.templateLiteral(['step:', z.string().regex(/^[a-z-]{2,40}$/)]),
      ]),
      value: z.string().max(500),
    }),
  ).returns<CopilotTurnView>(),
  'copilot.state': method(z.strictObject({ conversationId: id })).returns<CopilotTurnView | null>(),
  /** "Ask the copilot": a question about this conversation or the policies, answered with sources. */
  'copilot.ask': method(z.strictObject({ conversationId: id.optional(), question: z.string().trim().min(1).max(1000) })).returns<CopilotAnswerView>(),
  /** Tries the language model with the given fields, the configured ones filling the gaps (the stored key only for the same origin). */
  'copilot.testLlm': method(
    z.strictObject({
      baseUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
      model: z.string().min(1).max(200).optional(),
      apiKey: z.string().min(1).max(8192).optional(),
    }),
  ).returns<LlmTestView>(),
};
