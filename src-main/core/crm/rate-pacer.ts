/**
 * Keeps one desktop inside its share of the portal's rate limits. A HubSpot portal's limits are shared
 * by every app and every desktop on it, so each desktop takes only `share` of them:
 * - the rolling window announced by `X-HubSpot-RateLimit-Max` / `-Interval-Milliseconds` (190 requests
 *   per 10 s on Professional and Enterprise private apps), and backs off when `-Remaining` says the
 *   portal as a whole is nearly out;
 * - the search endpoints' own limit (HubSpot documents a few requests per second per account), which
 *   they announce in no header, so it is configured.
 */
export interface RatePacerOptions {
  /** Fraction of the portal's limits this desktop may use (0–1]. */
  share?: number;
  /** Until the CRM announces its window: requests per window assumed for the whole portal. */
  defaultMax?: number;
  defaultIntervalMs?: number;
  /** The search endpoints' per-second limit for the whole portal. */
  searchPerSecond?: number;
  /** Off: no pacing at all (the throughput benchmark against a loopback demo). */
  enabled?: boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RatePacer {
  /** Waits until one more request fits this desktop's share. */
  acquire(search: boolean): Promise<void>;
  /** Reads the rate-limit headers of an answer. */
  observe(headers: Headers): void;
  intervalMs(): number;
}

export const defaultPacing = { share: 1, defaultMax: 190, defaultIntervalMs: 10_000, searchPerSecond: 4 } as const;

class Window {
  private readonly sent: number[] = [];
  constructor(
    public max: number,
    public intervalMs: number,
  ) {}
  /** Milliseconds to wait before one more fits; 0 when it fits now (and then it is counted). */
  take(now: number): number {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.intervalMs) this.sent.shift();
    if (this.sent.length < Math.max(1, Math.floor(this.max))) {
      this.sent.push(now);
      return 0;
    }
    return Math.max(1, (this.sent[0] ?? now) + this.intervalMs - now);
  }
}

export function createRatePacer(options: RatePacerOptions = {}): RatePacer {
  const enabled = options.enabled ?? true;
  const share = Math.min(1, Math.max(0.01, options.share ?? defaultPacing.share));
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const general = new Window((options.defaultMax ?? defaultPacing.defaultMax) * share, options.defaultIntervalMs ?? defaultPacing.defaultIntervalMs);
  const search = new Window((options.searchPerSecond ?? defaultPacing.searchPerSecond) * share, 1000);
  /** The portal's own count says it is nearly out: hold until its window turns over. */
  let holdUntil = 0;
  let announced = false;

  return {
    async acquire(isSearch) {
      if (!enabled) return;
      for (;;) {
        const hold = holdUntil - now();
        if (hold > 0) {
          await sleep(hold);
          continue;
        }
        const wait = isSearch ? search.take(now()) : 0;
        if (wait > 0) {
          await sleep(wait);
          continue;
        }
        // Until the CRM has announced its window, 429s and Retry-After are the only guide.
        const generalWait = announced ? general.take(now()) : 0;
        if (generalWait === 0) return;
        await sleep(generalWait);
      }
    },
    observe(headers) {
      if (!enabled) return;
      const max = Number(headers.get('x-hubspot-ratelimit-max'));
      const interval = Number(headers.get('x-hubspot-ratelimit-interval-milliseconds'));
      const remaining = headers.get('x-hubspot-ratelimit-remaining');
      if (Number.isFinite(max) && max > 0) {
        general.max = max * share;
        announced = true;
      }
      if (Number.isFinite(interval) && interval > 0) general.intervalMs = interval;
      // Other desktops share the window: leave them what is left once ours is spent.
      if (remaining !== null && Number.isFinite(Number(remaining)) && Number(remaining) <= Math.max(1, (max || general.max / share) * 0.05)) {
        holdUntil = Math.max(holdUntil, now() + general.intervalMs / 2);
      }
    },
    intervalMs: () => Math.min(general.intervalMs, 10_000),
  };
}
