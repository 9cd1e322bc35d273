import type { ParsedArgs } from './args';

export interface CliContext {
  args: ParsedArgs;
  json: boolean;
  /** Human-readable output; suppressed with --json so the last line stays machine-readable. */
  say(text: string): void;
  /** Prints one JSON document on its own line. */
  printJson(value: unknown): void;
}

export interface CliCommand {
  /** Words that select the command, e.g. ['kb', 'search']. */
  path: string[];
  summary: string;
  usage: string;
  run(context: CliContext): Promise<number | void>;
}
