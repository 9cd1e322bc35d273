import type { NodeDeps } from '../deps';
import type { CopilotStateType, CopilotStateUpdate } from '../state';

/** Who the customer is (from what they said, as an agent would), with orders, tickets and memory from the cache. */
export function gatherContextNode(deps: NodeDeps) {
  return (state: CopilotStateType): CopilotStateUpdate => {
    if (state.customer) return { customer: deps.ports.customerById(state.customer.id) ?? state.customer };
    const texts = state.turns.filter((turn) => turn.role === 'customer').map((turn) => turn.text);
    return { customer: deps.ports.identifyCustomer({ conversationId: state.conversationId, texts }) ?? null };
  };
}
