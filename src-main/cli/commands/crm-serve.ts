import { CliUsageError, boolFlag, numberFlag, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { startDemoCrm } from '../../core/crm/demo/index';

function bounded(value: number | undefined, name: string, min: number, max: number, integer = false): number | undefined {
  if (value === undefined) return undefined;
  if (value < min || value > max || (integer && !Number.isInteger(value))) throw new CliUsageError(`--${name} must be ${integer ? 'an integer ' : ''}between ${min} and ${max}`);
  return value;
}

export const crmServeCommand: CliCommand = {
  path: ['crm', 'serve'],
  summary: 'Run the built-in demo CRM (HubSpot API subset) on 127.0.0.1 until stopped',
  usage:
    'crm serve [--port N] [--seed S] [--contacts N] [--token T] [--fail-rate F] [--rate-limit N] [--latency ms] [--live-messages S] ' +
    '[--now ISO|ms] [--search-cap N] [--search-lag ms] [--hubspot-limits] [--limit-10s N] [--search-limit N] [--daily-limit N] [--no-rate-limit-headers] ' +
    '[--idempotency-keys] [--standard-portal] [--missing-scopes a,b] [--json]',
  async run(context) {
    const token = stringFlag(context.args, 'token');
    const nowText = stringFlag(context.args, 'now');
    const now = nowText === undefined ? undefined : /^\d{1,16}$/.test(nowText) ? Number(nowText) : Date.parse(nowText);
    if (now !== undefined && !Number.isFinite(now)) throw new CliUsageError('--now must be an ISO time or epoch milliseconds');
    const missingScopes = stringFlag(context.args, 'missing-scopes');
    const limit10s = bounded(numberFlag(context.args, 'limit-10s'), 'limit-10s', 1, 1_000_000, true);
    const searchLimit = bounded(numberFlag(context.args, 'search-limit'), 'search-limit', 1, 100_000, true);
    const dailyLimit = bounded(numberFlag(context.args, 'daily-limit'), 'daily-limit', 1, 1_000_000_000, true);
    const searchCap = bounded(numberFlag(context.args, 'search-cap'), 'search-cap', 1, 10_000_000, true);
    const searchLag = bounded(numberFlag(context.args, 'search-lag'), 'search-lag', 0, 600_000);
    const crm = await startDemoCrm({
      ...(now !== undefined ? { now } : {}),
      ...(searchCap !== undefined ? { searchResultCap: searchCap } : {}),
      ...(searchLag !== undefined ? { searchIndexLagMs: searchLag } : {}),
      portalLimits: {
        enforce: boolFlag(context.args, 'hubspot-limits'),
        headers: !boolFlag(context.args, 'no-rate-limit-headers'),
        ...(limit10s !== undefined ? { tenSecondly: limit10s } : {}),
        ...(searchLimit !== undefined ? { searchPerSecond: searchLimit } : {}),
        ...(dailyLimit !== undefined ? { daily: dailyLimit } : {}),
      },
      idempotencyKeys: boolFlag(context.args, 'idempotency-keys'),
      standardPortal: boolFlag(context.args, 'standard-portal'),
      ...(missingScopes ? { missingScopes: missingScopes.split(',').map((scope) => scope.trim()).filter(Boolean) } : {}),
      port: bounded(numberFlag(context.args, 'port'), 'port', 0, 65_535, true) ?? 0,
      seed: bounded(numberFlag(context.args, 'seed'), 'seed', 0, 2 ** 32 - 1, true) ?? 1,
      contacts: bounded(numberFlag(context.args, 'contacts'), 'contacts', 0, 5_000_000, true) ?? 200,
      failRate: bounded(numberFlag(context.args, 'fail-rate'), 'fail-rate', 0, 1) ?? 0,
      rateLimitPerSecond: bounded(numberFlag(context.args, 'rate-limit'), 'rate-limit', 0, 1_000_000) ?? 0,
      latencyMs: bounded(numberFlag(context.args, 'latency'), 'latency', 0, 60_000) ?? 0,
      liveMessagesEverySeconds: bounded(numberFlag(context.args, 'live-messages'), 'live-messages', 0, 86_400) ?? 0,
      ...(token ? { token } : {}),
    });
    const stopped = new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    const { counts } = crm.stats();
    context.say(
      `Demo CRM listening on ${crm.url}: ${counts.contacts} contacts, ${counts.orders} orders, ${counts.tickets} tickets, ${counts.conversations} conversations. ` +
        `Use it with: npm run cli -- sync --crm ${crm.url}${token ? ` --token ${token}` : ''}. Press Ctrl+C to stop.`,
    );
    if (context.json) context.printJson({ url: crm.url, counts });
    const signal = await stopped;
    await crm.close();
    context.say(`Demo CRM stopped (${signal}).`);
  },
};
