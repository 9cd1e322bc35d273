import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CrmHttpError } from '../../src-main/core/crm/http-client';
import { createHubSpotConnector, type CrmConnector } from '../../src-main/core/crm/index';
import type { DeliveryContext, OutboxAction } from '../../src-main/core/crm/connector';
import { startDemoCrmProcess } from './demo-crm-process';
import { percentiles, type Benchmark, type BenchFigure } from './harness';
import { drainLoops, type DrainLoop, type DrainItem } from './outbox-drain-loops';

/**
 * `outbox-drain`: N queued actions (10,000; OUTBOX_DRAIN_ACTIONS for quick runs) delivered to the demo
 * CRM in its own process with 10% of its API answers a 5xx, through each delivery loop the app has.
 * One action (the first of one customer) fails on every try: how long it holds up that customer's
 * other actions is the "stuck" figure. The baseline, in the same run, sends the same requests in a
 * plain loop (each retried at once until it lands), without the stuck one.
 *
 * Per action: from its first try to its landing in the CRM (backoff waits included).
 */
const actionCount = Number(process.env.OUTBOX_DRAIN_ACTIONS ?? 10_000);
const customerCount = 200;
/** After everything else drained, how long the stuck customer's other actions are waited for. */
const graceMs = Number(process.env.OUTBOX_DRAIN_GRACE_MS ?? 20_000);
/** No loop may take longer than this (a bench that never ends says nothing). */
const limitMs = Number(process.env.OUTBOX_DRAIN_LIMIT_MS ?? 20 * 60_000);

interface Probe {
  firstTry: Map<string, number>;
  landed: Map<string, number>;
  tries: number;
}

/** The real connector, timed per key; the stuck key fails on every try as a CRM that keeps answering 503 would. */
function probedConnector(inner: CrmConnector, probe: Probe, stuckKey: string): CrmConnector {
  return {
    get source() {
      return inner.source;
    },
    get retries() {
      return inner.retries;
    },
    pullChanged: (type, cursor, signal) => inner.pullChanged(type, cursor, signal),
    fetchConversation: (threadId, since, signal) => inner.fetchConversation(threadId, since, signal),
    async pushAction(action: OutboxAction, key: string, signal?: AbortSignal, context?: DeliveryContext) {
      if (!probe.firstTry.has(key)) probe.firstTry.set(key, performance.now());
      probe.tries += 1;
      if (key === stuckKey) throw new CrmHttpError(503, 'stuck: the CRM answers 503 to this action every time', true, undefined, true);
      const result = await inner.pushAction(action, key, signal, context);
      if (!probe.landed.has(key)) probe.landed.set(key, performance.now());
      return result;
    },
  };
}

async function contactIds(url: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  while (ids.length < count) {
    const response = await fetch(`${url}/crm/v3/objects/contacts?limit=100${after ? `&after=${after}` : ''}`, { headers: { Authorization: 'Bearer bench' } });
    // The demo fails 10% of API requests: ask again.
    if (response.status >= 500) continue;
    const page = (await response.json()) as { results: { id: string }[]; paging?: { next?: { after: string } } };
    ids.push(...page.results.map((result) => result.id));
    after = page.paging?.next?.after;
    if (!after) break;
  }
  return ids.slice(0, count);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(loop: DrainLoop, url: string, customers: string[], run: string): Promise<BenchFigure> {
  const dir = mkdtempSync(join(tmpdir(), 'outbox-drain-'));
  const items: DrainItem[] = Array.from({ length: actionCount }, (_, index) => ({
    customerId: customers[index % customers.length] ?? '1',
    key: `drain:${run}:${loop.name}:${index}`,
    action: { kind: 'create_ticket', customerId: customers[index % customers.length] ?? '1', payload: { subject: `drain ${run} ${index}`, content: 'bench', priority: 'LOW' } },
  }));
  const stuck = items[0];
  if (!stuck) throw new Error('no actions');
  const siblings = items.filter((item) => item.customerId === stuck.customerId && item !== stuck).map((item) => item.key);
  const others = items.filter((item) => item.customerId !== stuck.customerId).map((item) => item.key);
  const probe: Probe = { firstTry: new Map(), landed: new Map(), tries: 0 };
  const connector = probedConnector(
    createHubSpotConnector({ baseUrl: url, token: 'bench', source: 'bench', senderUserId: () => 101, propertyConsent: () => true }),
    probe,
    loop.name === 'baseline' ? '' : stuck.key,
  );
  const queued = loop.name === 'baseline' ? items.slice(1) : items;
  const started = performance.now();
  const running = await loop.start({ dir, items: queued, connector });
  let drainedAt: number | undefined;
  for (;;) {
    await sleep(50);
    const now = performance.now();
    if (drainedAt === undefined && others.every((key) => probe.landed.has(key))) drainedAt = now;
    const siblingsDone = siblings.every((key) => probe.landed.has(key));
    if (drainedAt !== undefined && (siblingsDone || now - drainedAt > graceMs || loop.name === 'baseline')) break;
    if (now - started > limitMs) break;
  }
  await running.stop();
  rmSync(dir, { recursive: true, force: true });
  const perAction = [...probe.landed].map(([key, at]) => at - (probe.firstTry.get(key) ?? at));
  const drain = (drainedAt ?? performance.now()) - started;
  const siblingLanded = siblings.filter((key) => probe.landed.has(key)).map((key) => (probe.landed.get(key) ?? 0) - started);
  const otherLanded = percentiles(others.filter((key) => probe.landed.has(key)).map((key) => (probe.landed.get(key) ?? 0) - started));
  const siblingP50 = percentiles(siblingLanded).p50;
  const extra: Record<string, number | string> = {
    actions: queued.length,
    drainS: drain / 1000,
    actionsPerS: (others.length / drain) * 1000,
    tries: probe.tries,
    landed: probe.landed.size,
  };
  if (loop.name !== 'baseline') {
    extra.stuckSiblingsLanded = `${siblingLanded.length}/${siblings.length}`;
    // How much later than everyone else the stuck customer's other actions landed (p50 vs p50 of the rest).
    extra.stuckDelayS = siblingLanded.length === siblings.length ? Math.max(0, siblingP50 - otherLanded.p50) / 1000 : `blocked>${((performance.now() - started - otherLanded.p50) / 1000).toFixed(0)}`;
  }
  return { label: loop.label, unit: 'ms per action', subject: percentiles(perAction), baselineLabel: 'plain loop', baseline: percentiles(perAction), extra };
}

const bench: Benchmark = {
  name: 'outbox-drain',
  async run() {
    const crm = await startDemoCrmProcess({ seed: 7, contacts: customerCount, failRate: 0.1 });
    try {
      const customers = await contactIds(crm.url, customerCount);
      const run = String(Date.now());
      const figures: BenchFigure[] = [];
      let baseline: BenchFigure | undefined;
      // OUTBOX_DRAIN_LOOPS=baseline,one-outbox picks loops (the baseline always runs first).
      const only = process.env.OUTBOX_DRAIN_LOOPS?.split(',');
      for (const loop of drainLoops.filter((candidate) => candidate.name === 'baseline' || !only || only.includes(candidate.name))) {
        const figure = await measure(loop, crm.url, customers, run);
        if (loop.name === 'baseline') baseline = figure;
        else if (baseline) figures.push({ ...figure, baseline: baseline.subject, extra: { ...figure.extra, baselineDrainS: baseline.extra?.drainS ?? 'n/a' } });
      }
      return { name: 'outbox-drain', figures };
    } finally {
      await crm.close();
    }
  },
};

export default bench;
