import type { CliCommand } from './command';
import { evalIntentCommand } from './commands/eval-intent';
import { infoCommand } from './commands/info';

/** Every CLI command, one file each under commands/. */
export const commands: CliCommand[] = [infoCommand, evalIntentCommand];
