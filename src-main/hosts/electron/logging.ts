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

/** The shell's log: rotated in `<data folder>/logs`, secrets scrubbed, debug lines only when the agent switched debug on. */
export function createShellLogger(dataDir: string, debug: boolean, secrets: () => (string | undefined)[]): Logger {
  return createFileLogger({ dir: join(dataDir, 'logs'), debug, scrub: secretScrubber(secrets) });
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
