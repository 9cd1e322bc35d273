import { performance } from 'node:perf_hooks';
import { createCopilot } from '../../src-main/core/copilot/index';
import { draftRepliesNode } from '../../src-main/core/copilot/nodes/draft-replies';
import { escalationCheckNode } from '../../src-main/core/copilot/nodes/escalation-check';
import { gatherContextNode } from '../../src-main/core/copilot/nodes/gather-context';
import { memoryUpdateNode } from '../../src-main/core/copilot/nodes/memory-update';
import { proposeActionsNode } from '../../src-main/core/copilot/nodes/propose-actions';
import { retrieveKnowledgeNode } from '../../src-main/core/copilot/nodes/retrieve-knowledge';
import { understandNode } from '../../src-main/core/copilot/nodes/understand';
import { updateCaseNode } from '../../src-main/core/copilot/nodes/update-case';
import type { CopilotStateType } from '../../src-main/core/copilot/state';
import { startScriptedLlm } from '../fixtures/scripted-llm/server';
import { applyUpdate, emptyState, plainDeps, startCopilotRig } from './copilot-rig';
import { percentiles, type Benchmark } from './harness';

const fillerChunks = Number(process.env.GRAPH_TURN_CHUNKS ?? 100_000);
const turns = Number(process.env.GRAPH_TURN_TURNS ?? 60);
const warmup = 5;

/**
 * One customer message through the whole graph (SQLite checkpoints included) with an instant
 * scripted LLM, against the same node functions called one after another as plain async functions.
 * "Local work" runs from the message to the first LLM request reaching the server.
 */
const bench: Benchmark = {
  name: 'graph-turn',
  async run() {
    const rig = await startCopilotRig(fillerChunks);
    let firstRequestAt: number | undefined;
    const llm = await startScriptedLlm([], {
      fallback: () => {
        firstRequestAt ??= performance.now();
        return { text: 'Sorry about that. Here is what we can do [policy-refunds].' };
      },
    });
    const settings = { baseUrl: llm.url, model: 'scripted', maxRetries: 0, timeoutMs: 10_000 };
    const message = (index: number): string => rig.messages[index % rig.messages.length] ?? 'Where is my order?';

    const copilot = await createCopilot({ dataDir: rig.dir, ports: rig.ports, llm: settings });
    const deps = plainDeps(rig.ports, settings);
    const understand = understandNode(deps);
    const updateCase = updateCaseNode(deps);
    const retrieve = retrieveKnowledgeNode(deps);
    const nodes = [understand, updateCase, gatherContextNode(deps), retrieve, draftRepliesNode(deps), proposeActionsNode(deps), escalationCheckNode(), memoryUpdateNode(deps)];
    const graphTurn = (index: number) => copilot.handleCustomerMessage(`bench-graph-${index}`, message(index));
    // Where the plain turn's local work goes: the knowledge search (two hybrid queries) and everything else.
    let retrievalMs = 0;
    const plainTurn = async (index: number) => {
      let state: CopilotStateType = emptyState(`bench-plain-${index}`, message(index));
      for (const node of nodes) {
        const start = performance.now();
        state = applyUpdate(state, await node(state));
        if (node === retrieve) retrievalMs = performance.now() - start;
      }
    };
    const timed = async (turn: (index: number) => Promise<unknown>, index: number): Promise<{ local: number; full: number }> => {
      firstRequestAt = undefined;
      const start = performance.now();
      await turn(index);
      const end = performance.now();
      return { local: (firstRequestAt ?? end) - start, full: end - start };
    };
    // The case-state node on its own, on a state that already went through `understand` (as in the graph),
    // against `understand` itself timed the same way.
    const caseNode = { alone: [] as number[], understand: [] as number[] };
    const timedCaseNode = (index: number): void => {
      const fresh = emptyState(`bench-case-${index}`, message(index));
      let start = performance.now();
      const understood = applyUpdate(fresh, understand(fresh));
      caseNode.understand.push(performance.now() - start);
      start = performance.now();
      updateCase(understood);
      caseNode.alone.push(performance.now() - start);
    };
    const graph = { local: [] as number[], full: [] as number[] };
    const plain = { local: [] as number[], full: [] as number[] };
    const split = { retrieval: [] as number[], rest: [] as number[] };
    // Interleaved, so both sides see the same machine load.
    for (let index = 0; index < turns + warmup; index += 1) {
      const viaGraph = await timed(graphTurn, index);
      const viaPlain = await timed(plainTurn, index);
      timedCaseNode(index);
      if (index < warmup) {
        caseNode.alone.length = 0;
        caseNode.understand.length = 0;
        continue;
      }
      graph.local.push(viaGraph.local);
      graph.full.push(viaGraph.full);
      plain.local.push(viaPlain.local);
      plain.full.push(viaPlain.full);
      split.retrieval.push(retrievalMs);
      split.rest.push(viaPlain.local - retrievalMs);
    }
    await copilot.close();
    await llm.close();
    const chunks = rig.chunks;
    await rig.close();
    return {
      name: 'graph-turn',
      figures: [
        { label: 'local work before first LLM call', unit: 'ms', subject: percentiles(graph.local), baselineLabel: 'plain node calls', baseline: percentiles(plain.local), extra: { chunks, turns } },
        { label: 'case-state node (updateCase) alone', unit: 'ms', subject: percentiles(caseNode.alone), baselineLabel: 'understand node alone', baseline: percentiles(caseNode.understand), extra: { chunks, turns } },
        { label: 'plain turn: knowledge retrieval node', unit: 'ms', subject: percentiles(split.retrieval), baselineLabel: 'the rest of its local work', baseline: percentiles(split.rest), extra: { chunks, turns } },
        { label: 'full turn, instant LLM', unit: 'ms', subject: percentiles(graph.full), baselineLabel: 'plain node calls', baseline: percentiles(plain.full), extra: { chunks, turns } },
      ],
    };
  },
};

export default bench;
