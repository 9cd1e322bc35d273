import { performance } from 'node:perf_hooks';
import { draftRepliesNode } from '../../src-main/core/copilot/nodes/draft-replies';
import { gatherContextNode } from '../../src-main/core/copilot/nodes/gather-context';
import { retrieveKnowledgeNode } from '../../src-main/core/copilot/nodes/retrieve-knowledge';
import { understandNode } from '../../src-main/core/copilot/nodes/understand';
import type { CopilotStateType } from '../../src-main/core/copilot/state';
import { applyUpdate, emptyState, plainDeps, startCopilotRig } from './copilot-rig';
import { percentiles, type Benchmark } from './harness';

const fillerChunks = Number(process.env.DRAFT_TURN_CHUNKS ?? 100_000);
const turns = Number(process.env.DRAFT_TURN_TURNS ?? 60);
const warmup = 5;

/**
 * Offline drafts for one customer message: understand → gather context → retrieve knowledge → draft
 * replies, no LLM, over a 100k-chunk index. The neutral baseline, interleaved in the same run, is the
 * knowledge search alone with the same query the retrieve node sends; the draft node on its own is
 * reported too, so the composer's share is visible.
 */
const bench: Benchmark = {
  name: 'draft-turn',
  async run() {
    const rig = await startCopilotRig(fillerChunks);
    const deps = plainDeps(rig.ports, undefined);
    const message = (index: number): string => rig.messages[index % rig.messages.length] ?? 'Where is my order?';
    const understand = understandNode(deps);
    const gather = gatherContextNode(deps);
    const retrieve = retrieveKnowledgeNode(deps);
    const draft = draftRepliesNode(deps);
    const whole: number[] = [];
    const draftOnly: number[] = [];
    const searchOnly: number[] = [];
    for (let index = 0; index < turns + warmup; index += 1) {
      let state: CopilotStateType = emptyState(`bench-draft-${index}`, message(index));
      const start = performance.now();
      state = applyUpdate(state, await understand(state));
      state = applyUpdate(state, await gather(state));
      state = applyUpdate(state, await retrieve(state));
      const draftStart = performance.now();
      state = applyUpdate(state, await draft(state));
      const end = performance.now();
      const intent = state.intents.at(-1)?.intent;
      const query = [message(index), intent && intent !== 'unknown' ? intent.replace(/_/g, ' ') : ''].join(' ').slice(0, 500);
      const searchStart = performance.now();
      await rig.ports.searchKnowledge(query, { mode: 'hybrid', limit: 4 });
      const searchEnd = performance.now();
      if (index < warmup) continue;
      whole.push(end - start);
      draftOnly.push(end - draftStart);
      searchOnly.push(searchEnd - searchStart);
    }
    const chunks = rig.chunks;
    await rig.close();
    return {
      name: 'draft-turn',
      figures: [
        { label: 'offline drafts for one message', unit: 'ms', subject: percentiles(whole), baselineLabel: 'knowledge search alone', baseline: percentiles(searchOnly), extra: { chunks, turns } },
        { label: 'draft node alone', unit: 'ms', subject: percentiles(draftOnly), baselineLabel: 'knowledge search alone', baseline: percentiles(searchOnly), extra: { chunks, turns } },
      ],
    };
  },
};

export default bench;
