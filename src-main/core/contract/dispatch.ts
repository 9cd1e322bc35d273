import type { z } from 'zod';
import type { Envelope } from './define';
import { CoreError } from './errors';
import { contract, isMethodName, type Handlers } from './index';

export interface DispatchLogger {
  error(message: string, details?: Record<string, unknown>): void;
}

const maxIssueChars = 500;

function describeIssues(error: z.ZodError): string {
  const text = error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(input)'}: ${issue.message}`)
    .join('; ');
  return text.length > maxIssueChars ? `${text.slice(0, maxIssueChars)}…` : text;
}

/**
 * The one gate every call from a renderer passes: unknown methods and inputs that do not
 * match the method's schema are refused before any handler runs.
 */
export async function dispatch(
  handlers: Handlers,
  methodName: unknown,
  input: unknown,
  logger?: DispatchLogger,
): Promise<Envelope<unknown>> {
  if (!isMethodName(methodName)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'This request is not part of the app.' } };
  }
  const spec = contract[methodName];
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: `The request was malformed: ${describeIssues(parsed.error)}` },
    };
  }
  const handler = handlers[methodName] as (value: unknown) => Promise<unknown>;
  try {
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof CoreError) return { ok: false, error: error.toShape() };
    logger?.error('handler failed', { method: methodName, error: error instanceof Error ? error.message : String(error) });
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong inside the app.',
        hint: 'Try again; if it keeps happening, the log in the data folder has the details.',
      },
    };
  }
}
