import { timingSafeEqual } from 'node:crypto';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The browser must be on this machine and on the page this host served: anything else is refused. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname) && url.port === String(port);
}

/**
 * The Host header must name this host's own loopback address and port. A page on another name that
 * resolves to 127.0.0.1 (DNS rebinding) sends its own name here, and is refused before anything is served.
 */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  let url: URL;
  try {
    url = new URL(`http://${hostHeader}`);
  } catch {
    return false;
  }
  return loopbackHosts.has(url.hostname) && url.port === String(port) && url.host === hostHeader.toLowerCase();
}

/** The token is read only from a query that carries it exactly once: `?token=a&token=b` is refused. */
export function singleParam(params: URLSearchParams, name: string): string | null {
  const values = params.getAll(name);
  return values.length === 1 ? (values[0] ?? null) : null;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
