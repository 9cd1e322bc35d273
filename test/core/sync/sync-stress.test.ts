import { describe, expect, it } from 'vitest';
import { startDemoCrm } from '../../../src-main/core/crm/demo/index';
import { createHubSpotConnector } from '../../../src-main/core/crm/index';
import { inspectCache, openCacheDatabase } from '../../../src-main/core/storage/index';
import { createSyncEngine } from '../../../src-main/core/sync/index';

/**
 * The 20,000-contact sync under 20% 5xx plus rate limiting, ten times. Scaled to 120 contacts by
 * default so `npm test` stays fast; `SYNC_STRESS_CONTACTS=20000` runs it at full size. The property is the
 * same at any size: every record lands, once, in every run, with the client's default retry quota.
 */
const contacts = Number(process.env.SYNC_STRESS_CONTACTS ?? 120);
const runs = Number(process.env.SYNC_STRESS_RUNS ?? 10);
/**
 * Requests a second before the demo answers 429. The default grows with the size and stops binding at full size
 * (5,000/s at 20,000 contacts, above what one client sends on this machine): set it, e.g. 100, to meet 429s there too.
 */
const ratePerSecond = Number(process.env.SYNC_STRESS_RATE ?? 0) || Math.max(40, contacts / 4);
/** Ten full-size runs on a loaded 2-core machine take longer than the default ten minutes. */
const timeoutMs = Number(process.env.SYNC_STRESS_TIMEOUT_MS ?? 600_000);

describe('sync under 20% 5xx and a rate limit', () => {
  it(`ends with every record once in ${runs} of ${runs} runs (${contacts} contacts)`, async () => {
    const outcomes: string[] = [];
    let throttled = 0;
    for (let run = 0; run < runs; run += 1) {
      const crm = await startDemoCrm({ seed: 100 + run, contacts, failRate: 0.2, rateLimitPerSecond: ratePerSecond });
      const db = openCacheDatabase(':memory:');
      const started = performance.now();
      try {
        const connector = createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'crm', retry: { baseDelayMs: 5, maxDelayMs: 200 } });
        const report = await createSyncEngine({ db, connector }).syncAll();
        const limited = ((await (await fetch(`${crm.url}/__demo/requests`, { headers: { Authorization: 'Bearer t' } })).json()) as { status: number }[]).filter((entry) => entry.status === 429).length;
        throttled += limited;
        const held = crm.stats().counts;
        const distinct = (table: string): number => inspectCache(db).count(table, { distinct: 'id' });
        const once = (['contacts', 'orders', 'line_items', 'tickets', 'conversations', 'messages'] as const).every((table) => distinct(table) === held[table] && report.counts[table] === held[table]);
        outcomes.push(once && report.quarantined === 0 ? 'ok' : `run ${run}: ${JSON.stringify(report.counts)} vs ${JSON.stringify(held)}`);
        if (process.env.SYNC_STRESS_LOG) process.stdout.write(`stress run ${run}: ${outcomes.at(-1) ?? ''}, ${limited} of the last 5,000 requests answered 429, ${connector.retries} retries, ${Math.round(performance.now() - started)} ms\n`);
      } catch (error) {
        outcomes.push(`run ${run}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        db.close();
        await crm.close();
      }
    }
    expect(outcomes).toEqual(Array.from({ length: runs }, () => 'ok'));
    // The runs met the rate limit, not only the 5xx.
    expect(throttled).toBeGreaterThan(0);
  }, timeoutMs);
});
