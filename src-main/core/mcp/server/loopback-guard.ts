import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function hostnameOf(value: string): string | undefined {
  try {
    return new URL(value).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * A browser page on any site can post to 127.0.0.1; the Origin header is how we tell. Requests
 * without one come from native clients (Claude Desktop, the SDK) and are judged by the token alone.
 */
export function isLoopbackOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  const hostname = hostnameOf(origin);
  return hostname !== undefined && loopbackHosts.has(hostname);
}

/** DNS rebinding: a page at evil.example resolving to 127.0.0.1 still sends its own Host. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const hostname = hostnameOf(`http://${host}`);
  return hostname !== undefined && loopbackHosts.has(hostname);
}

/** Compares digests so neither the length nor the content of the token leaks through timing. */
export function bearerMatches(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

export function checkRequest(request: IncomingMessage, token: string): GuardVerdict {
  const origin = request.headers.origin;
  if (!isLoopbackOrigin(typeof origin === 'string' ? origin : undefined)) return { ok: false, status: 403, message: 'Origin not allowed' };
  if (!isLoopbackHost(request.headers.host)) return { ok: false, status: 403, message: 'Host not allowed' };
  if (!bearerMatches(request.headers.authorization, token)) return { ok: false, status: 401, message: 'Missing or wrong bearer token' };
  return { ok: true };
}
