import { ContractError } from '@contract/errors';

export interface ShownError {
  message: string;
  hint?: string;
}

/** What to show for a failed call: the core's own plain words when it gave them. */
export function shownError(caught: unknown, fallback: string, hint?: string): ShownError {
  if (caught instanceof ContractError) return { message: caught.message, ...(caught.hint ? { hint: caught.hint } : {}) };
  return { message: fallback, ...(hint ? { hint } : {}) };
}
