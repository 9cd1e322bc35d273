/**
 * HubSpot's rate limits for a private app, as its usage guidelines describe them: a rolling
 * ten-second window (policy TEN_SECONDLY_ROLLING, e.g. 190 requests for Professional and
 * Enterprise), a daily quota (DAILY, not worth retrying until the next day), and the search
 * endpoints' own per-second limit (SECONDLY, 5 a second), whose answers carry no rate-limit
 * headers. Every other answer carries X-HubSpot-RateLimit-* headers with what is left.
 */
export interface PortalLimitOptions {
  /** Requests allowed in any 10 seconds (HubSpot's X-HubSpot-RateLimit-Max); default 190. */
  tenSecondly?: number;
  /** Search requests allowed a second; default 5. */
  searchPerSecond?: number;
  /** Requests allowed a day; default 1,000,000. */
  daily?: number;
  /** Answer 429 past the limits (otherwise they are only reported in the headers). */
  enforce?: boolean;
  /** Send the X-HubSpot-RateLimit-* headers (default true; off for the throughput benchmark). */
  headers?: boolean;
}

export type PortalPolicy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';
export type LimitDecision = { kind: 'pass'; headers: Record<string, string> } | { kind: 'limit'; policy: PortalPolicy; retryAfterSeconds?: number; headers: Record<string, string> };

const windowMs = 10_000;
const day = 86_400_000;

/** Timestamps of the requests in a sliding window (at most `max` kept). */
class Window {
  private readonly times: number[] = [];
  constructor(
    private readonly span: number,
    private readonly max: number,
  ) {}
  private trim(now: number): void {
    while (this.times.length > 0 && (this.times[0] ?? 0) <= now - this.span) this.times.shift();
  }
  used(now: number): number {
    this.trim(now);
    return this.times.length;
  }
  full(now: number): boolean {
    return this.used(now) >= this.max;
  }
  add(now: number): void {
    this.times.push(now);
    if (this.times.length > this.max) this.times.shift();
  }
  /** Whole seconds until the oldest request leaves the window. */
  retryAfter(now: number): number {
    return Math.max(1, Math.ceil(((this.times[0] ?? now) + this.span - now) / 1000));
  }
}

export class PortalLimits {
  readonly tenSecondly: number;
  readonly searchPerSecond: number;
  readonly daily: number;
  private readonly enforce: boolean;
  private readonly headers: boolean;
  private readonly general: Window;
  private readonly search: Window;
  private dayStart = 0;
  private usedToday = 0;

  constructor(
    options: PortalLimitOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.tenSecondly = Math.max(1, Math.floor(options.tenSecondly ?? 190));
    this.searchPerSecond = Math.max(1, Math.floor(options.searchPerSecond ?? 5));
    this.daily = Math.max(1, Math.floor(options.daily ?? 1_000_000));
    this.enforce = options.enforce === true;
    this.headers = options.headers !== false;
    this.general = new Window(windowMs, this.tenSecondly);
    this.search = new Window(1000, this.searchPerSecond);
  }

  decide(isSearch: boolean): LimitDecision {
    const now = this.now();
    const today = Math.floor(now / day) * day;
    if (today !== this.dayStart) {
      this.dayStart = today;
      this.usedToday = 0;
    }
    if (this.enforce) {
      if (this.usedToday >= this.daily) return { kind: 'limit', policy: 'DAILY', headers: this.headerValues(now, isSearch) };
      if (isSearch && this.search.full(now)) return { kind: 'limit', policy: 'SECONDLY', retryAfterSeconds: this.search.retryAfter(now), headers: {} };
      if (!isSearch && this.general.full(now)) return { kind: 'limit', policy: 'TEN_SECONDLY_ROLLING', retryAfterSeconds: this.general.retryAfter(now), headers: this.headerValues(now, isSearch) };
    }
    this.usedToday += 1;
    if (isSearch) this.search.add(now);
    else this.general.add(now);
    return { kind: 'pass', headers: this.headerValues(now, isSearch) };
  }

  private headerValues(now: number, isSearch: boolean): Record<string, string> {
    if (!this.headers || isSearch) return {};
    const remaining = Math.max(0, this.tenSecondly - this.general.used(now));
    return {
      'X-HubSpot-RateLimit-Daily': String(this.daily),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, this.daily - this.usedToday)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(windowMs),
      'X-HubSpot-RateLimit-Max': String(this.tenSecondly),
      'X-HubSpot-RateLimit-Remaining': String(remaining),
      'X-HubSpot-RateLimit-Secondly': String(Math.max(1, Math.floor(this.tenSecondly / 10))),
      'X-HubSpot-RateLimit-Secondly-Remaining': String(Math.max(0, Math.min(Math.floor(this.tenSecondly / 10), remaining))),
    };
  }
}

const messages: Record<PortalPolicy, string> = {
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  SECONDLY: 'You have reached your secondly limit.',
  DAILY: 'You have reached your daily limit.',
};

/** HubSpot's 429 body: errorType RATE_LIMIT and the policy that was hit. */
export function rateLimitBody(policy: PortalPolicy, correlationId: string, requestId: string): Record<string, unknown> {
  return { status: 'error', message: messages[policy], errorType: 'RATE_LIMIT', correlationId, policyName: policy, requestId, category: 'RATE_LIMITS' };
}
