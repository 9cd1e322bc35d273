import { join } from 'node:path';
import { CliUsageError, stringFlag } from '../args';
import type { CliCommand } from '../command';
import { createHubSpotConnector } from '../../core/crm/index';
import { defaultDataDir } from '../../core/paths/data-dir';
import { openCacheDatabase } from '../../core/storage/index';
import { createOutboxWorker, createSyncEngine, describeSyncError } from '../../core/sync/index';

export const syncCommand: CliCommand = {
  path: ['sync'],
  summary: 'Sync the local cache from a CRM (HubSpot API or the demo CRM), then deliver the outbox',
  usage: 'sync --crm <url> [--token T] [--db FILE] [--json]',
  async run(context) {
    const crm = stringFlag(context.args, 'crm');
    if (!crm) throw new CliUsageError('--crm <url> is required');
    const db = openCacheDatabase(stringFlag(context.args, 'db') ?? join(defaultDataDir(), 'cache.db'));
    const connector = createHubSpotConnector({ baseUrl: crm, token: stringFlag(context.args, 'token') ?? 'demo', source: 'crm' });
    try {
      const report = await createSyncEngine({ db, connector }).syncAll();
      await createOutboxWorker({ db, connector }).deliverDue();
      const { line_items: _lineItems, ...counts } = report.counts;
      context.say(`synced ${report.records} records in ${report.pages} pages (${report.retries} retries, ${report.quarantined} quarantined) in ${report.seconds}s`);
      if (context.json) context.printJson({ counts, pages: report.pages, retries: report.retries, quarantined: report.quarantined, seconds: report.seconds });
    } catch (error) {
      const described = describeSyncError(error);
      process.stderr.write(`${described.message} ${described.hint}\n`);
      return 1;
    } finally {
      db.close();
    }
  },
};
