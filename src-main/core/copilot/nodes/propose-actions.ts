import { tool } from '@langchain/core/tools';
import { ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { checkCasePolicy, toCents, type CasePolicyContext } from '../case/case-policy';
import { subflowActions } from '../case/flows';
import { changeSlotOf, planCaseActions, ticketChangeValue } from '../case/plan-actions';
import type { NodeDeps } from '../deps';
import { buildPrompt } from '../prompt';
import type { CopilotStateType, CopilotStateUpdate } from '../state';
import { isToolName, toolCatalog } from '../tools/catalog';
import { checkProposedTool, mcpLlmTools, offlineMcpCalls } from '../tools/mcp-tools';
import type { Proposal } from '../types';
import { describeLlmError } from '../llm-errors';
import { frameToolResult } from '../text-safety';

const builtInTools = Object.values(toolCatalog).map((spec) =>
  tool(async () => 'handled by the copilot graph', { name: spec.name, description: spec.description, schema: spec.schema }),
);
/** Model calls per turn: a read-only MCP answer goes back to the model, which may then propose more. */
const maxRounds = 3;

interface RawCall {
  id: string;
  tool: string;
  args: unknown;
  why: string;
  /** The model or the agent: a call the copilot itself planned is never shown blocked, it is just not made. */
  origin: 'model' | 'rule';
  /** Placeholders in the model's arguments that stand for nothing in this conversation: the call is refused. */
  unknownPlaceholders?: string[];
}

/** Why a call whose arguments hold a placeholder main cannot map back is refused, in the agent's words. */
function unknownPlaceholderReason(placeholders: string[]): string {
  const list = placeholders.slice(0, 3).join(', ');
  return `The model used ${list}, which stands for nothing known in this conversation, so the call was not made. Check the customer's details and propose it yourself if it is needed.`;
}

/** Arguments compared without the free-text reason, which follows the case's wording. */
function sameArgs(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const strip = ({ reason: _reason, content: _content, why: _why, ...rest }: Record<string, unknown>) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/**
 * Once per case: a side effect already pending, approved or done in this case is not proposed again; a
 * rejected, withdrawn or blocked one comes back only with other arguments (new information). A read-only
 * lookup runs again only with other arguments.
 */
function alreadyProposed(existing: Proposal[], tool: string, args: Record<string, unknown>, sideEffect: boolean, caseKey: string | undefined, subflow: string | null): boolean {
  return existing.some((item) => {
    if (item.tool !== tool) return false;
    if (caseKey && item.caseKey && item.caseKey !== caseKey) return false;
    if (!sideEffect) return sameArgs(item.args, args) || JSON.stringify(item.args) === JSON.stringify(args);
    if (item.status === 'pending' || item.status === 'approved' || item.status === 'executed') return true;
    // A blocked ticket never reached the agent: its body with the value it lacked (a change's new value) is new information.
    if (item.status === 'blocked' && item.args.content !== args.content) return false;
    // A change ticket turned down or withdrawn comes back when the customer gives another new value (a corrected name).
    const slot = changeSlotOf(subflow);
    if (tool === 'create_ticket' && slot && ticketChangeValue(item.args.content, slot) !== ticketChangeValue(args.content, slot)) return false;
    return sameArgs(item.args, args);
  });
}

/** Proposal ids are minted here: a model that reuses a tool-call id neither overwrites nor loses a proposal. */
function mintId(wanted: string, taken: Set<string>, turn: number): string {
  if (!taken.has(wanted)) return wanted;
  let n = 2;
  while (taken.has(`${wanted}~t${turn}-${n}`)) n += 1;
  return `${wanted}~t${turn}-${n}`;
}

/** What the model is told about each of its calls, so its next round builds on the results. */
function feedback(proposal: Proposal | undefined, redact: (text: string) => string): string {
  if (!proposal) return 'Already proposed in this case.';
  // Policy reasons and errors name real orders and customers: they go back to the model redacted too.
  if (proposal.status === 'blocked') return `Not allowed: ${redact(proposal.policyReason ?? 'blocked by policy')}`;
  if (proposal.status === 'pending') return 'Proposed to the agent for approval; it has not run.';
  if (proposal.server && proposal.error) return `The tool failed: ${redact(proposal.error)}`;
  if (proposal.server) return frameToolResult({ qualifiedName: proposal.tool, serverName: proposal.server }, redact(proposal.result ?? ''));
  return 'Shown to the agent.';
}

/** The case's value for the change a pending ticket carries, where the customer has since corrected it. */
function correctedValue(proposal: Proposal, caseState: CopilotStateType['caseState']): string | undefined {
  const slot = changeSlotOf(caseState.request?.subflow);
  if (proposal.tool !== 'create_ticket' || !slot) return undefined;
  const onTicket = ticketChangeValue(proposal.args.content, slot);
  const now = caseState.slots[slot];
  return onTicket !== undefined && now && now !== onTicket ? now : undefined;
}

/** Pending proposals that no longer fit: the case changed or was resolved, the customer declined, or its policy now says no. */
function withdrawals(state: CopilotStateType, policy: CasePolicyContext): Proposal[] {
  const caseState = state.caseState;
  const out: Proposal[] = [];
  for (const proposal of state.proposals) {
    if (proposal.status !== 'pending' || !proposal.sideEffect) continue;
    let reason: string | null = null;
    const declinedNow = caseState.declined && caseState.declined.line === caseState.acts.length - 1;
    const corrected = correctedValue(proposal, caseState);
    if (caseState.resolved) reason = 'The case was resolved.';
    else if (declinedNow && (!proposal.caseKey || !caseState.caseKey || proposal.caseKey === caseState.caseKey)) reason = `The customer declined ("${caseState.declined?.text ?? ''}").`;
    else if (proposal.caseKey && caseState.caseKey && proposal.caseKey !== caseState.caseKey) reason = `The case changed to ${caseState.request?.label ?? 'another request'}.`;
    else if (corrected) reason = `The customer corrected the new value to "${corrected}".`;
    else if (isToolName(proposal.tool) && proposal.caseKey) {
      const check = checkCasePolicy(proposal.tool, proposal.args, policy, proposal.id);
      if (!check.allowed) reason = check.reason;
    }
    if (reason) out.push({ ...proposal, status: 'withdrawn', decisionReason: `Withdrawn: ${reason}` });
  }
  return out;
}

/**
 * Actions as tool calls, from the case and its flow: from the model when one is configured, otherwise from
 * the flow's plan (case/plan-actions.ts). Every call passes the tool's schema, its policy and the case's
 * policy (identity level, return window, refund total) here, whatever proposed it. Read-only calls run at
 * once (a read-only MCP tool is called now, its answer handed back to the model as untrusted data); a side
 * effect waits for the agent.
 */
export function proposeActionsNode(deps: NodeDeps) {
  return async (state: CopilotStateType): Promise<CopilotStateUpdate> => {
    const turn = state.turnCount;
    const caseState = state.caseState;
    const caseKey = caseState.caseKey;
    const subflow = caseState.request?.subflow ?? null;
    const flow = subflow ? subflowActions(subflow) : [];
    const customer = state.customer ?? undefined;
    const proposals: Proposal[] = [];
    const taken = new Set(state.proposals.map((proposal) => proposal.id));
    let llmError: string | null = state.llmError;
    const policyContext: CasePolicyContext = {
      caseState,
      customer,
      now: deps.now(),
      get proposals() {
        return [...state.proposals, ...proposals];
      },
      refundedCents: (orderId) => deps.ports.refundedCents(orderId),
    };
    const withdrawn = withdrawals(state, policyContext);
    const current = (): Proposal[] => [...state.proposals.map((item) => withdrawn.find((gone) => gone.id === item.id) ?? item), ...proposals];

    async function consider(call: RawCall): Promise<Proposal | undefined> {
      const checked = checkProposedTool(deps.mcp, call.tool, call.args, customer, state.conversationId);
      const { args, sideEffect } = checked;
      let policy = checked.policy;
      if (call.unknownPlaceholders?.length) policy = { allowed: false, reason: unknownPlaceholderReason(call.unknownPlaceholders) };
      if (policy.allowed && isToolName(checked.tool)) {
        const casePolicy = checkCasePolicy(checked.tool, args, policyContext, null);
        if (!casePolicy.allowed) policy = casePolicy;
        else if (casePolicy.note) policy = { allowed: true, note: casePolicy.note };
      }
      // The copilot does not propose what its own checks refuse; "blocked" is for what the model asked for.
      if (!policy.allowed && call.origin === 'rule') return undefined;
      if (alreadyProposed(current(), checked.tool, args, sideEffect, caseKey, subflow)) return undefined;
      const cents = checked.tool === 'request_refund' ? toCents(args.amount) : undefined;
      const id = mintId(call.id, taken, turn);
      taken.add(id);
      const proposal: Proposal = {
        id,
        ...(call.origin === 'model' ? { toolCallId: call.id } : {}),
        tool: checked.tool,
        ...(checked.server ? { server: checked.server } : {}),
        args: cents !== undefined ? { ...args, amountCents: cents } : args,
        policy: policy.allowed ? 'allowed' : 'blocked',
        policyReason: policy.allowed ? (policy.note ?? null) : policy.reason,
        why: call.why,
        sideEffect,
        // Read-only tools run at once; a side effect waits for the agent, or is blocked by policy.
        status: !policy.allowed ? 'blocked' : sideEffect ? 'pending' : 'executed',
        decisionReason: null,
        idempotencyKey: null,
        turn,
        flow,
        subflow,
        ...(caseKey ? { caseKey } : {}),
      };
      if (proposal.status === 'executed' && checked.server && deps.mcp) {
        try {
          const output = await deps.mcp.call(checked.tool, args);
          if (output.isError) proposal.error = `${checked.server} answered with an error: ${output.text}`;
          else proposal.result = output.text;
        } catch (error) {
          // A down or hung server costs this one lookup, never the turn.
          proposal.error = error instanceof Error ? error.message.slice(0, 500) : 'The MCP server failed.';
        }
      }
      proposals.push(proposal);
      return proposal;
    }

    let modelProposed = 0;
    if (deps.llm) {
      const redactor = deps.redactorFor(state.conversationId, state.customer);
      const tools = [...builtInTools, ...mcpLlmTools(deps.mcp)];
      const messages: BaseMessage[] = buildPrompt(
        state,
        redactor,
        deps.tokenBudget,
        `Propose the actions the case calls for now, as tool calls (customerId ${state.customer ? redactor.redact(state.customer.id) : 'unknown'}, conversationId ${state.conversationId}). Follow the case's flow and policy: nothing whose preconditions fail, nothing already proposed in this case. Read-only tools run at once and their answers come back to you; propose nothing if no action is needed.`,
      );
      try {
        for (let round = 0; round < maxRounds; round += 1) {
          const response = await deps.llm.bindTools(tools).invoke(messages, { tags: ['copilot-actions'] });
          const calls = response.tool_calls ?? [];
          if (calls.length === 0) break;
          const answers: ToolMessage[] = [];
          let looked = false;
          for (const [index, call] of calls.entries()) {
            const callId = call.id ?? `call-${turn}-${round}-${index}`;
            // Arguments come back with placeholders: restored in main, before the policy sees them. One that
            // this conversation never issued cannot be mapped back, and the call is refused rather than guessed.
            const unknownPlaceholders = redactor.unknownPlaceholders(call.args);
            const proposal = await consider({ id: callId, tool: call.name, args: redactor.restoreDeep(call.args), why: 'Proposed by the model', origin: 'model', unknownPlaceholders });
            modelProposed += 1;
            if (proposal?.server && proposal.status === 'executed') looked = true;
            answers.push(new ToolMessage({ tool_call_id: callId, content: feedback(proposal, redactor.redact) }));
          }
          if (!looked) break;
          messages.push(response, ...answers);
        }
      } catch (error) {
        const problem = describeLlmError(error);
        llmError = `${problem.message} ${problem.hint}`;
      }
    }
    if (modelProposed === 0) {
      const planned = planCaseActions(caseState, customer, deps.now(), state.incoming);
      for (const [index, plan] of planned.entries()) await consider({ id: `rule-${turn}-${index}`, ...plan, origin: 'rule' });
      const intent = state.intents.at(-1)?.intent ?? 'unknown';
      const trackingCase = subflow === 'status' || subflow === 'status_delivery_time' ? 'track_order' : intent;
      const orderId = caseState.slots.orderId ?? state.entities.find((entity) => entity.type === 'order_id')?.value;
      for (const [index, plan] of offlineMcpCalls(deps.mcp, trackingCase, orderId, customer).entries()) await consider({ id: `rule-${turn}-mcp-${index}`, ...plan, origin: 'rule' });
    }
    return { proposals: [...withdrawn, ...proposals], llmError };
  };
}
