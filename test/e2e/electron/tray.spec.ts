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
  const status = /^(Ready|Starting…|Offline: .+|Problem: .+)$/;
  await expect.poll(() => running.probe('trayStatus')).toMatch(status);
  // The first item is the status line, which may move on between two reads.
  const [first, ...rest] = await running.probe('trayMenu');
  expect(first).toMatch(status);
  expect(rest).toEqual(['Show Support Copilot', 'Quit']);

  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.hide());
  expect(await running.probe('clickTrayItem', 'Show Support Copilot')).toBe(true);
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible())).toBe(true);

  const exited = new Promise<void>((resolve) => app.process().once('exit', () => resolve()));
  await running.probe('clickTrayItem', 'Quit');
  await exited;
});
