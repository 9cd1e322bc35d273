import { expect, test, type Browser } from '@playwright/test';
import { startDemoCrm, type DemoCrm } from '../../src-main/core/crm/demo/index';
import { launchChromium } from '../fixtures/chromium';
import { startTestWebHost, type RunningWebHost } from '../fixtures/web-host';

/** The status bar's outbox in Chromium against the real core: a reply the CRM refuses is dead with its reason, and a retry sends it. */
const token = 'e2e-outbox';

let browser: Browser;
let crm: DemoCrm;
let running: RunningWebHost;

test.beforeAll(async () => {
  browser = await launchChromium();
  crm = await startDemoCrm({ seed: 5, contacts: 8, token });
  running = await startTestWebHost({ crm: { url: crm.url, token, syncIntervalSeconds: 5 } });
});

test.afterAll(async () => {
  await browser?.close();
  await running?.stop();
  await crm?.close();
});

test('a reply the CRM refuses shows in the outbox with the reason; Retry sends it once, and the thread shows it sent', async () => {
  test.setTimeout(120_000);
  let queue: Awaited<ReturnType<RunningWebHost['core']['handlers']['workspace.listConversations']>> = [];
  await expect.poll(async () => (queue = await running.core.handlers['workspace.listConversations']({})).length, { timeout: 60_000 }).toBeGreaterThan(0);
  const conversation = queue[0];
  if (!conversation) throw new Error('no demo conversation');
  // Replies go out in the agent's name: they pick their HubSpot user first.
  const [owner] = await running.core.handlers['crm.owners']({});
  await running.core.handlers['crm.setAgentSettings']({ hubspotUserId: owner?.userId ?? null });
  // The CRM refuses the next post to a thread once (a 400 before acting): no retry would change that answer.
  const faults = await fetch(`${crm.url}/__demo/faults`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ faults: [{ method: 'POST', pathPrefix: `/conversations/v3/conversations/threads/${conversation.id}/messages`, when: 'before', status: 400 }] }),
  });
  expect(faults.ok).toBe(true);

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(running.host.url);
  await expect(page.getByTestId('queue-item').first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('queue-item').filter({ hasText: conversation.customerName ?? '' }).first().click();
  const text = 'Your replacement left our warehouse this morning.';
  await running.core.handlers['conversation.sendReply']({ conversationId: conversation.id, text, idempotencyKey: 'e2e-outbox-reply-1' });

  const button = page.getByTestId('outbox-button');
  await expect(button).toContainText('1 failed', { timeout: 30_000 });
  await button.click();
  const dead = page.getByTestId('outbox-dead');
  await expect(dead).toHaveCount(1);
  await expect(dead).toContainText('send reply to the CRM');
  await expect(dead).toContainText('The CRM refused it (400): Scripted failure (before acting)');
  await expect(dead).not.toContainText('{');
  const bubble = page.getByTestId('message-outgoing').filter({ hasText: text });
  await expect(bubble).toHaveAttribute('data-delivery', 'failed');
  await page.screenshot({ path: 'test-results/outbox-dead.png' });

  await dead.getByTestId('outbox-retry').click();
  await expect(page.getByTestId('outbox-panel')).toContainText('Everything has been delivered.', { timeout: 30_000 });
  await expect(button).not.toContainText('failed');
  await expect(bubble).toHaveAttribute('data-delivery', 'delivered');
  const effects = (await (await fetch(`${crm.url}/__demo/side-effects`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { method: string; path: string; body: { text?: string } }[];
  expect(effects.filter((effect) => effect.method === 'POST' && effect.body.text === text)).toHaveLength(1);
  await page.close();
});
