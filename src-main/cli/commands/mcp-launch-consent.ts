import { createInterface } from 'node:readline/promises';
import type { ProcessLaunchConsent, ProcessLaunchRequest } from '../../core/mcp/client/process-launch-consent';

export interface TerminalConsentOptions {
  /** --yes: the person who typed the command allows every program of this run. */
  yes: boolean;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Questions go to stderr, so --json output on stdout stays one document. */
  output: NodeJS.WritableStream;
}

function describe(request: ProcessLaunchRequest): string {
  const lines = [`MCP server "${request.serverName}" (${request.serverId}) wants to start a program:`, `  program:   ${request.command}`];
  if (request.args.length > 0) lines.push(`  arguments: ${request.args.map((arg) => JSON.stringify(arg)).join(' ')}`);
  if (request.cwd) lines.push(`  folder:    ${request.cwd}`);
  // A variable that looks like a credential is named, not printed into the terminal's scrollback.
  for (const [name, value] of Object.entries(request.env)) lines.push(`  env:       ${name}=${/key|token|secret|passw/i.test(name) ? '(hidden)' : value}`);
  return lines.join('\n');
}

/** The CLI asks on its terminal, or takes --yes; without a terminal and without --yes it starts nothing. */
export function terminalLaunchConsent(options: TerminalConsentOptions): ProcessLaunchConsent {
  // One question at a time: the hub connects servers in parallel.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    remembersApprovals: true,
    ask(request) {
      if (options.yes) return Promise.resolve({ allowed: true as const });
      if (!options.input.isTTY) return Promise.resolve({ allowed: false as const, reason: 'nobody at a terminal could be asked; run it again with --yes to allow its program' });
      const answer = queue.then(async () => {
        const prompt = createInterface({ input: options.input, output: options.output });
        try {
          const reply = await prompt.question(`${describe(request)}\nStart it? [y/N] `);
          return /^y(es)?$/i.test(reply.trim()) ? ({ allowed: true } as const) : ({ allowed: false, reason: 'you answered no at the terminal' } as const);
        } finally {
          prompt.close();
        }
      });
      queue = answer.catch(() => undefined);
      return answer;
    },
  };
}
