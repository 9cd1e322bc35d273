import { mulberry32 } from '../../random/mulberry32';

export interface FaultOptions {
  /** Fraction of API requests answered 500, 502 or 503 (0 to 1). */
  failRate?: number;
  /** Token bucket refilled at this many requests per second; over it, 429 with Retry-After. */
  rateLimitPerSecond?: number;
  /** Added before every answer. */
  latencyMs?: number;
  seed?: number;
}

export type FaultDecision = { kind: 'pass' } | { kind: 'fail'; status: number } | { kind: 'limit'; retryAfterSeconds: number };

const failureStatuses = [500, 502, 503] as const;

/** Injected failures for testing the sync engine: random 5xx, a token-bucket rate limit answered with 429, latency. */
export class FaultInjector {
  private readonly random: () => number;
  private readonly limit: number;
  private readonly failRate: number;
  private tokens: number;
  private last: number;

  constructor(
    options: FaultOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.random = mulberry32((options.seed ?? 1) ^ 0x5eed);
    this.limit = options.rateLimitPerSecond && options.rateLimitPerSecond > 0 ? options.rateLimitPerSecond : 0;
    this.failRate = Math.min(1, Math.max(0, options.failRate ?? 0));
    this.latencyMs = Math.max(0, Number.isFinite(options.latencyMs) ? (options.latencyMs ?? 0) : 0);
    // A full bucket allows a burst of one second's worth.
    this.tokens = Math.max(1, this.limit);
    this.last = now();
  }

  readonly latencyMs: number;

  decide(): FaultDecision {
    if (this.limit > 0) {
      const now = this.now();
      this.tokens = Math.min(Math.max(1, this.limit), this.tokens + ((now - this.last) / 1000) * this.limit);
      this.last = now;
      if (this.tokens < 1) {
        // Whole seconds until a token is back, as HubSpot's Retry-After is in seconds.
        return { kind: 'limit', retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.limit)) };
      }
      this.tokens -= 1;
    }
    if (this.failRate > 0 && this.random() < this.failRate) {
      return { kind: 'fail', status: failureStatuses[Math.floor(this.random() * failureStatuses.length)] ?? 500 };
    }
    return { kind: 'pass' };
  }
}
