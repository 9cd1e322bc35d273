import { describe, expect, it } from 'vitest';
import { startDemoCrm } from '../../../../src-main/core/crm/demo/index';
import { FaultInjector } from '../../../../src-main/core/crm/demo/faults';
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
        expect(answer.body).toMatchObject({ status: 'error', category: 'RATE_LIMITS' });
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
});
