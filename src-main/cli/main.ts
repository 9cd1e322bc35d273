import { parseArgs } from './args';
import type { CliCommand, CliContext } from './command';
import { describeCliError } from './errors';
import { commands } from './registry';

function findCommand(positionals: string[]): { command: CliCommand; rest: string[] } | undefined {
  const sorted = [...commands].sort((a, b) => b.path.length - a.path.length);
  for (const command of sorted) {
    if (command.path.every((word, index) => positionals[index] === word)) {
      return { command, rest: positionals.slice(command.path.length) };
    }
  }
  return undefined;
}

function help(): string {
  return ['Usage: npm run cli -- <command> [options]', '', ...commands.map((c) => `  ${c.usage.padEnd(60)} ${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const found = findCommand(args.positionals);
  if (!found || args.flags.has('help')) {
    if (!found && args.positionals.length > 0) {
      process.stderr.write(`Unknown command: ${args.positionals.join(' ')}\n\n${help()}\n`);
      return 2;
    }
    process.stdout.write(`${help()}\n`);
    return found || args.flags.has('help') ? 0 : 2;
  }
  const json = args.flags.has('json');
  const context: CliContext = {
    args: { positionals: found.rest, flags: args.flags },
    json,
    say: (text) => {
      if (!json) process.stdout.write(`${text}\n`);
      else process.stderr.write(`${text}\n`);
    },
    printJson: (value) => process.stdout.write(`${JSON.stringify(value)}\n`),
  };
  try {
    const code = await found.command.run(context);
    return typeof code === 'number' ? code : 0;
  } catch (error) {
    const described = describeCliError(error, found.command.usage, args.flags.has('debug') || Boolean(process.env.COPILOT_DEBUG));
    process.stderr.write(`${described.text}\n`);
    return described.code;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  },
);
