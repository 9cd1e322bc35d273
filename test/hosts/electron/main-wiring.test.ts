import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../src-main/core/contract/index';
import { frame, PreventableEvent } from './doubles';
import { fake, FakeBrowserWindow, FakeTray, FakeWebContents } from './fake-electron';

/**
 * main.ts, the one file that touches Electron, started in plain Node against doubles of Electron's
 * modules and the real core: what it wires at start, how calls wait for the first paint, and quit.
 */

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
// electron-store reaches for Electron from node_modules, where the mock cannot follow: conf, which it extends, stands in.
vi.mock('../../../src-main/hosts/electron/settings-store', () => ({
  openSettingsFile: (folder: string) => new Conf<Record<string, unknown>>({ configName: 'settings', cwd: folder, clearInvalidConfig: false }),
}));

// Records when main first imports the core (and with it, on first use, LangGraph, the LLM client and LanceDB).
const coreImports = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src-main/core/core', async (importOriginal) => {
  coreImports.count += 1;
  return importOriginal();
});

const dataDir = mkdtempSync(join(tmpdir(), 'copilot-main-'));
const listenersBefore = {
  uncaughtException: process.listeners('uncaughtException'),
  unhandledRejection: process.listeners('unhandledRejection'),
};
let window: FakeBrowserWindow;
let appUrl: string;

type Answer = { ok: boolean; value?: unknown; error?: { code: string } };
const call = (method: string, input: unknown, sender = frame(appUrl)) => fake.ipcMain.invoke(ipcChannels.call, { senderFrame: sender }, method, input) as Promise<Answer>;

beforeAll(async () => {
  vi.stubEnv('COPILOT_DATA_DIR', dataDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  vi.stubEnv('COPILOT_E2E_PROBE', '');
  await import('../../../src-main/hosts/electron/main');
  await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));
  window = FakeBrowserWindow.all[0]!;
  appUrl = window.loaded[0]!;
}, 60_000);

afterAll(async () => {
  if (!fake.app.quitted) fake.app.quit();
  await vi.waitFor(() => expect(fake.app.quitted).toBe(true), { timeout: 60_000 });
  // main reports uncaught errors from the process it runs in: here, the test worker.
  for (const listener of process.listeners('uncaughtException')) {
    if (!listenersBefore.uncaughtException.includes(listener)) process.removeListener('uncaughtException', listener);
  }
  for (const listener of process.listeners('unhandledRejection')) {
    if (!listenersBefore.unhandledRejection.includes(listener)) process.removeListener('unhandledRejection', listener);
  }
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
}, 90_000);

describe('the desktop main process', () => {
  it('keeps its data and Chromium’s in the data folder, under the app id', () => {
    expect(fake.app.getPath('userData')).toBe(dataDir);
    expect(fake.app.userModelId).toBe('com.supportcopilot.desktop');
  });

  it('hardens the session before any window: CSP on every response, every permission denied', () => {
    let headers: Record<string, string[] | string> | undefined;
    fake.session.headers!({ responseHeaders: { 'content-security-policy': ['script-src *'] } }, (response) => (headers = response.responseHeaders));
    expect(headers).toEqual({ 'Content-Security-Policy': [expect.stringContaining("script-src 'self'")] });
    const granted = vi.fn();
    fake.session.permissionRequest!({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(fake.session.permissionCheck!({}, 'notifications')).toBe(false);
  });

  it('hardens every web contents created, so no window navigates or opens another', () => {
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    const navigation = new PreventableEvent();
    contents.emit('will-navigate', navigation, 'file:///etc/passwd');
    expect(navigation.prevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
  });

  it('creates one hidden window with the secure webPreferences, loading the built renderer', () => {
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(window.options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(window.loaded).toEqual(['app://renderer/index.html']);
    expect(window.options.webPreferences.spellcheck).toBe(false);
    expect(window.visible).toBe(false);
  });

  it('registers app:// as a privileged scheme before the app is ready, and serves the built renderer through it with the CSP header', async () => {
    expect(fake.protocol.registeredBeforeReady).toBe(true);
    expect(fake.protocol.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    const handler = fake.protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const refused = await handler!({ url: 'app://renderer/..%2f..%2fpackage.json' });
    expect(refused.status).toBe(403);
    const missing = await handler!({ url: 'app://elsewhere/index.html' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('sets up the menu, the tray and the summon shortcut', () => {
    expect(fake.applicationMenu).toBeDefined();
    expect(FakeTray.all).toHaveLength(1);
    expect(FakeTray.all[0]!.tooltip).toMatch(/^Support Copilot — /);
    expect([...fake.registeredShortcuts.keys()]).toEqual(['CommandOrControl+Shift+Space']);
  });

  it('answers calls made before the first paint once the window has painted, and shows the window then', async () => {
    let answered = false;
    const early = call('app.info', {}).finally(() => (answered = true));
    // However long the renderer waits, the core is not even imported before the window paints.
    for (let turn = 0; turn < 50; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(coreImports.count).toBe(0);
    expect(answered).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
    expect(await early).toMatchObject({ ok: true, value: { host: 'electron', workspace: 'demo' } });
    expect(coreImports.count).toBe(1);
    const queue = await call('workspace.listConversations', {});
    expect(queue.ok).toBe(true);
  }, 60_000);

  it('refuses calls from anything but the app’s own main frame', async () => {
    for (const sender of [frame('https://evil.example/'), frame('about:blank'), frame(appUrl, { parent: {} })]) {
      expect(await call('app.info', {}, sender)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(await fake.ipcMain.invoke(ipcChannels.call, { senderFrame: null }, 'app.info', {})).toMatchObject({ ok: false });
  });

  it('sends the core’s events to the window, and its service states to the tray', async () => {
    await vi.waitFor(() => expect(window.webContents.sent.some((message) => message[0] === ipcChannels.event && message[1] === 'app.serviceState')).toBe(true));
    await vi.waitFor(() => expect(FakeTray.all[0]!.tooltip).not.toBe('Support Copilot — Starting…'), { timeout: 30_000 });
  });

  it('stores a key encrypted with safeStorage and never answers with it', async () => {
    const key = 'sk-main-wiring-0123456789abcdef';
    const answer = await call('desktop.settings.update', { secrets: { llmApiKey: key }, globalShortcut: 'Alt+Shift+K' });
    expect(answer).toMatchObject({ ok: true, value: { secrets: { llmApiKey: true }, globalShortcut: 'Alt+Shift+K' } });
    expect(JSON.stringify(answer)).not.toContain(key);
    expect(fake.safeStorage.encrypted).toContain(key);
    const stored = readFileSync(join(dataDir, 'secrets.json'), 'utf8');
    expect(stored).not.toContain(key);
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).not.toContain(key);
    // The shortcut moved with the setting.
    expect([...fake.registeredShortcuts.keys()]).toEqual(['Alt+Shift+K']);
  });

  it('summons the window with knowledge search from the shortcut, and on a second launch', () => {
    window.hide();
    fake.registeredShortcuts.get('Alt+Shift+K')!();
    expect(window.visible).toBe(true);
    expect(window.webContents.sent).toContainEqual([ipcChannels.event, 'app.command', { command: 'knowledge.focusSearch' }]);
    window.hide();
    fake.app.emit('second-instance');
    expect(window.visible).toBe(true);
  });

  it('opens a new window when asked after the last one was closed (macOS)', () => {
    window.emit('closed');
    fake.app.emit('activate');
    expect(FakeBrowserWindow.all).toHaveLength(2);
    window = FakeBrowserWindow.all[1]!;
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('on quit lets go of the shortcut and the tray, closes the core, then quits', async () => {
    fake.app.quit();
    expect(fake.app.quitted).toBe(false);
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true), { timeout: 60_000 });
    expect(fake.registeredShortcuts.size).toBe(0);
    expect(FakeTray.all[0]!.destroyed).toBe(true);
    expect(existsSync(join(dataDir, 'logs', 'copilot.log'))).toBe(true);
  }, 90_000);
});
