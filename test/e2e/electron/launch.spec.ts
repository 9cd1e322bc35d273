import { expect, test } from '@playwright/test';
import { electronSkipReason, launchApp, type RunningApp } from './electron-app';

test.skip(Boolean(electronSkipReason), electronSkipReason);

let running: RunningApp;
test.beforeEach(async () => {
  running = await launchApp();
});
test.afterEach(async () => {
  await running.close();
});

test('launches one secure window that talks to the core through the contract only', async () => {
  const { app, window } = running;
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((shown) => shown.isVisible()).length)).toBe(1);
  // The page sees nothing of Node (the webPreferences themselves are unit-tested), only the contract bridge.
  expect(await window.evaluate(() => Object.keys((globalThis as unknown as { copilot: object }).copilot).sort())).toEqual(['call', 'on']);
  const nodeGlobals = await window.evaluate(() => ['require', 'process', 'module', 'Buffer', 'global'].filter((name) => name in globalThis));
  expect(nodeGlobals).toEqual([]);
  const info = await window.evaluate(() => (globalThis as unknown as { copilot: { call(method: string, input: unknown): Promise<unknown> } }).copilot.call('app.info', {}));
  expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
});

test('keeps the page where it is: navigation and window.open are denied, an https link only offered', async () => {
  const { app, window } = running;
  const start = window.url();
  expect(start.startsWith('app://renderer/')).toBe(true);
  // Answer the "Open in your browser?" question with Cancel, and note what was asked.
  await app.evaluate(({ dialog }) => {
    const asked: string[] = [];
    Object.assign(globalThis, { __askedToOpen: asked });
    const cancel = async (...args: unknown[]) => {
      const options = args.find((arg): arg is { detail?: string } => typeof arg === 'object' && arg !== null && 'buttons' in arg);
      asked.push(options?.detail ?? '');
      return { response: 1, checkboxChecked: false };
    };
    dialog.showMessageBox = cancel as unknown as typeof dialog.showMessageBox;
  });
  const asked = () => app.evaluate(() => (globalThis as unknown as { __askedToOpen: string[] }).__askedToOpen);

  expect(await window.evaluate(() => (globalThis as unknown as { open(url: string, target: string): unknown }).open('https://help.example.com/a', '_blank'))).toBeNull();
  await expect.poll(asked).toEqual(['https://help.example.com/a']);
  await window.evaluate(() => {
    // Functions passed to evaluate run in the page, so they name its globals themselves.
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://help.example.com/b';
  });
  // The navigation handler prevents first and asks second, so once asked the page has stayed.
  await expect.poll(asked).toEqual(['https://help.example.com/a', 'https://help.example.com/b']);
  expect(window.url()).toBe(start);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});
