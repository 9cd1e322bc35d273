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

test('the tray shows the status, brings the window back and quits', async () => {
  const { app } = running;
  await expect.poll(() => running.probe('trayStatus'), { timeout: 60_000 }).toMatch(/^(Ready|Starting…|Offline: .+|Problem: .+)$/);
  const menu = await running.probe('trayMenu');
  expect(menu).toEqual([await running.probe('trayStatus'), 'Show Support Copilot', 'Quit']);

  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.hide());
  expect(await running.probe('clickTrayItem', 'Show Support Copilot')).toBe(true);
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible())).toBe(true);

  const exited = new Promise<void>((resolve) => app.process().once('exit', () => resolve()));
  await running.probe('clickTrayItem', 'Quit');
  await exited;
});
