import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEntryUrl, appSchemePrivileges, createAppProtocolHandler } from '../../../src-main/hosts/electron/app-protocol';
import { rendererLocation } from '../../../src-main/hosts/electron/renderer-location';
import { isTrustedSender } from '../../../src-main/hosts/electron/sender-check';
import { secureWebPreferences } from '../../../src-main/hosts/electron/web-preferences';

/**
 * The renderer is served from app://renderer by a protocol handler in main, so the CSP travels as a
 * response header (a file:// page gets none) and nothing outside out/renderer can be read through it.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let dir: string;
let rendererDir: string;
let handle: (request: { url: string; method?: string }) => Promise<Response>;

function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]!, parts.slice(1)]),
  );
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  rendererDir = join(dir, 'out', 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(dir, 'out', 'secret.txt'), 'outside the renderer');
  mkdirSync(join(dir, 'out', 'renderer-evil'), { recursive: true });
  writeFileSync(join(dir, 'out', 'renderer-evil', 'x.js'), 'sibling folder');
  handle = createAppProtocolHandler(rendererDir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the app:// scheme', () => {
  it('is registered as standard and secure, with no CSP bypass and no service workers', () => {
    expect(appSchemePrivileges.scheme).toBe('app');
    expect(appSchemePrivileges.privileges).toMatchObject({ standard: true, secure: true });
    expect(appSchemePrivileges.privileges).not.toHaveProperty('bypassCSP', true);
    expect(appSchemePrivileges.privileges).not.toHaveProperty('allowServiceWorkers', true);
    expect(appEntryUrl).toBe('app://renderer/index.html');
  });

  it('serves the renderer with the strict CSP as a response header', async () => {
    const page = await handle({ url: appEntryUrl });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>app</title>');
    const policy = directives(page.headers.get('content-security-policy'));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await handle({ url: 'app://renderer/assets/index-abc.js' });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('content-security-policy')).toBeTruthy();
  });

  it('refuses every path that escapes out/renderer, and other hosts', async () => {
    for (const url of [
      'app://renderer/..%2fsecret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/%2E%2E%2Fsecret.txt',
      'app://renderer/..%5csecret.txt',
      'app://renderer/assets/..%2f..%2fsecret.txt',
      'app://renderer/..%2frenderer-evil/x.js',
      'app://renderer/index.html%00.js',
      'app://renderer/%E0%A4%A',
      'app://renderer//etc/passwd',
      'app://renderer/%2fetc%2fpasswd',
      'app://evil/index.html',
      'app://renderer.evil/index.html',
    ]) {
      const answer = await handle({ url });
      expect(answer.status, url).toBeGreaterThanOrEqual(400);
      const text = await answer.text();
      expect(text, url).not.toContain('outside the renderer');
      expect(text, url).not.toContain('sibling folder');
      expect(text, url).not.toContain('root:');
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await handle({ url: appEntryUrl, method: 'POST' })).status).toBe(405);
    expect((await handle({ url: appEntryUrl, method: 'HEAD' })).status).toBe(200);
  });

  it('is where a packaged or built app loads the renderer from, and the only origin the IPC gate trusts', () => {
    const location = rendererLocation({ isPackaged: true, devServerUrl: 'http://localhost:5173', mainDir: '/app/out/main' });
    expect(location.content).toEqual({ url: appEntryUrl });
    expect(location.appUrl).toBe(appEntryUrl);
    expect(rendererLocation({ isPackaged: false, devServerUrl: undefined, mainDir: '/app/out/main' }).content).toEqual({ url: appEntryUrl });
    expect(isTrustedSender({ url: 'app://renderer/index.html', isMainFrame: true }, appEntryUrl)).toBe(true);
    expect(isTrustedSender({ url: 'app://renderer/index.html#/settings', isMainFrame: true }, appEntryUrl)).toBe(true);
    expect(isTrustedSender({ url: 'app://renderer/index.html', isMainFrame: false }, appEntryUrl)).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/index.html', isMainFrame: true }, appEntryUrl)).toBe(false);
    expect(isTrustedSender({ url: 'file:///app/out/renderer/index.html', isMainFrame: true }, appEntryUrl)).toBe(false);
    expect(isTrustedSender({ url: 'http://renderer/index.html', isMainFrame: true }, appEntryUrl)).toBe(false);
  });
});

describe('what the renderer may reach', () => {
  it('has no page-level CSP that lets the desktop app open a WebSocket to any local port', () => {
    const html = readFileSync(join(root, 'src-renderer', 'index.html'), 'utf8');
    expect(html).not.toMatch(/ws:\/\/[^"';\s]*:\*/);
    expect(html).not.toMatch(/wss?:\/\/\*|ws:\s|wss:\s/);
  });

  it('turns spellcheck off: Chromium would download its dictionaries from Google', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs').spellcheck).toBe(false);
  });
});

describe('the rest of Electron’s security checklist that lives in the window options', () => {
  it('enables no experimental web platform or Blink features, and no insecure content', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.cjs');
    expect(preferences).not.toHaveProperty('experimentalFeatures', true);
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences).toMatchObject({ allowRunningInsecureContent: false, webSecurity: true, webviewTag: false, contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('never loads the renderer over file://, packaged or not', () => {
    for (const isPackaged of [true, false]) {
      for (const devServerUrl of [undefined, '', 'https://evil.example/', 'file:///etc/passwd', 'http://10.0.0.1:5173/']) {
        const { content, appUrl } = rendererLocation({ isPackaged, devServerUrl, mainDir: '/app/out/main' });
        expect(JSON.stringify(content), `${isPackaged} ${devServerUrl}`).not.toContain('file:');
        expect('url' in content ? content.url : '').toBe(appEntryUrl);
        expect(appUrl).toBe(appEntryUrl);
      }
    }
  });
});
