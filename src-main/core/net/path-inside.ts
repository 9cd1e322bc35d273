import { resolve, sep } from 'node:path';

/**
 * The file inside `root` a URL path names, or undefined for anything that could leave it: encoded dots
 * or slashes, backslashes, NUL, a malformed escape. Both hosts serve the built renderer through it; the
 * Electron protocol checks the result again after symlinks are resolved.
 */
export function pathInside(root: string, rawPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  // NUL, backslashes and empty segments (`//etc`) have no business in a path of the built renderer.
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes('//')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return undefined;
  // An encoded slash inside one segment (`..%2f`) shows up here as more segments than the URL had.
  if (rawPath.split('/').filter((segment) => segment !== '').length !== segments.length) return undefined;
  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, ...(segments.length === 0 ? ['index.html'] : segments));
  return target.startsWith(absoluteRoot + sep) ? target : undefined;
}
