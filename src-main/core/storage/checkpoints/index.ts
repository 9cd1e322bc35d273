// Apart from storage/index.ts: these load LangGraph's savers, which only the copilot's chunk needs.
export { openCheckpointSaver } from './checkpoint-saver';
export { FastJsonSerializer } from './fast-serde';
export { importLegacyCheckpoints, type LegacyImport } from './legacy-import';
export { TurnCheckpointer } from './turn-checkpointer';
