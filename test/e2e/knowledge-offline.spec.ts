import { expect, test, type Browser } from '@playwright/test';
import { launchChromium } from '../fixtures/chromium';
import { startTestWebHost, type RunningWebHost } from '../fixtures/web-host';

let browser: Browser;
let running: RunningWebHost;

test.beforeAll(async () => {
  browser = await launchChromium();
  // The LLM and the embedding endpoint point at a closed port: search must not need either.
  running = await startTestWebHost({
    llm: { baseUrl: 'http://127.0.0.1:9/v1', model: 'unreachable' },
  });
});

test.afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

test('the agent searches the knowledge base offline and opens an article', async () => {
  const page = await browser.newPage();
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:') outside.push(request.url());
  });
  await page.goto(running.host.url);
  await expect(page.getByTestId('service-knowledge')).toContainText('ready', { timeout: 60_000 });
  await page.getByTestId('tab-knowledge').click();
  await page.getByTestId('knowledge-query').fill('my package never arrived');
  const hits = page.getByTestId('knowledge-hits').getByRole('listitem');
  await expect(hits.first()).toBeVisible();
  await expect(page.getByTestId('knowledge-hits')).toContainText('Shipping, delivery times and tracking');
  await expect(page.getByTestId('knowledge-hits').locator('mark').first()).toBeVisible();
  await page.getByRole('button', { name: /^Shipping, delivery times and tracking/ }).first().click();
  await expect(page.getByTestId('knowledge-article')).toContainText('Late or missing packages');
  await page.screenshot({ path: 'test-results/knowledge-offline.png', fullPage: true });
  expect(outside).toEqual([]);
  await page.close();
});
