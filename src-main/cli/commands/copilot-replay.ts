import { readFileSync } from 'node:fs';
import { CliUsageError, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { replayConversation } from '../../core/copilot/replay';

export const copilotReplayCommand: CliCommand = {
  path: ['copilot', 'replay'],
  summary: 'Run a conversation (script or ABCD conversation JSON) through the copilot on the demo workspace',
  usage: 'copilot replay --conversation <json> [--llm <url>] [--model M] [--json]',
  async run(context) {
    const file = stringFlag(context.args, 'conversation');
    if (!file) throw new CliUsageError('--conversation <json> is required');
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new CliUsageError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const llmUrl = stringFlag(context.args, 'llm');
    const output = await replayConversation(input, llmUrl ? { llm: { baseUrl: llmUrl, model: stringFlag(context.args, 'model') ?? 'copilot', apiKey: process.env.COPILOT_LLM_API_KEY ?? 'not-needed' } } : {});
    for (const turn of output.turns) {
      context.say(`> ${turn.text}\n  intent ${turn.intent}, sentiment ${turn.sentiment}${turn.escalate.yes ? `, ESCALATE: ${turn.escalate.reasons.join(' ')}` : ''}`);
      for (const suggestion of turn.suggestions) context.say(`  suggest: ${suggestion.text} [${suggestion.citations.join(', ')}]`);
      for (const action of turn.actions) context.say(`  action: ${action.tool} ${JSON.stringify(action.args)} (${action.policy}, ${action.status})`);
    }
    if (context.json) context.printJson(output);
  },
};
