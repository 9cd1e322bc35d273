import { mulberry32 } from '../../language/intent/augment';

export interface FaultOptions {
  failRate?: number;
  rateLimitPerSecond?: number;
  latencyMs?: number;
  seed?: number;
}

export type FaultDecision = { kind: 'pass' } | { kind: 'fail'; status: number } | { kind: 'limit'; retryAfterSeconds: number };

/** Injected failures for testing the sync engine: random 5xx, a token-bucket rate limit answered with 429, latency. */
export class FaultInjector {
  private readonly random: () => number;
  private tokens: number;
  private last = Date.now();

  constructor(private readonly options: FaultOptions) {
    this.random = mulberry32((options.seed ?? 1) + 99);
    this.tokens = options.rateLimitPerSecond ?? 0;
  }

  decide(): FaultDecision {
    const limit = this.options.rateLimitPerSecond;
    if (limit && limit > 0) {
      const now = Date.now();
      this.tokens = Math.min(limit, this.tokens + ((now - this.last) / 1000) * limit);
      this.last = now;
      if (this.tokens < 1) return { kind: 'limit', retryAfterSeconds: 1 };
      this.tokens -= 1;
    }
    if (this.options.failRate && this.random() < this.options.failRate) {
      return { kind: 'fail', status: [500, 502, 503][Math.floor(this.random() * 3)] ?? 500 };
    }
    return { kind: 'pass' };
  }

  latency(): number {
    return this.options.latencyMs ?? 0;
  }
}
