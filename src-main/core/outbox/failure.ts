/**
 * A delivery failure as the outbox acts on it: `permanent` ones go to the dead letters at once (a
 * retry would fail the same way), the rest wait and go again. A deliverer throws this with words the
 * agent can act on; anything else it throws is judged by `classifyFailure`.
 */
export class OutboxFailure extends Error {
  override name = 'OutboxFailure';
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface FailureVerdict {
  permanent: boolean;
  /** For the agent: what went wrong, in plain words. */
  reason: string;
  /** The target could not be reached at all (nothing was sent): such tries do not count towards giving up. */
  offline?: boolean;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * Errors no retry can heal: our own database refusing the write (a constraint, a schema that does not
 * match), or input that fails validation. Everything else (a timeout, a 5xx, a lost connection) may.
 */
export function classifyFailure(error: unknown): FailureVerdict {
  if (error instanceof OutboxFailure) return { permanent: error.permanent, reason: error.message };
  const code = (error as { code?: unknown } | null)?.code;
  const name = (error as { name?: unknown } | null)?.name;
  const message = messageOf(error);
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { permanent: true, reason: `The app's own database refused to record it (${message}).` };
  }
  if (name === 'SqliteError' && /no such (column|table)|has no column/i.test(message)) {
    return { permanent: true, reason: `The app's database does not match this version (${message}).` };
  }
  if (name === 'ZodError' || name === 'SyntaxError') return { permanent: true, reason: `The action is not in the shape its target expects (${message.slice(0, 300)}).` };
  return { permanent: false, reason: message };
}
