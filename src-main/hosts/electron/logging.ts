import { join } from 'node:path';
import { createFileLogger, type Logger } from '../../core/log/logger';
import type { AppErrorEvent } from '../../core/contract/events';

/** Replaces every known secret value in a log line, in case one slips into an error message. */
export function secretScrubber(secrets: () => (string | undefined)[]): (line: string) => string {
  return (line) => {
    let scrubbed = line;
    for (const secret of secrets()) {
      // JSON-escaped too: log lines are JSON.
      if (!secret || secret.length < 4) continue;
      for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) scrubbed = scrubbed.split(form).join('[secret]');
    }
    return scrubbed;
  };
}

/**
 * A free-text detail (an error's message, mostly) as the log keeps it when debug logging is off:
 * its first line, quoted parts and JSON strings replaced by an ellipsis, at most 200 characters.
 * Libraries quote what they choked on, and that may be a customer's words or a CRM record.
 */
export function withoutQuotedText(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // A double quote left open (a JSON body cut short) runs to the end; a single one must close, so "can't" stays.
  const unquoted = firstLine.replace(/"(?:[^"\\]|\\.)*"?|(?<![\p{L}\p{N}])'[^']*'|“[^”]*”?|`[^`]*`?/gu, '"…"');
  return unquoted.length > 200 ? `${unquoted.slice(0, 200)}…` : unquoted;
}

function quietDetails(details: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!details) return details;
  return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, typeof value === 'string' ? withoutQuotedText(value) : value]));
}

/**
 * The shell's log: rotated in `<data folder>/logs`, secrets scrubbed, and unless the agent switched
 * debug logging on, no debug lines and no quoted text in the details of the others.
 */
export function createShellLogger(dataDir: string, debug: boolean, secrets: () => (string | undefined)[]): Logger {
  const file = createFileLogger({ dir: join(dataDir, 'logs'), debug, scrub: secretScrubber(secrets) });
  if (debug) return file;
  return {
    debug: () => undefined,
    info: (message, details) => file.info(message, quietDetails(details)),
    warn: (message, details) => file.warn(message, quietDetails(details)),
    error: (message, details) => file.error(message, quietDetails(details)),
  };
}

/**
 * What an error looks like in the log: its kind and where it happened. The message itself may
 * quote customer text or a URL with a token, so it is kept only when debug logging is on.
 */
export function describeError(error: unknown, debug: boolean): Record<string, unknown> {
  if (!(error instanceof Error)) return { kind: typeof error, ...(debug ? { value: String(error) } : {}) };
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, 8).map((line) => line.trim());
  return { kind: error.name, frames, ...(debug ? { message: error.message } : {}) };
}

export interface ProcessLike {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
}

/**
 * An error nobody caught in main is logged and shown in the window as an `app.error` event,
 * and the app keeps running rather than vanishing without a word.
 */
export function reportUncaughtErrors(target: ProcessLike, logger: Logger, debug: () => boolean, report: (event: AppErrorEvent) => void): void {
  const handle = (kind: string) => (error: unknown) => {
    logger.error(`uncaught ${kind} in main`, describeError(error, debug()));
    try {
      report({
        message: 'Something went wrong in the background.',
        hint: 'The app keeps running. If something stopped working, restart it; the log in the data folder has the details.',
      });
    } catch {
      // The window may be gone; the log line is already written.
    }
  };
  target.on('uncaughtException', handle('exception'));
  target.on('unhandledRejection', handle('rejection'));
}
