import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { contentTypeOf } from '../../core/net/content-types';
import { pathInside } from '../../core/net/path-inside';

export function serveStatic(root: string, urlPath: string, response: ServerResponse, headers: Record<string, string>): void {
  const target = pathInside(root, urlPath.split('?')[0] ?? '/');
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
