import { END, MemorySaver, START, StateGraph, type BaseCheckpointSaver } from '@langchain/langgraph';
import { describe, expect, it } from 'vitest';
import { copilotRunConfig } from '../../../src-main/core/copilot/copilot';
import type { NodeDeps } from '../../../src-main/core/copilot/deps';
import { buildCopilotGraph } from '../../../src-main/core/copilot/graph';
import { createChatModel } from '../../../src-main/core/copilot/llm';
import { createCopilotPorts } from '../../../src-main/core/copilot/index';
import { approvalGateNode, pendingProposals } from '../../../src-main/core/copilot/nodes/approval-gate';
import { draftRepliesNode } from '../../../src-main/core/copilot/nodes/draft-replies';
import { escalationCheckNode } from '../../../src-main/core/copilot/nodes/escalation-check';
import { executeActionsNode } from '../../../src-main/core/copilot/nodes/execute-actions';
import { gatherContextNode } from '../../../src-main/core/copilot/nodes/gather-context';
import { memoryUpdateNode } from '../../../src-main/core/copilot/nodes/memory-update';
import { proposeActionsNode } from '../../../src-main/core/copilot/nodes/propose-actions';
import { retrieveKnowledgeNode } from '../../../src-main/core/copilot/nodes/retrieve-knowledge';
import { understandNode } from '../../../src-main/core/copilot/nodes/understand';
import { updateCaseNode } from '../../../src-main/core/copilot/nodes/update-case';
import { CopilotState, type CopilotStateType } from '../../../src-main/core/copilot/state';
import type { Redactor } from '../../../src-main/core/language/redaction/redactor';
import { useScriptedWorkspace } from '../../fixtures/copilot-workspace';

const scripted = useScriptedWorkspace({ reply: 'Sorry about that, here is what we can do [policy-refunds].' });

function deps(): NodeDeps {
  const ports = createCopilotPorts({ db: scripted.workspace().db, knowledge: async () => scripted.workspace().knowledge });
  const redactors = new Map<string, Redactor>();
  let tick = 0;
  return {
    ports,
    llm: createChatModel(scripted.settings()),
    tokenBudget: 3000,
    // One clock for both graphs: every call a second later, from the same start.
    now: () => new Date(Date.UTC(2020, 0, 10, 12, 0, tick++)),
    redactorFor(conversationId) {
      const redactor = redactors.get(conversationId) ?? ports.createRedactor([]);
      redactors.set(conversationId, redactor);
      return redactor;
    },
  };
}

/** The graph as it was before understand…draft became one step: one node each. */
function nodePerStepGraph(nodeDeps: NodeDeps, checkpointer: BaseCheckpointSaver) {
  const afterExecute = (state: CopilotStateType): 'approvalGate' | typeof END => (pendingProposals(state).length > 0 ? 'approvalGate' : END);
  const afterGate = (state: CopilotStateType): 'executeActions' | typeof END =>
    state.proposals.some((proposal) => proposal.status === 'approved') || pendingProposals(state).length > 0 ? 'executeActions' : END;
  return new StateGraph(CopilotState)
    .addNode('understand', understandNode(nodeDeps))
    .addNode('updateCase', updateCaseNode(nodeDeps))
    .addNode('gatherContext', gatherContextNode(nodeDeps))
    .addNode('retrieveKnowledge', retrieveKnowledgeNode(nodeDeps))
    .addNode('draftReplies', draftRepliesNode(nodeDeps))
    .addNode('proposeActions', proposeActionsNode(nodeDeps))
    .addNode('escalationCheck', escalationCheckNode())
    .addNode('memoryUpdate', memoryUpdateNode(nodeDeps))
    .addNode('approvalGate', approvalGateNode(nodeDeps))
    .addNode('executeActions', executeActionsNode(nodeDeps))
    .addEdge(START, 'understand')
    .addEdge('understand', 'updateCase')
    .addEdge('updateCase', 'gatherContext')
    .addEdge('gatherContext', 'retrieveKnowledge')
    .addEdge('retrieveKnowledge', 'draftReplies')
    .addEdge('draftReplies', 'proposeActions')
    .addEdge('proposeActions', 'escalationCheck')
    .addEdge('escalationCheck', 'memoryUpdate')
    .addEdge('memoryUpdate', 'approvalGate')
    .addConditionalEdges('approvalGate', afterGate, ['executeActions', END])
    .addConditionalEdges('executeActions', afterExecute, ['approvalGate', END])
    .compile({ checkpointer });
}

describe('understand, case, context, knowledge and drafts as one graph step', () => {
  it('leave the thread as one node each did, turn after turn', async () => {
    const conversationId = '8000000003';
    const customerId = scripted.workspace().db.conversations.get(conversationId)?.contactId ?? '';
    const order = scripted.workspace().db.customers.orders(customerId)[0]?.id ?? '';
    const email = scripted.workspace().db.customers.get(customerId)?.email ?? '';
    const lines = [
      'Hi, the jacket I bought arrived with a broken zipper',
      `My email is ${email} and the order is ${order}, can I get a refund?`,
      'I am a gold member, I bought it last week',
      'thanks!',
    ];
    const fused = buildCopilotGraph(deps(), new MemorySaver());
    const perStep = nodePerStepGraph(deps(), new MemorySaver());
    const config = copilotRunConfig(conversationId);
    for (const incoming of lines) {
      await fused.invoke({ conversationId, incoming }, config);
      await perStep.invoke({ conversationId, incoming }, config);
      const [one, each] = await Promise.all([fused.getState(config), perStep.getState(config)]);
      expect(one.values).toEqual(each.values);
      expect(one.next).toEqual(each.next);
    }
    const final = (await fused.getState(config)).values as CopilotStateType;
    expect(final.turns.filter((turn) => turn.role === 'customer')).toHaveLength(lines.length);
    expect(final.knowledge.length).toBeGreaterThan(0);
    expect(final.suggestions[0]?.source).toBe('llm');
  }, 120_000);

  it('takes the next message of a thread an older build checkpointed in the middle of a turn', async () => {
    const conversationId = '8000000004';
    const saver = new MemorySaver();
    const config = copilotRunConfig(conversationId);
    // An older build, checkpointing every step, stopped before its draft: the thread waits at a node that is gone.
    const older = nodePerStepGraph(deps(), saver);
    await older.invoke({ conversationId, incoming: 'Where is my package?' }, { ...config, durability: 'sync', interruptBefore: ['draftReplies'] });
    expect((await older.getState(config)).next).toEqual(['draftReplies']);
    const current = buildCopilotGraph(deps(), saver);
    await current.invoke({ conversationId, incoming: 'It was due on Monday' }, config);
    const state = await current.getState(config);
    const values = state.values as CopilotStateType;
    expect(values.turns.filter((turn) => turn.role === 'customer').map((turn) => turn.text)).toEqual(['Where is my package?', 'It was due on Monday']);
    expect(values.suggestions.length).toBeGreaterThan(0);
    expect(state.next.filter((name) => name !== 'approvalGate')).toEqual([]);
  }, 120_000);
});
