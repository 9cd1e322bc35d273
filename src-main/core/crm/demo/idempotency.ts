import type { RouteResult } from './http';

export interface SideEffect {
  idempotencyKey: string;
  method: string;
  path: string;
  body: unknown;
  at: string;
}

/**
 * Side effects keyed by the client's Idempotency-Key: the first request acts and its response is
 * stored; a repeat gets the stored response back without acting again. Failed attempts are not
 * stored, so a retry after a 4xx/5xx acts for real.
 */
export class IdempotencyLedger {
  private readonly responses = new Map<string, RouteResult>();
  private readonly effects: SideEffect[] = [];

  run(key: string | undefined, request: { method: string; path: string; body: unknown }, act: () => RouteResult): RouteResult {
    if (key === undefined) return act();
    const stored = this.responses.get(key);
    if (stored) return { ...stored, headers: { ...stored.headers, 'Idempotent-Replayed': 'true' } };
    const result = act();
    if (result.status < 300) {
      this.responses.set(key, result);
      this.effects.push({ idempotencyKey: key, method: request.method, path: request.path, body: request.body, at: new Date().toISOString() });
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
