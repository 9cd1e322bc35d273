import { CliUsageError } from './args';

/** The input a command was given cannot be used (a file of another shape, a CSV with other columns): exit 1, no usage line. */
export class CliInputError extends Error {
  override name = 'CliInputError';
}

const inputFormatsHint = 'The input formats are described in the README, under "Input formats".';

interface IssueLike {
  path: PropertyKey[];
  message: string;
  code?: string;
  /** A union's issues, one list per shape it accepts. */
  errors?: IssueLike[][];
}

function issueLines(issues: IssueLike[], prefix: PropertyKey[] = []): string[] {
  return issues.slice(0, 3).flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && Array.isArray(issue.errors) && issue.errors.length > 0) {
      return issue.errors.slice(0, 3).map((shape, index) => `  shape ${index + 1}: ${issueLines(shape, path).map((line) => line.trim()).join('; ')}`);
    }
    return [`  ${path.map(String).join('.') || '(top level)'}: ${issue.message}`];
  });
}

function isZodLike(error: unknown): error is Error & { issues: IssueLike[] } {
  return error instanceof Error && error.name === 'ZodError' && Array.isArray((error as { issues?: unknown }).issues);
}

function isFsError(error: unknown): error is Error & { code: string; path?: string; syscall?: string } {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

const fsWords: Record<string, string> = {
  ENOENT: 'There is no such file or folder',
  EACCES: 'You may not read or write',
  EPERM: 'You may not read or write',
  ENOTDIR: 'This is not a folder',
  EISDIR: 'This is a folder, not a file',
};

/**
 * What a person reads when a command fails: one plain line and what to do, never a stack trace unless
 * `--debug` asked for it. Returns the text and the exit code (2: wrong usage, 1: anything else).
 */
export function describeCliError(error: unknown, usage: string, debug: boolean): { text: string; code: number } {
  if (error instanceof CliUsageError) return { text: `${error.message}\nUsage: npm run cli -- ${usage}`, code: 2 };
  if (error instanceof CliInputError) return { text: `${error.message}\n${inputFormatsHint}`, code: 1 };
  if (isZodLike(error)) {
    return { text: ['The input is not in the format this command reads:', ...issueLines(error.issues), inputFormatsHint].join('\n'), code: 1 };
  }
  if (isFsError(error) && error.path) {
    const words = fsWords[error.code] ?? `The file system refused (${error.code})`;
    return { text: `${words}: ${error.path}\nCheck the path and try again.`, code: 1 };
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return { text: `${message}${stack}${debug ? '' : '\nRun again with --debug to see where it failed.'}`, code: 1 };
}
