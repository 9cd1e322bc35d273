import { resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathInside } from '../../../src-main/core/net/path-inside';

const root = resolve('/srv/renderer');

describe('pathInside: the one path check both hosts serve the renderer through', () => {
  it('names files inside the root, and index.html for the root itself', () => {
    expect(pathInside(root, '/')).toBe(`${root}${sep}index.html`);
    expect(pathInside(root, '/assets/app.js')).toBe(`${root}${sep}assets${sep}app.js`);
    expect(pathInside(root, '/assets/a%20b.css')).toBe(`${root}${sep}assets${sep}a b.css`);
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2E%2E%2Fetc%2Fpasswd',
    '/assets/..%2f..%2fetc/passwd',
    '/..%5c..%5cwindows',
    '/assets\\..\\..\\secret',
    '//etc/passwd',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/./index.html',
  ])('refuses %s', (path) => {
    expect(pathInside(root, path)).toBeUndefined();
  });
});
