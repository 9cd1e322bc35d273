import { describe, expect, it } from 'vitest';
import { startDemoCrm } from '../../../../src-main/core/crm/demo/index';
import { FaultInjector } from '../../../../src-main/core/crm/demo/faults';
import { PortalLimits } from '../../../../src-main/core/crm/demo/rate-limits';
import { demoClient } from './client';

describe('demo CRM fault injection', () => {
  it('answers 429 with a whole-second Retry-After once the token bucket is empty, and serves again after it', async () => {
    const crm = await startDemoCrm({ contacts: 20, rateLimitPerSecond: 5 });
    try {
      const client = demoClient(crm.url);
      const answers = await Promise.all(Array.from({ length: 12 }, () => client.get('/crm/v3/objects/contacts?limit=1')));
      const limited = answers.filter((answer) => answer.status === 429);
      expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(5);
      expect(limited.length).toBeGreaterThan(0);
      for (const answer of limited) {
        expect(answer.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
        expect(answer.body).toMatchObject({ status: 'error', category: 'RATE_LIMITS', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING', correlationId: expect.any(String) });
      }
      // The introspection endpoints are exempt, and log what happened.
      const log = (await client.get<{ status: number; path: string; at: number }[]>('/__demo/requests')).body;
      expect(log.filter((entry) => entry.status === 429)).toHaveLength(limited.length);
      const wait = Number(limited[0]?.headers.get('retry-after')) * 1000;
      await new Promise((resolve) => setTimeout(resolve, wait));
      expect((await client.get('/crm/v3/objects/contacts?limit=1')).status).toBe(200);
    } finally {
      await crm.close();
    }
  });

  it('refills the bucket at the configured rate (deterministic clock)', () => {
    let now = 0;
    const faults = new FaultInjector({ rateLimitPerSecond: 2 }, () => now);
    expect([faults.decide(), faults.decide()].map((decision) => decision.kind)).toEqual(['pass', 'pass']);
    expect(faults.decide()).toEqual({ kind: 'limit', retryAfterSeconds: 1 });
    now += 499;
    expect(faults.decide().kind).toBe('limit');
    now += 2;
    expect(faults.decide().kind).toBe('pass');
    expect(faults.decide().kind).toBe('limit');
  });

  it('fails roughly the configured fraction of API requests with 500, 502 or 503, never the test hooks', async () => {
    const crm = await startDemoCrm({ contacts: 10, failRate: 0.3, seed: 8 });
    try {
      const client = demoClient(crm.url);
      const statuses: number[] = [];
      for (let i = 0; i < 400; i += 1) statuses.push((await client.get('/crm/v3/objects/contacts?limit=1')).status);
      const failed = statuses.filter((status) => status !== 200);
      expect(failed.length / statuses.length).toBeGreaterThan(0.22);
      expect(failed.length / statuses.length).toBeLessThan(0.38);
      expect(new Set(failed)).toEqual(new Set([500, 502, 503]));
      for (let i = 0; i < 30; i += 1) expect((await client.get('/__demo/stats')).status).toBe(200);
    } finally {
      await crm.close();
    }
  });

  it('keeps answering correctly with latency', async () => {
    const crm = await startDemoCrm({ contacts: 10, latencyMs: 30 });
    try {
      const answer = await demoClient(crm.url).get<{ results: unknown[] }>('/crm/v3/objects/contacts?limit=3');
      expect(answer.status).toBe(200);
      expect(answer.body.results).toHaveLength(3);
    } finally {
      await crm.close();
    }
  });

  it('reports HubSpot rate-limit headers on every answer but search, and none when turned off', async () => {
    const crm = await startDemoCrm({ contacts: 5, searchIndexLagMs: 0 });
    const quiet = await startDemoCrm({ contacts: 5, portalLimits: { headers: false } });
    try {
      const answer = await demoClient(crm.url).get('/crm/v3/objects/contacts?limit=1');
      expect(answer.headers.get('x-hubspot-ratelimit-max')).toBe('190');
      expect(answer.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
      expect(Number(answer.headers.get('x-hubspot-ratelimit-remaining'))).toBeLessThan(190);
      expect(Number(answer.headers.get('x-hubspot-ratelimit-daily-remaining'))).toBeLessThan(1_000_000);
      const search = await demoClient(crm.url).post('/crm/v3/objects/contacts/search', { limit: 1 });
      expect(search.status).toBe(200);
      expect(search.headers.get('x-hubspot-ratelimit-max')).toBeNull();
      expect((await demoClient(quiet.url).get('/crm/v3/objects/contacts?limit=1')).headers.get('x-hubspot-ratelimit-max')).toBeNull();
    } finally {
      await crm.close();
      await quiet.close();
    }
  });

  it('enforces the ten-second window, the search endpoints\' own second and the daily quota with their policy names', () => {
    let now = Date.UTC(2026, 0, 1, 12);
    const limits = new PortalLimits({ tenSecondly: 3, searchPerSecond: 2, daily: 8, enforce: true }, () => now);
    expect([limits.decide(false), limits.decide(false), limits.decide(false)].map((decision) => decision.kind)).toEqual(['pass', 'pass', 'pass']);
    const full = limits.decide(false);
    expect(full).toMatchObject({ kind: 'limit', policy: 'TEN_SECONDLY_ROLLING', retryAfterSeconds: 10 });
    expect(full.headers['X-HubSpot-RateLimit-Remaining']).toBe('0');
    // Search has its own per-second budget, and its answers carry no headers.
    expect(limits.decide(true)).toMatchObject({ kind: 'pass', headers: {} });
    expect(limits.decide(true).kind).toBe('pass');
    expect(limits.decide(true)).toMatchObject({ kind: 'limit', policy: 'SECONDLY', retryAfterSeconds: 1 });
    now += 10_001;
    expect(limits.decide(false).kind).toBe('pass');
    expect(limits.decide(true).kind).toBe('pass');
    expect(limits.decide(false).kind).toBe('pass');
    // Eight requests passed today: the daily quota answers DAILY, without a Retry-After, until the next day.
    const daily = limits.decide(false);
    expect(daily).toMatchObject({ kind: 'limit', policy: 'DAILY' });
    expect('retryAfterSeconds' in daily && daily.retryAfterSeconds !== undefined).toBe(false);
    now = Date.UTC(2026, 0, 2, 0, 0, 1);
    expect(limits.decide(false).kind).toBe('pass');
  });

  it('answers a daily-limit 429 over HTTP with policyName DAILY', async () => {
    const crm = await startDemoCrm({ contacts: 5, portalLimits: { enforce: true, daily: 2 } });
    try {
      const client = demoClient(crm.url);
      await client.get('/crm/v3/objects/contacts?limit=1');
      await client.get('/crm/v3/objects/contacts?limit=1');
      const refused = await client.get('/crm/v3/objects/contacts?limit=1');
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ status: 'error', errorType: 'RATE_LIMIT', policyName: 'DAILY', message: expect.stringContaining('daily') });
      expect(refused.headers.get('retry-after')).toBeNull();
    } finally {
      await crm.close();
    }
  });

  it('fails the next matching write before or after acting, or answers it only after a client\'s timeout (POST /__demo/faults)', async () => {
    const crm = await startDemoCrm({ contacts: 4 });
    try {
      const client = demoClient(crm.url);
      const ticket = { properties: { subject: 'Scripted', hs_pipeline_stage: '1' } };
      const count = async () => (await client.get<{ path: string }[]>('/__demo/side-effects')).body.filter((effect) => effect.path === '/crm/v3/objects/tickets').length;
      expect((await client.post<{ queued: number }>('/__demo/faults', { faults: [{ method: 'POST', pathPrefix: '/crm/v3/objects/tickets', when: 'before', status: 503 }] })).body.queued).toBe(1);
      // Other requests are not affected.
      expect((await client.get('/crm/v3/objects/tickets?limit=1')).status).toBe(200);
      expect((await client.post('/crm/v3/objects/tickets', ticket)).status).toBe(503);
      expect(await count()).toBe(0);
      await client.post('/__demo/faults', { faults: [{ method: 'POST', pathPrefix: '/crm/v3/objects/tickets', when: 'after', status: 504 }] });
      const after = await client.post<{ correlationId: string }>('/crm/v3/objects/tickets', ticket);
      expect(after.status).toBe(504);
      expect(after.body.correlationId).toEqual(expect.any(String));
      expect(await count()).toBe(1);
      await client.post('/__demo/faults', { faults: [{ method: 'POST', pathPrefix: '/crm/v3/objects/tickets', when: 'after', delayMs: 400 }] });
      const timedOut = fetch(`${crm.url}/crm/v3/objects/tickets`, {
        method: 'POST',
        headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
        body: JSON.stringify(ticket),
        signal: AbortSignal.timeout(100),
      });
      await expect(timedOut).rejects.toThrow();
      expect(await count()).toBe(2);
      expect((await client.post('/crm/v3/objects/tickets', ticket)).status).toBe(201);
      expect((await client.post('/__demo/faults', { faults: [{ when: 'later', status: 500 }] })).status).toBe(400);
    } finally {
      await crm.close();
    }
  });
});
