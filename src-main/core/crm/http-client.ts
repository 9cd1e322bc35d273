/** Why a CRM call failed, in terms the sync engine and the UI can act on. */
export class CrmHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'CrmHttpError';
  }
}

export interface RetryPolicy {
  /** Retries allowed across the whole run, shared by every request. */
  budget: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per request: attempts before giving up on it. */
  maxAttempts: number;
  timeoutMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { budget: 500, baseDelayMs: 200, maxDelayMs: 10_000, maxAttempts: 8, timeoutMs: 30_000 };

export interface HttpClientOptions {
  baseUrl: string;
  token?: string;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface JsonRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface HttpClient {
  request(request: JsonRequest): Promise<unknown>;
  /** Retries spent so far. */
  readonly retries: number;
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * JSON over fetch with the retry rules a CRM needs: 429 waits for Retry-After, 5xx and network
 * errors back off exponentially with jitter, other 4xx never retry, all within one retry budget.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy = { ...defaultRetryPolicy, ...options.retry };
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  let retries = 0;
  // One gate for every request of this client: after a 429, nothing is sent until Retry-After has passed.
  let blockedUntil = 0;

  async function attempt(request: JsonRequest): Promise<{ ok: true; value: unknown } | { ok: false; error: CrmHttpError; waitMs?: number }> {
    while (now() < blockedUntil) await sleep(blockedUntil - now());
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetch(new URL(request.path, options.baseUrl), {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        signal,
      });
    } catch (error) {
      if (request.signal?.aborted) throw error;
      return { ok: false, error: new CrmHttpError(0, `The CRM could not be reached (${error instanceof Error ? error.message : String(error)}).`, true) };
    }
    const text = await response.text();
    if (response.ok) {
      try {
        return { ok: true, value: text ? (JSON.parse(text) as unknown) : null };
      } catch {
        return { ok: false, error: new CrmHttpError(response.status, 'The CRM answered with something that is not JSON.', false) };
      }
    }
    if (response.status === 429) {
      const waitMs = parseRetryAfter(response.headers.get('retry-after'), now());
      if (waitMs !== undefined) blockedUntil = Math.max(blockedUntil, now() + waitMs);
      return { ok: false, error: new CrmHttpError(429, 'The CRM is rate limiting us.', true), ...(waitMs !== undefined ? { waitMs } : {}) };
    }
    const message =
      response.status === 401 || response.status === 403
        ? 'The CRM refused our credentials: check the token in Settings.'
        : `The CRM answered ${response.status}: ${text.slice(0, 200)}`;
    return { ok: false, error: new CrmHttpError(response.status, message, response.status >= 500) };
  }

  return {
    get retries() {
      return retries;
    },
    async request(request) {
      for (let attemptNumber = 1; ; attemptNumber += 1) {
        const result = await attempt(request);
        if (result.ok) return result.value;
        if (!result.error.retryable || attemptNumber >= policy.maxAttempts || retries >= policy.budget) throw result.error;
        retries += 1;
        const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptNumber - 1));
        // Full jitter, but never sooner than the server asked.
        const wait = Math.max(result.waitMs ?? 0, backoff * (0.5 + random() / 2));
        await sleep(wait);
      }
    },
  };
}
