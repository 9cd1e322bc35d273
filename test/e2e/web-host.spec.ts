import { expect, test, type Browser } from '@playwright/test';
import { launchChromium } from '../fixtures/chromium';
import { startTestWebHost, type RunningWebHost } from '../fixtures/web-host';

let browser: Browser;
let running: RunningWebHost;

test.beforeAll(async () => {
  browser = await launchChromium();
  running = await startTestWebHost();
});

test.afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

test('the page served by the web host calls the core through the contract and shows its answer', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(running.host.url);
  await expect(page.getByTestId('app-info')).toContainText('web host');
  await expect(page.getByTestId('service-core')).toContainText('ready');
  await expect(page.getByTestId('workspace-label')).toHaveText('Demo workspace');
  // The token is taken from the address and no longer shown in it.
  expect(page.url()).not.toContain('token=');
  expect(errors).toEqual([]);
  await page.close();
});

test('a page opened without the token explains what to do instead of connecting', async () => {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${running.host.port}/`);
  await expect(page.getByRole('alert')).toContainText('npm run start:web');
  await page.close();
});
