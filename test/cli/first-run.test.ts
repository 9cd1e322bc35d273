import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src-main/core/paths/repo-root';
import { browserCommand, findAppAddress } from '../../scripts/open-browser.mjs';

const root = repoRoot();
const url = 'http://127.0.0.1:41234/#token=abc&x=1';

describe('npm install: quiet and honest', () => {
  it('npm prints errors but not the per-package engine warnings (the project brings its own Node 22)', () => {
    const settings = readFileSync(join(root, '.npmrc'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.trim().startsWith('#'));
    expect(settings).toContain('loglevel=error');
  });

  it('every dependency with an install script is reviewed in allowScripts at its locked version', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; hasInstallScript?: boolean; optional?: boolean }> };
    const allow = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
    const withScripts = Object.entries(lock.packages)
      // better-sqlite3 builds from its binding.gyp (an implicit `node-gyp rebuild`), which the lock does not flag.
      .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.optional && (entry.hasInstallScript || path === 'node_modules/better-sqlite3'))
      .map(([path, entry]) => `${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version ?? ''}`);
    expect(withScripts.length).toBeGreaterThan(0);
    for (const spec of withScripts) expect(allow[spec], spec).toBe(true);
  });
});

describe('npm start: opens the browser where there is one', () => {
  it('finds the address in the web host output', () => {
    expect(findAppAddress(`Open this address:\n\n  ${url}\n\nData folder: /x`)).toBe(url);
    expect(findAppAddress('vite v8 building…')).toBeUndefined();
  });

  it('uses open on macOS, start on Windows and xdg-open on a Linux desktop', () => {
    expect(browserCommand(url, 'darwin', {})).toEqual({ command: 'open', args: [url] });
    const windows = browserCommand(url, 'win32', {});
    expect(windows.command).toBe('cmd');
    expect(windows.args?.at(-1)).toBe('start "" "http://127.0.0.1:41234/#token=abc^&x=1"');
    expect(browserCommand(url, 'linux', { DISPLAY: ':0' }, (command) => command === 'xdg-open')).toEqual({ command: 'xdg-open', args: [url] });
  });

  it('opens nothing, and says why, without a display, without xdg-open, or when switched off', () => {
    expect(browserCommand(url, 'linux', {}, () => true).reason).toMatch(/no display/);
    expect(browserCommand(url, 'linux', { WAYLAND_DISPLAY: 'wayland-0' }, () => false).reason).toMatch(/xdg-open/);
    expect(browserCommand(url, 'darwin', { BROWSER: 'none' }).reason).toMatch(/switched off/);
    expect(browserCommand(url, 'linux', { DISPLAY: ':0', CI: 'true' }, () => true).reason).toMatch(/switched off/);
  });
});
