export { createCopilotMcpPort, createCopilotPorts, type CopilotMcpPortOptions } from './adapters';
export { copilotRunConfig, createCopilot, type Copilot, type CopilotOptions, type TurnResult } from './copilot';
export type { LlmSettings } from './llm';
export type { CopilotMcpPort, McpToolDescriptor, McpToolOutput } from './mcp-port';
export type { CopilotPorts } from './ports';
export type { Citation, CustomerContext, Decision, Proposal, McpToolName, Suggestion, ToolName } from './types';
