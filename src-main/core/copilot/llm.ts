import { ChatOpenAI } from '@langchain/openai';

export interface LlmSettings {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
  /** The whole retry budget of one call: LangChain retries, the OpenAI client inside it does not. */
  maxRetries?: number;
}

/** OpenAI, Azure OpenAI (its /openai/v1 base URL) or any OpenAI-compatible server such as Ollama, vLLM or LM Studio. */
export function createChatModel(settings: LlmSettings): ChatOpenAI {
  return new ChatOpenAI({
    model: settings.model,
    apiKey: settings.apiKey ?? 'not-needed',
    temperature: 0.2,
    // Not `streaming: false`: that also sets disableStreaming, and .stream() then returns the draft in one
    // chunk. Left unset, invoke() does not stream (which would estimate usage with tiktoken ranks fetched
    // from the internet) while the drafts' .stream() does.
    timeout: settings.timeoutMs ?? 30_000,
    maxRetries: settings.maxRetries ?? 2,
    configuration: { baseURL: settings.baseUrl, maxRetries: 0 },
  });
}
