import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CrmHttpError, createHttpClient, parseRetryAfter } from '../../../src-main/core/crm/index';

type Reply = { status: number; headers?: Record<string, string>; body?: string };
const servers: ReturnType<typeof createServer>[] = [];

/** A loopback server answering each request with the next scripted reply; records what it received. */
async function scripted(replies: Reply[]): Promise<{ url: string; seen: { method: string; url: string; headers: IncomingMessage['headers'] }[] }> {
  const seen: { method: string; url: string; headers: IncomingMessage['headers'] }[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    const reply = replies[Math.min(seen.length - 1, replies.length - 1)] ?? { status: 500 };
    response.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
    response.end(reply.body ?? '{"status":"error"}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A fake clock: sleeping advances it, so waits are observed without real time passing. */
function fakeTime(): { now: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  let clock = 1_700_000_000_000;
  const sleeps: number[] = [];
  return {
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    sleeps,
  };
}

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores junk', () => {
    const now = Date.parse('2025-03-01T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 10:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('CRM HTTP client', () => {
  it('waits at least Retry-After (seconds or date) after a 429, then succeeds, counting the retries', async () => {
    const time = fakeTime();
    const started = time.now();
    const date = new Date(started + 4000).toUTCString();
    const crm = await scripted([
      { status: 429, headers: { 'Retry-After': '2' }, body: '{"status":"error","category":"RATE_LIMITS"}' },
      { status: 429, headers: { 'Retry-After': date } },
      { status: 200, body: '{"results":[{"id":"9007199254740993123"}]}' },
    ]);
    const client = createHttpClient({ baseUrl: crm.url, token: 'secret', sleep: time.sleep, now: time.now, random: () => 0 });
    const body = await client.request({ method: 'GET', path: '/crm/v3/objects/contacts?limit=1' });
    // The id stays a string: precision beyond 2^53 is not lost.
    expect(body).toEqual({ results: [{ id: '9007199254740993123' }] });
    expect(client.retries).toBe(2);
    expect(time.sleeps[0]).toBeGreaterThanOrEqual(2000);
    // The second 429 named a date 4 s after the start: nothing was sent before it.
    expect(time.now() - started).toBeGreaterThanOrEqual(4000);
    expect(crm.seen[0]?.headers.authorization).toBe('Bearer secret');
  });

  it('retries 5xx with capped, jittered exponential backoff', async () => {
    const time = fakeTime();
    const crm = await scripted([{ status: 500 }, { status: 502 }, { status: 503 }, { status: 500 }, { status: 500 }, { status: 200, body: '{}' }]);
    const client = createHttpClient({ baseUrl: crm.url, sleep: time.sleep, now: time.now, random: () => 1, retry: { baseDelayMs: 100, maxDelayMs: 500, maxAttempts: 10 } });
    await client.request({ method: 'GET', path: '/x' });
    expect(time.sleeps).toEqual([100, 200, 400, 500, 500]);
    expect(client.retries).toBe(5);
    const jittered = fakeTime();
    const again = await scripted([{ status: 500 }, { status: 200, body: '{}' }]);
    await createHttpClient({ baseUrl: again.url, sleep: jittered.sleep, now: jittered.now, random: () => 0, retry: { baseDelayMs: 100 } }).request({ method: 'GET', path: '/x' });
    expect(jittered.sleeps).toEqual([50]);
  });

  it('never retries other 4xx, and says why', async () => {
    const time = fakeTime();
    const crm = await scripted([{ status: 400, body: '{"status":"error","category":"VALIDATION_ERROR","message":"bad"}' }]);
    const client = createHttpClient({ baseUrl: crm.url, sleep: time.sleep, now: time.now });
    const error = await client.request({ method: 'POST', path: '/x', body: { a: 1 }, idempotencyKey: 'k-1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CrmHttpError);
    expect((error as CrmHttpError).status).toBe(400);
    expect((error as CrmHttpError).retryable).toBe(false);
    expect(crm.seen).toHaveLength(1);
    expect(crm.seen[0]?.headers['idempotency-key']).toBe('k-1');
    expect(client.retries).toBe(0);
    const unauthorised = await scripted([{ status: 401, body: '{"category":"INVALID_AUTHENTICATION"}' }]);
    await expect(createHttpClient({ baseUrl: unauthorised.url, sleep: time.sleep }).request({ method: 'GET', path: '/x' })).rejects.toThrow(/credentials/);
    expect(unauthorised.seen).toHaveLength(1);
  });

  it('stops retrying when the shared retry quota is spent', async () => {
    const time = fakeTime();
    const crm = await scripted([{ status: 503 }]);
    const client = createHttpClient({ baseUrl: crm.url, sleep: time.sleep, now: time.now, retry: { budget: 3, maxAttempts: 100, baseDelayMs: 1 } });
    await expect(client.request({ method: 'GET', path: '/a' })).rejects.toBeInstanceOf(CrmHttpError);
    expect(client.retries).toBe(3);
    // A storm of failures: the next request gets no retries at all.
    await expect(client.request({ method: 'GET', path: '/b' })).rejects.toBeInstanceOf(CrmHttpError);
    expect(client.retries).toBe(3);
    expect(crm.seen).toHaveLength(5);
  });

  it('refills the quota as requests succeed: a client that absorbed more errors than its budget still retries', async () => {
    const time = fakeTime();
    // 3 failures spend the whole quota; 15 successes earn back three retries' worth; then a failure is retried.
    const script = [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, ...Array.from({ length: 15 }, () => ({ status: 200, body: '{}' })), { status: 503 }, { status: 200, body: '{"ok":true}' }];
    const crm = await scripted(script);
    const client = createHttpClient({ baseUrl: crm.url, sleep: time.sleep, now: time.now, retry: { budget: 3, maxAttempts: 100, baseDelayMs: 1 } });
    await expect(client.request({ method: 'GET', path: '/storm' })).rejects.toBeInstanceOf(CrmHttpError);
    expect(client.retryQuota).toBe(0);
    for (let i = 0; i < 15; i += 1) await client.request({ method: 'GET', path: `/ok-${i}` });
    expect(client.retryQuota).toBe(3);
    await expect(client.request({ method: 'GET', path: '/after' })).resolves.toEqual({ ok: true });
    // Over its life the client absorbed more transient errors (4) than its budget (3), and still retries.
    expect(client.retries).toBe(4);
  });

  it('never retries the daily limit, and names it', async () => {
    const time = fakeTime();
    const crm = await scripted([{ status: 429, body: '{"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT","correlationId":"c0ffee00-0000-4000-8000-000000000000","policyName":"DAILY","groupName":"api-calls-daily"}' }]);
    const client = createHttpClient({ baseUrl: crm.url, sleep: time.sleep, now: time.now });
    const error = await client.request({ method: 'GET', path: '/x' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429, policy: 'DAILY', retryable: false });
    expect((error as Error).message).toMatch(/daily API allowance/);
    expect(crm.seen).toHaveLength(1);
  });

  it('paces to its share of the window the CRM announces', async () => {
    const time = fakeTime();
    const crm = await scripted([{ status: 200, body: '{}', headers: { 'X-HubSpot-RateLimit-Max': '100', 'X-HubSpot-RateLimit-Remaining': '90', 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' } }]);
    const client = createHttpClient({ baseUrl: crm.url, sleep: time.sleep, now: time.now, pacing: { share: 0.05 } });
    const started = time.now();
    // The first answer announces the window; then 5% of 100 per 10 s is 5 a window: the 12th waits for a third window.
    for (let i = 0; i < 12; i += 1) await client.request({ method: 'GET', path: `/p${i}` });
    expect(time.now() - started).toBeGreaterThanOrEqual(20_000);
    expect(crm.seen).toHaveLength(12);
  });

  it('retries network errors and reports an unreachable CRM as status 0', async () => {
    const time = fakeTime();
    const client = createHttpClient({ baseUrl: 'http://127.0.0.1:9', sleep: time.sleep, now: time.now, retry: { maxAttempts: 3, baseDelayMs: 1 } });
    const error = await client.request({ method: 'GET', path: '/x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CrmHttpError);
    expect((error as CrmHttpError).status).toBe(0);
    expect(client.retries).toBe(2);
  });

  it('holds every request of the client until Retry-After has passed', async () => {
    const time = fakeTime();
    const crm = await scripted([{ status: 429, headers: { 'Retry-After': '5' } }, { status: 200, body: '{}' }]);
    const client = createHttpClient({ baseUrl: crm.url, sleep: time.sleep, now: time.now, random: () => 0 });
    const started = time.now();
    await client.request({ method: 'GET', path: '/a' });
    await client.request({ method: 'GET', path: '/b' });
    expect(time.now() - started).toBeGreaterThanOrEqual(5000);
    expect(crm.seen.map((entry) => entry.url)).toEqual(['/a', '/a', '/b']);
  });
});
