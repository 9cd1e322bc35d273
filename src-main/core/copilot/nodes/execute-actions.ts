import type { NodeDeps } from '../deps';
import { cutAtWord } from '../drafting/summary';
import type { CopilotStateType, CopilotStateUpdate } from '../state';
import { handoffNote } from './escalation-check';
import { isToolName, toolCatalog } from '../tools/catalog';
import type { McpToolAction, ToolAction } from '../ports';
import type { Proposal } from '../types';
import { decidedAs } from './approval-gate';

/**
 * Approved actions go to the outbox under a key made of the conversation and the tool call:
 * a second resume, or a resume after a restart, enqueues nothing new, so the CRM acts once.
 * The decision is recorded in the transaction that queues its actions, and the copilot reads a proposal's
 * status from that record, so a crash before the checkpoint never shows a queued action as still pending.
 * An MCP tool goes to the same outbox (target `mcp`) in the same transaction, and the server gets the same key on
 * every attempt; its delivery starts only once the transaction has committed.
 */
export function executeActionsNode(deps: NodeDeps) {
  return (state: CopilotStateType): CopilotStateUpdate => {
    const executed: Proposal[] = [];
    const record = (proposal: Proposal, actions: ToolAction[] = [], mcpActions: McpToolAction[] = []) =>
      deps.ports.recordDecision({ conversationId: state.conversationId, action: decidedAs(proposal), status: 'executed', proposal }, actions, mcpActions);
    for (const proposal of state.proposals.filter((item) => item.status === 'approved')) {
      const idempotencyKey = `copilot:${state.conversationId}:${proposal.id}`;
      const done: Proposal = { ...proposal, status: 'executed', idempotencyKey };
      if (!isToolName(proposal.tool)) {
        if (!deps.mcp) continue;
        record(done, [], [{ idempotencyKey, tool: proposal.tool, args: { ...proposal.args } }]);
        deps.mcp.deliverQueued();
        executed.push(done);
        continue;
      }
      const kind = toolCatalog[proposal.tool].outboxKind;
      const customerId = state.customer?.id;
      if (!kind || !customerId) continue;
      const payload: Record<string, unknown> =
        proposal.tool === 'escalate_to_human'
          ? { ...proposal.args, handoffNote: cutAtWord(String(proposal.args.handoffNote || state.escalation.handoffNote || handoffNote(state, [String(proposal.args.reason ?? '')])), 5000) }
          : { ...proposal.args };
      const actions: ToolAction[] = [{ customerId, kind, payload, idempotencyKey }];
      // The hand-off note is its own action, so the next agent finds it on the thread wherever they work.
      if (proposal.tool === 'escalate_to_human' && typeof payload.handoffNote === 'string' && payload.handoffNote) {
        const ticketId = typeof proposal.args.ticketId === 'string' ? proposal.args.ticketId : undefined;
        actions.push({ customerId, kind: 'handoff_note', payload: { conversationId: state.conversationId, ...(ticketId ? { ticketId } : {}), text: payload.handoffNote }, idempotencyKey: `${idempotencyKey}:handoff` });
      }
      record(done, actions);
      executed.push(done);
    }
    return executed.length ? { proposals: executed } : {};
  };
}
