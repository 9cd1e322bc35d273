import { withUpdate, type CopilotStateType, type CopilotStateUpdate } from '../state';

export type NodeStep = (state: CopilotStateType) => CopilotStateUpdate | Promise<CopilotStateUpdate>;

/**
 * Steps as one graph node: each sees the state the ones before it left, and the node's update is theirs folded with
 * the channels' reducers, so the thread ends as if each step had been a node of its own. One graph step instead of
 * several is what a turn saves: LangGraph's per-step work (task preparation, config and run-tree objects, channel
 * writes, an in-memory checkpoint) cost about half a millisecond each before the first LLM call.
 */
export function inSequence(steps: NodeStep[]): (state: CopilotStateType) => Promise<CopilotStateUpdate> {
  return async (state) => {
    let current = state;
    let combined: CopilotStateUpdate = {};
    for (const step of steps) {
      const update = await step(current);
      current = withUpdate(current, update);
      combined = withUpdate(combined, update);
    }
    return combined;
  };
}
