import type { NodeDeps } from '../deps';
import type { CopilotStateType, CopilotStateUpdate } from '../state';
import { toolCatalog } from '../tools/catalog';
import type { Proposal } from '../types';

/**
 * Approved actions go to the outbox under a key made of the conversation and the tool call:
 * a second resume, or a resume after a restart, enqueues nothing new, so the CRM acts once.
 */
export function executeActionsNode(deps: NodeDeps) {
  return (state: CopilotStateType): CopilotStateUpdate => {
    const executed: Proposal[] = [];
    for (const proposal of state.proposals.filter((item) => item.status === 'approved')) {
      const kind = toolCatalog[proposal.tool].outboxKind;
      const customerId = state.customer?.id;
      if (!kind || !customerId) continue;
      const idempotencyKey = `copilot:${state.conversationId}:${proposal.id}`;
      const payload: Record<string, unknown> =
        proposal.tool === 'escalate_to_human' ? { ...proposal.args, handoffNote: String(proposal.args.handoffNote || state.escalation.handoffNote || '') } : { ...proposal.args };
      deps.ports.enqueueAction({ customerId, kind, payload, idempotencyKey });
      executed.push({ ...proposal, status: 'executed', idempotencyKey });
    }
    return executed.length ? { proposals: executed } : {};
  };
}
