import { END, START, StateGraph, type BaseCheckpointSaver } from '@langchain/langgraph';
import type { NodeDeps } from './deps';
import { approvalGateNode, pendingProposals } from './nodes/approval-gate';
import { draftRepliesNode } from './nodes/draft-replies';
import { escalationCheckNode } from './nodes/escalation-check';
import { executeActionsNode } from './nodes/execute-actions';
import { gatherContextNode } from './nodes/gather-context';
import { inSequence } from './nodes/in-sequence';
import { memoryUpdateNode } from './nodes/memory-update';
import { proposeActionsNode } from './nodes/propose-actions';
import { retrieveKnowledgeNode } from './nodes/retrieve-knowledge';
import { understandNode } from './nodes/understand';
import { updateCaseNode } from './nodes/update-case';
import { CopilotState, type CopilotStateType } from './state';

/**
 * [understand → update case → gather context → retrieve knowledge → draft replies] → propose actions →
 * escalation check → memory update → approval gate ⇄ execute actions.
 * The bracketed steps are one graph node (see inSequence): nothing in them pauses or is resumed into, and each graph
 * step costs the agent time before the draft's first token. Escalation and memory run before the gate so the agent
 * sees them while approvals wait.
 */
export function buildCopilotGraph(deps: NodeDeps, checkpointer: BaseCheckpointSaver) {
  const afterExecute = (state: CopilotStateType): 'approvalGate' | typeof END => (pendingProposals(state).length > 0 ? 'approvalGate' : END);
  const afterGate = (state: CopilotStateType): 'executeActions' | typeof END =>
    state.proposals.some((proposal) => proposal.status === 'approved') || pendingProposals(state).length > 0 ? 'executeActions' : END;
  return new StateGraph(CopilotState)
    .addNode('understandAndDraft', inSequence([understandNode(deps), updateCaseNode(deps), gatherContextNode(deps), retrieveKnowledgeNode(deps), draftRepliesNode(deps)]))
    .addNode('proposeActions', proposeActionsNode(deps))
    .addNode('escalationCheck', escalationCheckNode())
    .addNode('memoryUpdate', memoryUpdateNode(deps))
    .addNode('approvalGate', approvalGateNode(deps))
    .addNode('executeActions', executeActionsNode(deps))
    .addEdge(START, 'understandAndDraft')
    .addEdge('understandAndDraft', 'proposeActions')
    .addEdge('proposeActions', 'escalationCheck')
    .addEdge('escalationCheck', 'memoryUpdate')
    .addEdge('memoryUpdate', 'approvalGate')
    .addConditionalEdges('approvalGate', afterGate, ['executeActions', END])
    .addConditionalEdges('executeActions', afterExecute, ['approvalGate', END])
    .compile({ checkpointer });
}
