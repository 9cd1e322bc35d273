import type { NodeDeps } from '../deps';
import { cutAtWord } from '../drafting/summary';
import type { CopilotStateType, CopilotStateUpdate } from '../state';
import { handoffNote } from './escalation-check';
import { isToolName, toolCatalog } from '../tools/catalog';
import type { Proposal } from '../types';

/**
 * Approved actions go to the outbox under a key made of the conversation and the tool call:
 * a second resume, or a resume after a restart, enqueues nothing new, so the CRM acts once.
 * An MCP tool goes to the MCP outbox, which sends the same key to the server on every attempt.
 */
export function executeActionsNode(deps: NodeDeps) {
  return (state: CopilotStateType): CopilotStateUpdate => {
    const executed: Proposal[] = [];
    for (const proposal of state.proposals.filter((item) => item.status === 'approved')) {
      const idempotencyKey = `copilot:${state.conversationId}:${proposal.id}`;
      if (!isToolName(proposal.tool)) {
        if (!deps.mcp) continue;
        deps.mcp.enqueue({ idempotencyKey, tool: proposal.tool, args: { ...proposal.args } });
        executed.push({ ...proposal, status: 'executed', idempotencyKey });
        continue;
      }
      const kind = toolCatalog[proposal.tool].outboxKind;
      const customerId = state.customer?.id;
      if (!kind || !customerId) continue;
      const payload: Record<string, unknown> =
        proposal.tool === 'escalate_to_human'
          ? { ...proposal.args, handoffNote: cutAtWord(String(proposal.args.handoffNote || state.escalation.handoffNote || handoffNote(state, [String(proposal.args.reason ?? '')])), 5000) }
          : { ...proposal.args };
      deps.ports.enqueueAction({ customerId, kind, payload, idempotencyKey });
      // The hand-off note is its own action, so the next agent finds it on the thread wherever they work.
      if (proposal.tool === 'escalate_to_human' && typeof payload.handoffNote === 'string' && payload.handoffNote) {
        const ticketId = typeof proposal.args.ticketId === 'string' ? proposal.args.ticketId : undefined;
        deps.ports.enqueueAction({ customerId, kind: 'handoff_note', payload: { conversationId: state.conversationId, ...(ticketId ? { ticketId } : {}), text: payload.handoffNote }, idempotencyKey: `${idempotencyKey}:handoff` });
      }
      executed.push({ ...proposal, status: 'executed', idempotencyKey });
    }
    return executed.length ? { proposals: executed } : {};
  };
}
