import { interrupt } from '@langchain/langgraph';
import { checkCasePolicy, toCents } from '../case/case-policy';
import type { NodeDeps } from '../deps';
import type { CopilotStateType, CopilotStateUpdate } from '../state';
import { editProblem } from '../tools/arg-fields';
import { isToolName, toolCatalog } from '../tools/catalog';
import { checkProposedTool, isMcpName } from '../tools/mcp-tools';
import type { Decision, Proposal } from '../types';

export interface ApprovalRequest {
  pending: Pick<Proposal, 'id' | 'tool' | 'server' | 'args' | 'why' | 'policyReason'>[];
}

function withoutEditError(proposal: Proposal): Proposal {
  const { editError: _editError, ...rest } = proposal;
  return rest;
}

/** An approval keeps the proposal's reason empty; an edit that went through says why (the agent's words, or that they edited it). */
export function decidedAs(proposal: Proposal): 'approve' | 'edit' {
  return proposal.decisionReason ? 'edit' : 'approve';
}

export function pendingProposals(state: CopilotStateType): Proposal[] {
  return state.proposals.filter((proposal) => proposal.status === 'pending' && proposal.sideEffect);
}

/**
 * Pauses the graph until the agent decides one pending proposal; runs again while others wait.
 * Nothing before `interrupt()` has a side effect, so re-running this node on resume is harmless.
 * A rejection, or an approval the policy refuses, is recorded here (nothing is queued for it); an approval is
 * recorded by executeActions, with its outbox rows.
 */
export function approvalGateNode(deps: Pick<NodeDeps, 'mcp' | 'ports' | 'now'>) {
  return (state: CopilotStateType): CopilotStateUpdate => {
    const pending = pendingProposals(state);
    if (pending.length === 0) return {};
    const decision = interrupt<ApprovalRequest, Decision>({
      pending: pending.map(({ id, tool, server, args, why, policyReason }) => ({ id, tool, ...(server ? { server } : {}), args, why, policyReason })),
    });
    const target = pending.find((proposal) => proposal.id === decision.toolCallId);
    if (!target) return {};
    const record = (proposal: Proposal, status: 'rejected' | 'blocked') => deps.ports.recordDecision({ conversationId: state.conversationId, action: decision.action, status, proposal });
    if (decision.action === 'reject') {
      const reason = decision.reason?.trim() || 'no reason given';
      const rejected: Proposal = { ...target, status: 'rejected', decisionReason: reason };
      record(rejected, 'rejected');
      return {
        proposals: [rejected],
        notesForModel: [`The agent rejected ${target.tool} (${target.id}): ${reason}. Do not propose it again unless the customer's situation changes.`],
      };
    }
    const args = decision.action === 'edit' && decision.args ? { ...target.args, ...decision.args } : target.args;
    if (isMcpName(target.tool) && !deps.mcp?.tool(target.tool)) {
      // Its server is not connected (still starting, or down). The arguments as proposed were checked
      // then: an approval goes to the outbox, which waits for the server; an edit cannot be checked now.
      if (decision.action === 'approve') return { proposals: [{ ...target, status: 'approved', decisionReason: null }] };
      return {
        proposals: [{ ...target, policyReason: `${target.server ?? 'Its MCP server'} is not connected, so the edited arguments cannot be checked. Try again when it is back (Settings → MCP servers).` }],
      };
    }
    // Edited arguments pass the schema and the policy again (an MCP tool: its server's current schema).
    const { amountCents: _cents, ...plainArgs } = args;
    const checked = checkProposedTool(deps.mcp, target.tool, decision.action === 'edit' ? plainArgs : args, state.customer ?? undefined, state.conversationId);
    // The case's policy too (identity level, return window, the order's refund total), on the agent's edit as on the model's call.
    const policy =
      // A proposal from before cases existed (a migrated checkpoint) was made under the tool's policy alone: it keeps it.
      checked.policy.allowed && isToolName(target.tool) && target.caseKey
        ? checkCasePolicy(target.tool, checked.args, { caseState: state.caseState, customer: state.customer ?? undefined, now: deps.now(), proposals: state.proposals, refundedCents: (orderId) => deps.ports.refundedCents(orderId) }, target.id)
        : checked.policy;
    if (!policy.allowed && decision.action === 'edit') {
      // An edit the schema or the policy refuses is the agent's to fix: the proposal stays pending, as proposed, with the problem at its field.
      const schema = isToolName(target.tool) ? toolCatalog[target.tool].schema : deps.mcp?.tool(target.tool)?.schema;
      return { proposals: [{ ...target, editError: editProblem(schema, plainArgs, policy.reason || 'The edited arguments were refused.') }] };
    }
    if (!policy.allowed) {
      const blocked: Proposal = { ...target, args: checked.args, status: 'blocked', policy: 'blocked', policyReason: policy.reason, decisionReason: decision.reason ?? null };
      record(blocked, 'blocked');
      return { proposals: [blocked] };
    }
    if (target.tool === 'request_refund') {
      const cents = toCents(checked.args.amount);
      if (cents !== undefined) checked.args.amountCents = cents;
    }
    return {
      proposals: [{ ...withoutEditError(target), args: checked.args, status: 'approved', policy: 'allowed', policyReason: policy.note ?? null, decisionReason: decision.action === 'edit' ? (decision.reason ?? 'edited by the agent') : null }],
    };
  };
}
