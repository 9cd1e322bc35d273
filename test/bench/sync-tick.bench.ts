import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startDemoCrm } from '../../src-main/core/crm/demo/index';
import { createHubSpotConnector } from '../../src-main/core/crm/index';
import { openCacheDatabase } from '../../src-main/core/storage/index';
import { createSyncEngine } from '../../src-main/core/sync/index';
import { percentiles, type Benchmark } from './harness';

const contacts = Number(process.env.SYNC_TICK_CONTACTS ?? 10_000);

/** An incremental sync with 1% changed and with nothing changed, against a full re-fetch. */
const bench: Benchmark = {
  name: 'sync-tick',
  async run() {
    const crm = await startDemoCrm({ seed: 2, contacts });
    const dir = mkdtempSync(join(tmpdir(), 'copilot-sync-tick-'));
    const db = openCacheDatabase(join(dir, 'cache.db'));
    const engine = createSyncEngine({ db, connector: createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'tick', messageConcurrency: 16 }) });
    await engine.syncAll();
    const time = async (work: () => Promise<unknown>): Promise<number> => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    const idle: number[] = [];
    const onePercent: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      idle.push(await time(() => engine.syncAll()));
      for (const type of ['contacts', 'orders', 'tickets'] as const) {
        const step = 100;
        for (let index = round; index < crm.state.baseCount(type); index += step) crm.state.touch(type, (crm.state.at(type, index) as { id: string }).id);
      }
      onePercent.push(await time(() => engine.syncAll()));
    }
    const fresh = openCacheDatabase(join(dir, 'full.db'));
    const full = await time(() => createSyncEngine({ db: fresh, connector: createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'full', messageConcurrency: 16 }) }).syncAll());
    fresh.close();
    db.close();
    await crm.close();
    rmSync(dir, { recursive: true, force: true });
    return {
      name: 'sync-tick',
      figures: [
        { label: `nothing changed (${contacts} contacts)`, unit: 'ms', subject: percentiles(idle), baselineLabel: 'full re-fetch', baseline: percentiles([full]) },
        { label: '1% changed', unit: 'ms', subject: percentiles(onePercent), baselineLabel: 'full re-fetch', baseline: percentiles([full]) },
      ],
    };
  },
};
export default bench;
