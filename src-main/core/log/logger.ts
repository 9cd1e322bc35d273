import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface FileLoggerOptions {
  dir: string;
  /** Debug lines may carry message text, so they are written only when the user switches debug logging on. */
  debug?: boolean;
  maxBytes?: number;
  keep?: number;
  /** Scrubs personal data from a line before it is written. */
  scrub?: (text: string) => string;
}

/** JSON-lines log in the data folder, rotated by size so it never grows without bound. */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;
  const file = join(options.dir, 'copilot.log');
  mkdirSync(options.dir, { recursive: true });

  function rotateIfNeeded(): void {
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      return;
    }
    if (size < maxBytes) return;
    for (let index = keep - 1; index >= 1; index -= 1) {
      try {
        renameSync(`${file}.${index}`, `${file}.${index + 1}`);
      } catch {
        // an older generation may not exist yet
      }
    }
    renameSync(file, `${file}.1`);
  }

  function write(level: LogLevel, message: string, details?: Record<string, unknown>): void {
    if (level === 'debug' && !options.debug) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...details });
    rotateIfNeeded();
    appendFileSync(file, `${options.scrub ? options.scrub(line) : line}\n`);
  }

  return {
    debug: (message, details) => write('debug', message, details),
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
