import { CliUsageError, parseArgs } from './args';
import type { CliCommand, CliContext } from './command';
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
    process.stdout.write(`${help()}\n`);
    return found ? 0 : 2;
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
    if (error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\nUsage: npm run cli -- ${found.command.usage}\n`);
      return 2;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
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
