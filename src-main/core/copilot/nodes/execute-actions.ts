import type { NodeDeps } from '../deps';
import type { CopilotStateType, CopilotStateUpdate } from '../state';
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
        proposal.tool === 'escalate_to_human' ? { ...proposal.args, handoffNote: String(proposal.args.handoffNote || state.escalation.handoffNote || '') } : { ...proposal.args };
      deps.ports.enqueueAction({ customerId, kind, payload, idempotencyKey });
      executed.push({ ...proposal, status: 'executed', idempotencyKey });
    }
    return executed.length ? { proposals: executed } : {};
  };
}
