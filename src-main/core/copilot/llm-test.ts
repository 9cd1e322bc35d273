import { performance } from 'node:perf_hooks';
import { describeLlmError } from './llm-errors';
import { createChatModel, type LlmSettings } from './llm';

export interface LlmTestResult {
  ok: boolean;
  model: string;
  latencyMs: number;
  message: string;
  hint?: string;
}

/** One tiny chat request, no retries: what "Test connection" in Settings shows. */
export async function testLlmConnection(settings: LlmSettings): Promise<LlmTestResult> {
  const start = performance.now();
  const model = createChatModel({ ...settings, timeoutMs: settings.timeoutMs ?? 15_000, maxRetries: 0 });
  try {
    await model.invoke([{ role: 'user', content: 'Reply with the single word OK.' }]);
    const latencyMs = Math.round(performance.now() - start);
    return { ok: true, model: settings.model, latencyMs, message: `Connected: ${settings.model} answered in ${latencyMs} ms.` };
  } catch (error) {
    const problem = describeLlmError(error);
    return { ok: false, model: settings.model, latencyMs: Math.round(performance.now() - start), message: problem.message, hint: problem.hint };
  }
}
