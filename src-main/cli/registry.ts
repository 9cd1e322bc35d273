import type { CliCommand } from './command';
import { copilotReplayCommand } from './commands/copilot-replay';
import { copilotEvalCommand } from './commands/copilot-eval';
import { crmServeCommand } from './commands/crm-serve';
import { evalIntentCommand } from './commands/eval-intent';
import { evalRedactionCommand } from './commands/eval-redaction';
import { infoCommand } from './commands/info';
import { kbEvalCommand } from './commands/kb-eval';
import { kbIndexCommand } from './commands/kb-index';
import { kbSearchCommand } from './commands/kb-search';
import { mcpDemoCarrierCommand } from './commands/mcp-demo-carrier';
import { mcpServeCommand } from './commands/mcp-serve';
import { mcpServersCommand } from './commands/mcp-servers';
import { syncCommand } from './commands/sync';

/** Every CLI command, one file each under commands/. */
export const commands: CliCommand[] = [infoCommand, evalIntentCommand, evalRedactionCommand, kbEvalCommand, kbIndexCommand, kbSearchCommand, crmServeCommand, syncCommand, copilotReplayCommand, copilotEvalCommand, mcpServeCommand, mcpServersCommand, mcpDemoCarrierCommand];
