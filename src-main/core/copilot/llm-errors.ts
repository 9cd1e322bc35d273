/** An LLM failure in the agent's words, with what to do next. Never the server's own text: it can echo the key. */
export interface LlmProblem {
  message: string;
  hint: string;
}

function statusOf(error: unknown): number | undefined {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const status = (current as { status?: unknown }).status;
    if (typeof status === 'number') return status;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function nameAndMessage(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const { name, message, code } = current as { name?: unknown; message?: unknown; code?: unknown };
    parts.push(String(name ?? ''), String(message ?? ''), String(code ?? ''));
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(' ');
}

export function describeLlmError(error: unknown): LlmProblem {
  const status = statusOf(error);
  if (status === 401 || status === 403) return { message: 'The language model refused the API key.', hint: 'Check the key in Settings, or ask your administrator for one with access to this model.' };
  if (status === 404) return { message: 'The language model server does not know this model or address.', hint: 'Check the base URL (it usually ends in /v1) and the model name in Settings.' };
  if (status === 429) return { message: 'The language model is rate limiting this account.', hint: 'Wait a minute and try again; the copilot keeps suggesting offline meanwhile.' };
  if (status !== undefined && status >= 500) return { message: `The language model server failed (HTTP ${status}).`, hint: 'Try again later; the copilot keeps suggesting offline meanwhile.' };
  if (status !== undefined) return { message: `The language model server answered HTTP ${status}.`, hint: 'Check the base URL and model in Settings.' };
  const text = nameAndMessage(error);
  if (/timed? ?out|timeout|abort/i.test(text)) return { message: 'The language model did not answer in time.', hint: 'Check that the server is running and not overloaded, or raise the timeout.' };
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|connection error|fetch failed|network/i.test(text))
    return { message: 'The language model server cannot be reached.', hint: 'Check the base URL and that the server (or the network to it) is up.' };
  return { message: 'The language model call failed.', hint: 'Check the LLM settings; the log in the data folder has the details.' };
}
