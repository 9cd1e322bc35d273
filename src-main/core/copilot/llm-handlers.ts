import type { CoreConfig } from '../config';
import type { Handlers } from '../contract/index';
import { sameOrigin } from '../net/same-origin';

type LlmHandlers = Pick<Handlers, 'copilot.testLlm'>;

export function createLlmHandlers(config: CoreConfig): LlmHandlers {
  return {
    'copilot.testLlm': async (input) => {
      const configured = config.llm;
      const baseUrl = input.baseUrl ?? configured?.baseUrl;
      if (!baseUrl) {
        return { ok: false, model: '', latencyMs: 0, message: 'No language model is configured.', hint: 'Enter a base URL and a model in Settings; without one the copilot drafts offline.' };
      }
      // The stored key is only ever sent where it was configured for.
      const storedKey = configured && sameOrigin(configured.baseUrl, baseUrl) ? configured.apiKey : undefined;
      const apiKey = input.apiKey ?? storedKey;
      // The LLM client loads on first use, like the copilot, so it never slows the window's first paint.
      const { testLlmConnection } = await import('./llm-test');
      return testLlmConnection({
        baseUrl,
        model: input.model ?? configured?.model ?? 'gpt-4o-mini',
        ...(apiKey ? { apiKey } : {}),
        ...(configured?.timeoutMs ? { timeoutMs: Math.min(configured.timeoutMs, 30_000) } : {}),
      });
    },
  };
}
