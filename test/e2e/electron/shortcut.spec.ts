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

const isRegistered = (running: RunningApp, accelerator: string) =>
  running.app.evaluate(({ globalShortcut }, keys) => globalShortcut.isRegistered(keys), accelerator);

test('registers Ctrl/Cmd+Shift+Space, which summons the window with knowledge search focused', async () => {
  expect(await isRegistered(running, 'CommandOrControl+Shift+Space')).toBe(true);
  expect(await running.probe('shortcut')).toBe('CommandOrControl+Shift+Space');

  await running.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.hide());
  // A test cannot press a system-wide key; the probe runs exactly what the shortcut runs.
  await running.probe('pressShortcut');
  await expect.poll(() => running.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible())).toBe(true);
  // The document's focused element, whether or not the OS gave the window focus (Xvfb has no window manager).
  await expect
    .poll(() => running.window.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document.activeElement?.getAttribute('data-testid')))
    .toBe('knowledge-query');
});

test('moves to the shortcut chosen in settings and frees the old one', async () => {
  const answer = await running.window.evaluate(() =>
    (globalThis as unknown as { copilot: { call(method: string, input: unknown): Promise<unknown> } }).copilot.call('desktop.settings.update', {
      globalShortcut: 'CommandOrControl+Alt+K',
    }),
  );
  expect(answer).toMatchObject({ ok: true, value: { globalShortcut: 'CommandOrControl+Alt+K' } });
  await expect.poll(() => running.probe('shortcut')).toBe('CommandOrControl+Alt+K');
  expect(await isRegistered(running, 'CommandOrControl+Alt+K')).toBe(true);
  expect(await isRegistered(running, 'CommandOrControl+Shift+Space')).toBe(false);
});
