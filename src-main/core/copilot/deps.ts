import type { ChatOpenAI } from '@langchain/openai';
import type { Redactor } from '../language/redaction/redactor';
import type { CopilotMcpPort } from './mcp-port';
import type { CopilotPorts } from './ports';
import type { CustomerContext } from './types';

export interface NodeDeps {
  ports: CopilotPorts;
  llm: ChatOpenAI | undefined;
  /** Upper bound for one LLM request, in estimated tokens. */
  tokenBudget: number;
  onToken?: (conversationId: string, suggestionIndex: number, token: string) => void;
  redactorFor(conversationId: string, customer: CustomerContext | null): Redactor;
  /** The clock policies count days with: the real one in the app, the conversation's date in a replay. */
  now(): Date;
  /** Tools from the configured MCP servers; absent when none is set up. */
  mcp?: CopilotMcpPort;
}
