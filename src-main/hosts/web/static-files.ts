import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentTypeOf } from '../../core/net/content-types';

/** Resolves a URL path inside `root`, refusing anything that escapes it. */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split(/[/\\]/).includes('..')) return undefined;
  const relative = decoded === '/' ? 'index.html' : normalize(decoded).replace(/^([/\\])+/, '');
  const absoluteRoot = resolve(root);
  const target = resolve(join(absoluteRoot, relative));
  if (target !== absoluteRoot && !target.startsWith(absoluteRoot + sep)) return undefined;
  return target;
}

export function serveStatic(root: string, urlPath: string, response: ServerResponse, headers: Record<string, string>): void {
  const target = resolveStaticPath(root, urlPath);
  let file = target;
  try {
    if (!file || !statSync(file).isFile()) file = undefined;
  } catch {
    file = undefined;
  }
  if (!file && target) {
    // Unknown paths without an extension are app routes: serve the shell.
    const fallback = extname(target) === '' ? join(root, 'index.html') : undefined;
    try {
      if (fallback && statSync(fallback).isFile()) file = fallback;
    } catch {
      file = undefined;
    }
  }
  if (!file) {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  response.writeHead(200, {
    ...headers,
    'Content-Type': contentTypeOf(file),
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(response);
}
