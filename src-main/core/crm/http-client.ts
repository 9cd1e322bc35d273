import { createRatePacer, type RatePacer, type RatePacerOptions } from './rate-pacer';

/** Which of HubSpot's rate limits a 429 names (`policyName` in its body). */
export type RateLimitPolicy = 'DAILY' | 'SECONDLY' | 'TEN_SECONDLY_ROLLING' | 'UNKNOWN';

/** Why a CRM call failed, in terms the sync engine and the UI can act on. */
export class CrmHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryable: boolean,
    /** For a 429: the limit that was hit. */
    readonly policy?: RateLimitPolicy,
    /** True when the request may have reached the CRM and acted (a timeout, a dropped connection, a 5xx). */
    readonly ambiguous = false,
  ) {
    super(message);
    this.name = 'CrmHttpError';
  }
}

export interface RetryPolicy {
  /**
   * The retry quota, in retries: a retry spends one, a timeout or dropped connection two, and every
   * success gives a little back (like the AWS SDK's standard retry quota), so a storm of failures stops
   * retrying while a long sync or a long-running app never runs dry for good.
   */
  budget: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per request: attempts before giving up on it. */
  maxAttempts: number;
  timeoutMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { budget: 100, baseDelayMs: 200, maxDelayMs: 10_000, maxAttempts: 12, timeoutMs: 30_000 };

/** Quota units, as the AWS SDK counts them: a retry costs 5, a timeout 10, a success refunds 1 (or what its retry cost). */
const retryCost = 5;
const timeoutCost = 10;
const successRefund = 1;

export interface HttpClientOptions {
  baseUrl: string;
  token?: string;
  retry?: Partial<RetryPolicy>;
  pacing?: RatePacerOptions;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** The transport; the global fetch unless a benchmark replays recorded answers. */
  fetch?: typeof fetch;
}

export interface JsonRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as Idempotency-Key for servers that honour it; HubSpot ignores it, so nothing relies on it. */
  idempotencyKey?: string;
  /**
   * False for a write that must not be sent twice: only failures that prove the CRM never acted (a 429,
   * a refused connection) are retried here; the others are left to the caller, which checks first.
   */
  retryAmbiguous?: boolean;
  /** The search endpoints have their own per-second limit and send no rate-limit headers. */
  search?: boolean;
}

export interface HttpClient {
  request(request: JsonRequest): Promise<unknown>;
  /**
   * The same request with the same retries, answered with the body's bytes undecoded: a sync page is
   * parsed where it is written (the writer's thread), not on the main loop. Empty for an empty body.
   */
  requestBytes(request: JsonRequest): Promise<Uint8Array>;
  /** Retries spent so far. */
  readonly retries: number;
  /** What is left of the retry quota, in retries. */
  readonly retryQuota: number;
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function policyOf(text: string): RateLimitPolicy {
  try {
    const body = JSON.parse(text) as { policyName?: unknown };
    if (body.policyName === 'DAILY' || body.policyName === 'SECONDLY' || body.policyName === 'TEN_SECONDLY_ROLLING') return body.policyName;
  } catch {
    // not JSON: an unknown limit
  }
  return 'UNKNOWN';
}

/** A connection that was refused never reached the server; anything else may have. */
function refused(error: unknown): boolean {
  const cause = error instanceof Error ? (error as Error & { cause?: { code?: string } }).cause : undefined;
  return cause?.code === 'ECONNREFUSED' || cause?.code === 'ENOTFOUND';
}

/**
 * JSON over fetch with the retry rules a CRM needs: 429 waits for Retry-After, 5xx and network
 * errors back off exponentially with jitter, other 4xx never retry, the daily limit never retries,
 * all within one refilling retry quota; requests are paced by the CRM's rate-limit headers.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy = { ...defaultRetryPolicy, ...options.retry };
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const send = options.fetch ?? fetch;
  const pacer: RatePacer = createRatePacer({ ...options.pacing, now, sleep });
  const capacity = policy.budget * retryCost;
  let quota = capacity;
  let retries = 0;
  // One gate for every request of this client: after a 429, nothing is sent until Retry-After has passed.
  let blockedUntil = 0;

  type Outcome<T> = { ok: true; value: T } | { ok: false; error: CrmHttpError; waitMs?: number; cost: number };
  type Read<T> = (response: Response) => Promise<Outcome<T>>;

  const readJson: Read<unknown> = async (response) => {
    const text = await response.text();
    try {
      return { ok: true, value: text ? (JSON.parse(text) as unknown) : null };
    } catch {
      return { ok: false, error: new CrmHttpError(response.status, 'The CRM answered with something that is not JSON.', false), cost: 0 };
    }
  };
  const readBytes: Read<Uint8Array> = async (response) => ({ ok: true, value: new Uint8Array(await response.arrayBuffer()) });

  async function attempt<T>(request: JsonRequest, read: Read<T>): Promise<Outcome<T>> {
    while (now() < blockedUntil) await sleep(blockedUntil - now());
    await pacer.acquire(request.search === true);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await send(new URL(request.path, options.baseUrl), {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        signal,
      });
    } catch (error) {
      if (request.signal?.aborted) throw error;
      const neverSent = refused(error);
      return {
        ok: false,
        error: new CrmHttpError(0, `The CRM could not be reached (${error instanceof Error ? error.message : String(error)}).`, true, undefined, !neverSent),
        cost: neverSent ? retryCost : timeoutCost,
      };
    }
    pacer.observe(response.headers);
    const cutOff = (error: unknown): Outcome<never> => ({
      ok: false,
      error: new CrmHttpError(0, `The CRM's answer was cut off (${error instanceof Error ? error.message : String(error)}).`, true, undefined, true),
      cost: timeoutCost,
    });
    if (response.ok) {
      try {
        return await read(response);
      } catch (error) {
        return cutOff(error);
      }
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return cutOff(error);
    }
    if (response.status === 429) {
      const limit = policyOf(text);
      if (limit === 'DAILY') {
        return {
          ok: false,
          error: new CrmHttpError(429, "The team's HubSpot account has used its whole daily API allowance; it renews at midnight in the account's time zone.", false, 'DAILY'),
          cost: 0,
        };
      }
      const waitMs = parseRetryAfter(response.headers.get('retry-after'), now()) ?? pacer.intervalMs();
      blockedUntil = Math.max(blockedUntil, now() + waitMs);
      // A 429 says the CRM did nothing: cheap to retry, but it still counts against a storm.
      return { ok: false, error: new CrmHttpError(429, 'The CRM is rate limiting us.', true, limit), waitMs, cost: 1 };
    }
    const message =
      response.status === 401 || response.status === 403
        ? 'The CRM refused our credentials: check the token in Settings.'
        : `The CRM answered ${response.status}: ${text.slice(0, 300)}`;
    return { ok: false, error: new CrmHttpError(response.status, message, response.status >= 500, undefined, response.status >= 500), cost: retryCost };
  }

  async function perform<T>(request: JsonRequest, read: Read<T>): Promise<T> {
    let spent = 0;
    // A 429 is the CRM pacing us, not failing: it waits as told and does not use up the request's attempts.
    for (let attemptNumber = 1, limited = 0; ; ) {
      const result = await attempt(request, read);
      if (result.ok) {
        quota = Math.min(capacity, quota + (spent > 0 ? spent : successRefund));
        return result.value;
      }
      const { error } = result;
      const mayRetryHere = error.retryable && (request.retryAmbiguous !== false || !error.ambiguous);
      const throttled = error.status === 429;
      if (!mayRetryHere || (throttled ? limited >= policy.maxAttempts * 4 : attemptNumber >= policy.maxAttempts) || quota < result.cost) throw error;
      quota -= result.cost;
      spent = result.cost;
      retries += 1;
      if (throttled) limited += 1;
      else attemptNumber += 1;
      const backoff = throttled ? 0 : Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptNumber - 2));
      // Full jitter, but never sooner than the server asked.
      const wait = Math.max(result.waitMs ?? 0, backoff * (0.5 + random() / 2));
      await sleep(wait);
    }
  }

  return {
    get retries() {
      return retries;
    },
    get retryQuota() {
      return Math.floor(quota / retryCost);
    },
    request: (request) => perform(request, readJson),
    requestBytes: (request) => perform(request, readBytes),
  };
}
