import type { RouteResult } from './http';

export interface SideEffect {
  /** The request's Idempotency-Key header, or null: HubSpot has no such header, so it is only recorded. */
  idempotencyKey: string | null;
  method: string;
  path: string;
  body: unknown;
  at: string;
}

/**
 * Every write that acted, in order (`/__demo/side-effects`), so tests can count what reached
 * the "CRM". HubSpot ignores `Idempotency-Key`, and by default so does the demo: a repeat acts
 * again. With `honourKeys` (the old behaviour, for tests that still need it) the first request
 * with a key acts and a repeat gets the stored answer back (`Idempotent-Replayed: true`).
 */
export class IdempotencyLedger {
  private readonly responses = new Map<string, RouteResult>();
  private readonly effects: SideEffect[] = [];

  constructor(private readonly honourKeys = false) {}

  run(key: string | undefined, request: { method: string; path: string; body: unknown }, act: () => RouteResult): RouteResult {
    if (this.honourKeys && key !== undefined) {
      const stored = this.responses.get(key);
      if (stored) return { ...stored, headers: { ...stored.headers, 'Idempotent-Replayed': 'true' } };
    }
    const result = act();
    if (result.status < 300) {
      if (this.honourKeys && key !== undefined) this.responses.set(key, result);
      this.effects.push({ idempotencyKey: key ?? null, method: request.method, path: request.path, body: request.body, at: new Date().toISOString() });
    }
    return result;
  }

  sideEffects(): readonly SideEffect[] {
    return this.effects;
  }
}

/** The Idempotency-Key header, if usable. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}
