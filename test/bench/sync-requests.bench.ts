import { createHubSpotConnector, type SyncScope } from '../../src-main/core/crm/index';
import { mulberry32 } from '../../src-main/core/random/mulberry32';
import { openCacheDatabase } from '../../src-main/core/storage/index';
import { createSyncEngine } from '../../src-main/core/sync/index';
import { startSpecHubSpot, type SpecHubSpot } from '../core/sync/spec-hubspot';
import { percentiles, type Benchmark } from './harness';

/**
 * Requests per agent-day on a shared portal, for both sync scopes: the real connector and sync engine
 * run tick after tick (a sync every 60 s, on a simulated clock) against the spec-shaped HubSpot of the
 * tests, with the change rate of the team the issue describes, and every request is counted.
 *
 * Team: 50 agents, Enterprise portal of 1,000,000 contacts (orders, line items and tickets in the demo's
 * proportions: 2, 4 and 0.5 per contact), 40 conversations per agent a day of 6 messages each, 1% of
 * records changing a day. HubSpot's published limits for a private app on Enterprise: 1,000,000
 * requests a day and 190 per 10 seconds (developer changelog, "Increasing our API limits"), and the
 * search endpoints' own few requests a second.
 */
const agents = 50;
const portal = { contacts: 1_000_000, orders: 2_000_000, line_items: 4_000_000, tickets: 500_000 };
const conversationsPerAgentDay = 40;
const messagesPerConversation = 6;
const changeShare = 0.01;
const tickSeconds = 60;
const ticksPerDay = 86_400 / tickSeconds;
const simulatedTicks = Number(process.env.SYNC_REQUESTS_TICKS ?? 120);
const enterpriseDaily = 1_000_000;

/** A small portal in the same proportions; what a tick costs depends on what changed, not on the portal's size. */
const seeded = 400;

function seed(hub: SpecHubSpot, at: number): void {
  for (let i = 0; i < seeded; i += 1) {
    const contact = String(1_000_000 + i);
    hub.put('contacts', contact, { email: `c${i}@example.com`, firstname: `C${i}` }, at);
    for (let o = 0; o < 2; o += 1) {
      const order = String(2_000_000 + i * 2 + o);
      hub.put('orders', order, { hs_order_name: `Order ${order}`, hs_total_price: '10.00' }, at);
      hub.link('orders', order, 'contacts', contact);
      for (let l = 0; l < 2; l += 1) {
        const item = String(3_000_000 + (i * 2 + o) * 2 + l);
        hub.put('line_items', item, { name: 'Item', quantity: '1', price: '5.00' }, at);
        hub.link('line_items', item, 'orders', order);
      }
    }
    if (i % 2 === 0) {
      const ticket = String(6_000_000 + i);
      hub.put('tickets', ticket, { subject: 'Help', hs_pipeline: '0', hs_pipeline_stage: '1' }, at);
      hub.link('tickets', ticket, 'contacts', contact);
    }
    const thread = String(8_000_000 + i);
    hub.threads.set(thread, {
      id: thread,
      createdAt: new Date(at).toISOString(),
      status: 'OPEN',
      associatedContactId: contact,
      // One inbox per agent; agent 0 works inbox 0.
      inboxId: String(i % agents),
      originalChannelId: '1000',
      originalChannelAccountId: '77',
      spam: false,
      archived: false,
      latestMessageTimestamp: new Date(at).toISOString(),
      messages: [{ id: `m${i}`, type: 'MESSAGE', createdAt: new Date(at).toISOString(), text: 'hello', direction: 'INCOMING', senders: [{ actorId: `V-${i}` }] }],
    });
  }
}

/** Changes per tick across the whole portal, as fractional rates carried from tick to tick. */
const perTick = {
  contacts: (portal.contacts * changeShare) / ticksPerDay,
  orders: (portal.orders * changeShare) / ticksPerDay,
  line_items: (portal.line_items * changeShare) / ticksPerDay,
  tickets: (portal.tickets * changeShare) / ticksPerDay,
  messages: (agents * conversationsPerAgentDay * messagesPerConversation) / ticksPerDay,
};

async function simulate(scope: SyncScope): Promise<{ perTick: number[]; searches: number; initial: number }> {
  let time = Date.parse('2026-06-01T08:00:00Z');
  const hub = startSpecHubSpot({ now: () => time, searchLagMs: 2_000 });
  const url = await hub.listen();
  seed(hub, time - 3_600_000);
  const db = openCacheDatabase(':memory:');
  const connector = createHubSpotConnector({ baseUrl: url, token: 't', source: 'sim', now: () => time, sleep: async (ms) => void (time += ms), scope: () => scope, senderUserId: () => 9001 });
  const engine = createSyncEngine({ db, connector });
  await engine.syncAll();
  const initial = hub.requests.length;
  const carry: Record<keyof typeof perTick, number> = { contacts: 0, orders: 0, line_items: 0, tickets: 0, messages: 0 };
  const counts: number[] = [];
  const random = mulberry32(2026);
  for (let tick = 0; tick < simulatedTicks; tick += 1) {
    time += tickSeconds * 1000;
    for (const key of Object.keys(perTick) as (keyof typeof perTick)[]) {
      carry[key] += perTick[key];
      while (carry[key] >= 1) {
        carry[key] -= 1;
        const cursor = Math.floor(random() * seeded);
        const when = time - 5_000 - (cursor % 30) * 1000;
        if (key === 'messages') {
          // A message in one of the day's conversations: 1 in 50 is this agent's (its inbox).
          const thread = hub.threads.get(String(8_000_000 + cursor));
          if (!thread) continue;
          thread.messages.push({ id: `n${tick}-${cursor}-${thread.messages.length}`, type: 'MESSAGE', createdAt: new Date(when).toISOString(), text: 'more', direction: 'INCOMING', senders: [{ actorId: `V-${cursor}` }] });
          thread.latestMessageTimestamp = new Date(when).toISOString();
        } else {
          const ids = { contacts: 1_000_000 + cursor, orders: 2_000_000 + cursor * 2, line_items: 3_000_000 + cursor * 4, tickets: 6_000_000 + (cursor - (cursor % 2)) }[key];
          hub.put(key, String(ids), {}, when);
        }
      }
    }
    const before = hub.requests.length;
    await engine.syncAll();
    counts.push(hub.requests.length - before);
  }
  const searches = hub.requests.slice(initial).filter((request) => request.path.endsWith('/search')).length;
  db.close();
  await hub.close();
  return { perTick: counts, searches: searches / simulatedTicks, initial };
}

/** Pages of the initial sync at HubSpot's page sizes (list 100, one messages page per thread). */
function initialRequests(threads: number): number {
  const pages = (n: number): number => Math.ceil(n / 100);
  return pages(portal.contacts) + pages(portal.orders) + pages(portal.line_items) + pages(portal.tickets) + pages(threads) + threads;
}

const bench: Benchmark = {
  name: 'sync-requests',
  async run() {
    const whole = await simulate({ kind: 'portal' });
    const mine = await simulate({ kind: 'agent', inboxIds: ['0'], actorId: 'A-9001' });
    const day = (ticks: number[]): number => Math.round((ticks.reduce((sum, value) => sum + value, 0) / ticks.length) * ticksPerDay);
    const portalDay = day(whole.perTick);
    const agentDay = day(mine.perTick);
    // One thread per contact, as in the demo; the agent's inbox holds 1/50 of them.
    const portalInitial = initialRequests(portal.contacts);
    return {
      name: 'sync-requests',
      figures: [
        {
          label: 'requests per sync tick (agent scope)',
          unit: 'requests',
          subject: percentiles(mine.perTick),
          baselineLabel: 'whole portal',
          baseline: percentiles(whole.perTick),
          extra: {
            agent_scope_per_agent_day: agentDay,
            portal_scope_per_agent_day: portalDay,
            agent_scope_team_day: agentDay * agents,
            portal_scope_team_day: portalDay * agents,
            enterprise_daily_limit: enterpriseDaily,
            agent_scope_share_of_daily: `${((agentDay * agents * 100) / enterpriseDaily).toFixed(1)}%`,
            portal_scope_share_of_daily: `${((portalDay * agents * 100) / enterpriseDaily).toFixed(1)}%`,
            portal_scope_team_searches_per_s: Number(((whole.searches * agents) / tickSeconds).toFixed(2)),
            agent_scope_team_searches_per_s: Number(((mine.searches * agents) / tickSeconds).toFixed(2)),
            portal_scope_initial_sync_per_desktop: portalInitial,
            ticks: simulatedTicks,
          },
        },
      ],
    };
  },
};
export default bench;
