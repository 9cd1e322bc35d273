import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { electronSkipReason, launchApp, launchOptions, type RunningApp } from './electron-app';

test.skip(Boolean(electronSkipReason), electronSkipReason);

let running: RunningApp;
test.beforeEach(async () => {
  running = await launchApp();
});
test.afterEach(async () => {
  await running.close();
});

test('a second launch exits and brings the first window forward', async () => {
  const { app, dataDir } = running;
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.hide());
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible())).toBe(false);
  // The listener is in place before the second launch starts; its promise is read afterwards.
  await app.evaluate(({ app: electronApp }) => {
    Object.assign(globalThis, { __secondInstance: new Promise<boolean>((resolve) => electronApp.once('second-instance', () => resolve(true))) });
  });

  const options = launchOptions(dataDir);
  const second = spawn(options.executablePath, options.args, { env: options.env, stdio: 'ignore' });
  const exitCode = await new Promise<number | null>((resolve) => second.on('exit', (code) => resolve(code)));

  expect(exitCode).toBe(0);
  expect(await app.evaluate(() => (globalThis as unknown as { __secondInstance: Promise<boolean> }).__secondInstance)).toBe(true);
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible())).toBe(true);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});
