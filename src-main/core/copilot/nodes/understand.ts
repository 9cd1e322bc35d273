import type { NodeDeps } from '../deps';
import type { CopilotStateType, CopilotStateUpdate } from '../state';

/** Intent, entities, sentiment and language of the new message, offline. */
export function understandNode(deps: NodeDeps) {
  return (state: CopilotStateType): CopilotStateUpdate => {
    const analysis = deps.ports.analyze(state.incoming, state.sentiments);
    const turn = state.turnCount + 1;
    return {
      turns: [{ role: 'customer', text: state.incoming, at: deps.now().toISOString() }],
      turnCount: turn,
      intents: [{ intent: analysis.intent.intent, confidence: analysis.intent.confidence, turn }],
      sentiments: [analysis.sentiment.score],
      frustration: analysis.sentiment.frustration,
      cues: analysis.sentiment.cues,
      language: analysis.language.code,
      entities: analysis.entities,
      llmError: null,
    };
  };
}
