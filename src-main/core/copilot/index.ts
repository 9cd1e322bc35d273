export { createCopilotPorts } from './adapters';
export { createCopilot, type Copilot, type CopilotOptions, type TurnResult } from './copilot';
export type { LlmSettings } from './llm';
export type { CopilotPorts } from './ports';
export type { Citation, CustomerContext, Decision, Proposal, Suggestion, ToolName } from './types';
