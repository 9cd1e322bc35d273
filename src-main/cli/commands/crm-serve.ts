import { numberFlag, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { startDemoCrm } from '../../core/crm/demo/index';

export const crmServeCommand: CliCommand = {
  path: ['crm', 'serve'],
  summary: 'Run the built-in demo CRM (HubSpot API subset) on 127.0.0.1 until stopped',
  usage: 'crm serve [--port N] [--seed S] [--contacts N] [--token T] [--fail-rate F] [--rate-limit N] [--latency ms] [--live-messages S] [--json]',
  async run(context) {
    const token = stringFlag(context.args, 'token');
    const crm = await startDemoCrm({
      port: numberFlag(context.args, 'port') ?? 0,
      seed: numberFlag(context.args, 'seed') ?? 1,
      contacts: numberFlag(context.args, 'contacts') ?? 200,
      failRate: numberFlag(context.args, 'fail-rate') ?? 0,
      rateLimitPerSecond: numberFlag(context.args, 'rate-limit') ?? 0,
      latencyMs: numberFlag(context.args, 'latency') ?? 0,
      liveMessagesEverySeconds: numberFlag(context.args, 'live-messages') ?? 0,
      ...(token ? { token } : {}),
    });
    context.say(`Demo CRM listening on ${crm.url} (${crm.stats().counts.contacts} contacts). Press Ctrl+C to stop.`);
    if (context.json) context.printJson({ url: crm.url, ...crm.stats() });
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await crm.close();
  },
};
