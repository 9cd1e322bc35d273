import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { desktopContentSecurityPolicy } from './content-security-policy';
import { contentTypeOf } from '../../core/net/content-types';
import { pathInside } from '../../core/net/path-inside';

/** The renderer's own scheme: a secure, standard origin (app://renderer) instead of file://, which gets no header CSP. */
export const appScheme = 'app';
export const appHost = 'renderer';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged, before the app is ready. Standard and secure so the page is a
 * normal secure origin (fetch, storage, `'self'` in the CSP); no bypassCSP, no service workers, no streaming.
 */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
} as const;

const securityHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': desktopContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
});

const refuse = (status: number, text: string): Response => new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * The handler for protocol.handle('app', …): serves out/renderer only, for GET and HEAD only, with the
 * CSP and the other security headers on every answer. A path without an extension is an app route and
 * gets index.html.
 */
export function createAppProtocolHandler(rendererDir: string): (request: { url: string; method?: string }) => Promise<Response> {
  const root = resolve(rendererDir);
  let realRoot: Promise<string> | undefined;
  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return refuse(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400, 'Bad request');
    }
    if (url.protocol !== `${appScheme}:` || url.host !== appHost || url.username || url.password) return refuse(404, 'Not found');
    const target = pathInside(root, url.pathname);
    if (!target) return refuse(403, 'Forbidden');
    const candidates = extname(target) === '' ? [target, resolve(root, 'index.html')] : [target];
    realRoot ??= realpath(root);
    for (const candidate of candidates) {
      try {
        const real = await realpath(candidate);
        if (!real.startsWith((await realRoot) + sep)) return refuse(403, 'Forbidden');
        const body = await readFile(real);
        const headers = { ...securityHeaders(), 'Content-Type': contentTypeOf(real) };
        return new Response(method === 'HEAD' ? null : body, { status: 200, headers });
      } catch {
        // Missing (or a folder): try the next candidate.
      }
    }
    return refuse(404, 'Not found');
  };
}
