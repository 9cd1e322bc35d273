import { join } from 'node:path';
import { CliUsageError, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { createHubSpotConnector } from '../../core/crm/index';
import { defaultDataDir } from '../../core/paths/data-dir';
import { openCacheDatabase } from '../../core/storage/index';
import { createOutboxWorker, createSyncEngine, describeSyncError } from '../../core/sync/index';

/** The app's hints name its Settings; on the command line the token is a flag or a variable. */
function cliHint(error: unknown, hint: string): string {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 401 || status === 403) return 'Pass a valid private-app token with --token <token> (or set COPILOT_CRM_TOKEN); the local cache is unchanged.';
  return hint.replace(/ in Settings\b/g, '');
}

export const syncCommand: CliCommand = {
  path: ['sync'],
  summary: 'Sync the local cache from a CRM (HubSpot API or the demo CRM), then deliver the outbox',
  usage: 'sync --crm <url> [--token T] [--db FILE] [--json]',
  async run(context) {
    const crm = stringFlag(context.args, 'crm') ?? process.env.COPILOT_CRM_URL;
    if (!crm) throw new CliUsageError('--crm <url> is required');
    const db = openCacheDatabase(stringFlag(context.args, 'db') ?? join(defaultDataDir(), 'cache.db'));
    const connector = createHubSpotConnector({ baseUrl: crm, token: stringFlag(context.args, 'token') ?? process.env.COPILOT_CRM_TOKEN ?? 'demo', source: 'crm' });
    try {
      const report = await createSyncEngine({ db, connector }).syncAll();
      await createOutboxWorker({ db, connector }).deliverDue();
      const { line_items: _lineItems, ...counts } = report.counts;
      context.say(`synced ${report.records} records in ${report.pages} pages (${report.retries} retries, ${report.quarantined} quarantined) in ${report.seconds}s`);
      if (context.json) context.printJson({ counts, pages: report.pages, retries: report.retries, quarantined: report.quarantined, seconds: report.seconds });
    } catch (error) {
      const described = describeSyncError(error);
      process.stderr.write(`${described.message} ${cliHint(error, described.hint)}\n`);
      return 1;
    } finally {
      db.close();
    }
  },
};
