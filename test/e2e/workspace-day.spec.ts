import { expect, test, type Browser, type Page } from '@playwright/test';
import type { DemoCrm } from '../../src-main/core/crm/demo/index';
import type { ScriptedLlm } from '../fixtures/scripted-llm/server';
import type { RunningWebHost } from '../fixtures/web-host';
import { startWorkspaceRig, type WorkspaceRig } from './support/workspace-rig';
import { startPacedLlmProxy } from './support/paced-llm-proxy';

/**
 * The agent's day, entirely from the keyboard, against the real core behind the web host,
 * the demo CRM over HTTP and the scripted LLM (paced so tokens visibly stream).
 */
const shots = 'test-results/workspace-day';
const token = 'e2e-demo';

let browser: Browser;
let crm: DemoCrm;
let llm: ScriptedLlm;
let running: RunningWebHost;
let rig: WorkspaceRig;

interface SideEffect {
  idempotencyKey: string;
  path: string;
  body: { properties?: Record<string, string>; text?: string };
}

async function sideEffects(): Promise<SideEffect[]> {
  const response = await fetch(`${crm.url}/__demo/side-effects`, { headers: { Authorization: `Bearer ${token}` } });
  return (await response.json()) as SideEffect[];
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${shots}/${name}.png` });
}

test.beforeAll(async () => {
  rig = await startWorkspaceRig({
    token, seed: 1, contacts: 40, shots,
    llm: () => ({ text: 'Thanks for your patience, I am looking into it.' }),
    llmUrl: (url) => startPacedLlmProxy(url, 150),
  });
  ({ browser, crm, llm, running } = rig);
  // A configured CRM sends replies as the agent's own HubSpot user, picked once from its owners (as in Settings).
  const [owner] = await running.core.handlers['crm.owners']({});
  await running.core.handlers['crm.setAgentSettings']({ hubspotUserId: owner?.userId ?? null });
});

test.afterAll(async () => {
  await rig?.stop();
});

test('the agent works a conversation from the keyboard', async () => {
  test.setTimeout(180_000);
  // What the queue will show first, read through the same contract the window uses.
  const queue = await rig.queue(0);
  const first = queue[0];
  if (!first?.customerId) throw new Error('the first demo conversation has no customer');
  const profile = await running.core.handlers['customer.getProfile']({ id: first.customerId });
  const order = profile.orders[0];
  if (!order) throw new Error('the first demo customer has no order');

  const draft = `Hello ${profile.contact.name.split(' ')[0]}, I am sorry about the trouble with your order. I have checked it and I can refund it for you right away.`;
  llm.push(
    { text: draft },
    {
      toolCalls: [
        { id: 'call_refund', name: 'request_refund', args: { customerId: first.customerId, orderId: order.id, amount: 12, reason: 'item arrived damaged' } },
        { id: 'call_ticket', name: 'create_ticket', args: { customerId: first.customerId, subject: 'Damaged item follow-up', content: 'Check the carrier', priority: 'LOW' } },
      ],
    },
  );

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __streamed: string[] }).__streamed = seen;
    new MutationObserver(() => {
      const busy = document.querySelector('[data-testid="suggestion"][aria-busy="true"] [data-testid="suggestion-text"]');
      const text = busy?.textContent ?? '';
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.goto(running.host.url);
  await expect(page.getByTestId('queue-item').first()).toBeVisible({ timeout: 60_000 });

  // 1. Open the first conversation.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('conversation').locator('#conversation-title')).toHaveText(first.customerName ?? 'Unknown customer');
  await expect(page.getByTestId('thread').getByTestId('message-incoming').first()).toBeVisible();

  // 2. Watch the suggestion stream in: every text the streaming card showed is recorded as it changes.
  const suggestionText = page.getByTestId('suggestion-text').first();
  await expect(page.getByTestId('suggestion').first()).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(suggestionText).toContainText('I can refund it for you');
  const streamed = await page.evaluate(() => (window as unknown as { __streamed: string[] }).__streamed);
  expect(streamed.length).toBeGreaterThan(0);
  for (const text of streamed) expect(draft.startsWith(text.trim())).toBe(true);
  await shot(page, '01-suggestion');
  // 3. See the profile (Alt+U), then back to the copilot (Alt+J).
  await page.keyboard.press('Alt+U');
  await expect(page.getByTestId('profile-name')).toHaveText(profile.contact.name);
  await shot(page, '02-customer-profile');
  await page.keyboard.press('Alt+J');

  // 4. Accept the top suggestion with Tab in the empty composer.
  await page.keyboard.press('Alt+C');
  await expect(page.getByTestId('composer')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('composer')).toHaveValue(/I can refund it for you/);
  await shot(page, '03-suggestion-accepted');

  // 5. Edit it and send it with Ctrl+Enter; the demo CRM receives the reply.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Kind regards, Sam');
  await page.keyboard.press('Control+Enter');
  const sent = page.getByTestId('thread').getByTestId('message-outgoing').filter({ hasText: 'Kind regards, Sam' });
  await expect(sent).toBeVisible();
  await expect(sent).toHaveAttribute('data-delivery', 'delivered', { timeout: 30_000 });
  await expect.poll(async () => (await sideEffects()).filter((effect) => JSON.stringify(effect.body).includes('Kind regards, Sam')).length).toBe(1);
  await shot(page, '04-reply-sent');

  // 6. The refund proposal: approve it with Ctrl+Shift+A; the CRM receives exactly one refund.
  const refundCard = page.getByTestId('approval-card').filter({ hasText: 'Request refund' });
  await expect(refundCard).toHaveAttribute('data-status', 'pending');
  await expect(refundCard).toContainText(order.id);
  await shot(page, '05-refund-proposed');
  await page.keyboard.press('Control+Shift+A');
  await expect(refundCard).toHaveAttribute('data-status', /executed|approved/);
  await expect
    .poll(async () => (await sideEffects()).filter((effect) => effect.body.properties?.hs_ticket_category === 'BILLING_ISSUE' && (effect.body.properties.subject ?? '').startsWith('Refund request')).length, { timeout: 30_000 })
    .toBe(1);
  await shot(page, '06-refund-approved');

  // 7. Reject the other proposal with a reason (Ctrl+Shift+R, type, Enter).
  const ticketCard = page.getByTestId('approval-card').filter({ hasText: 'Create ticket' });
  await expect(ticketCard).toHaveAttribute('data-status', 'pending');
  await page.keyboard.press('Control+Shift+R');
  await expect(ticketCard.getByTestId('reject-reason')).toBeFocused();
  await page.keyboard.type('A ticket is not needed, the refund covers it');
  await page.keyboard.press('Enter');
  await expect(ticketCard).toHaveAttribute('data-status', 'rejected');
  await shot(page, '07-ticket-rejected');

  // 7b. The case card heads the copilot: who the customer is, the flow's steps, and corrections from the keyboard.
  const caseCard = page.getByTestId('case-card');
  await expect(caseCard.getByTestId('case-identity')).toHaveAttribute('data-status', /identified|verified/);
  await expect(caseCard.getByTestId('case-identity')).toContainText(profile.contact.name);
  await caseCard.getByTestId('case-correct-request').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-correction-input')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('return_size');
  await page.keyboard.press('Enter');
  await expect(caseCard.getByTestId('case-request')).toContainText('Return (wrong size)');
  // The thread is linked to the contact, so the account is pulled up: that step is done.
  await expect(caseCard.getByTestId('case-step').filter({ hasText: 'Pull up account' })).toHaveAttribute('data-status', 'done');
  const validate = caseCard.getByTestId('case-step').filter({ hasText: 'Validate purchase' });
  await expect(validate).toHaveAttribute('data-status', 'next');
  await validate.getByTestId('case-step-done').focus();
  await page.keyboard.press('Enter');
  await expect(validate).toHaveAttribute('data-status', 'done');
  await shot(page, '07b-case-card');

  // 8. Search knowledge offline (Ctrl+/) and insert a passage into the composer.
  await page.keyboard.press('Control+/');
  await expect(page.getByTestId('knowledge-query')).toBeFocused();
  await page.keyboard.type('package never arrived');
  await expect(page.getByTestId('knowledge-hits').locator('mark').first()).toBeVisible({ timeout: 30_000 });
  const snippet = ((await page.getByTestId('knowledge-hits').locator('.snippet').first().textContent()) ?? '').trim();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('insert-snippet').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('composer')).toBeFocused();
  await expect(page.getByTestId('composer')).toHaveValue(snippet);
  await shot(page, '08-passage-inserted');

  // 9. A new customer message arrives live.
  const live = `Any news about my refund? (${Date.now()})`;
  const posted = await fetch(`${crm.url}/__demo/customer-message`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ threadId: first.id, text: live }),
  });
  expect(posted.status).toBe(201);
  await expect(page.getByTestId('thread').getByText(live)).toBeVisible({ timeout: 30_000 });
  await shot(page, '09-live-message');

  // 10. The cheat sheet opens on ? and Escape closes it.
  await page.getByTestId('thread').focus();
  await page.keyboard.press('?');
  await expect(page.getByTestId('cheat-sheet')).toBeVisible();
  await shot(page, '10-cheat-sheet');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cheat-sheet')).toHaveCount(0);

  // 11. Insights (Alt+I), worked out in main from the cache: the reply, the approved refund and the rejected ticket count.
  await page.keyboard.press('Alt+I');
  await expect(page.getByTestId('insights-view')).toBeVisible();
  await expect(page.getByTestId('handled')).toHaveText(/^[1-9]\d*$/);
  await expect(page.getByTestId('actions-tally')).toHaveText(/^[1-9]\d* \/ \d+ \/ [1-9]\d*$/);
  await expect(page.getByTestId('suggestions-tally')).not.toHaveText('0 / 0 / 0');
  await expect(page.getByTestId('conversation-insights')).toContainText(first.customerName ?? 'Unknown');
  await shot(page, '10b-insights');

  expect(pageErrors).toEqual([]);
  await page.close();
});

test('settings: theme, a shortcut rebound with the conflict refused, and the command palette', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(running.host.url);
  await expect(page.getByTestId('queue-item').first()).toBeVisible({ timeout: 60_000 });

  // Settings on Ctrl+, : the web host takes its connections from the environment and says so.
  await page.keyboard.press('Control+,');
  await expect(page.getByTestId('settings-view')).toBeVisible();
  await expect(page.getByTestId('settings-environment')).toContainText('environment');
  await page.getByLabel('Dark', { exact: true }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // Ctrl+Shift+A already approves: refused, the old key stays. Alt+N is free: taken.
  await page.getByTestId('rebind-queue.next').click();
  await page.keyboard.press('Control+Shift+A');
  await expect(page.getByTestId('binding-message')).toContainText('already used');
  await expect(page.getByTestId('binding-message')).toContainText('Approve the focused action');
  await page.getByTestId('rebind-queue.next').click();
  await page.keyboard.press('Alt+N');
  await expect(page.getByTestId('binding-message')).toContainText('Next conversation: Alt+N');
  await shot(page, '11-settings-dark-rebound');

  // Escape leaves settings; the new key opens the next conversation and the tooltips show it.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings-view')).toHaveCount(0);
  await page.keyboard.press('Alt+N');
  await expect(page.getByTestId('queue-item').first()).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('queue-item').first()).toHaveAttribute('title', /Alt\+N/);

  // The command palette on Ctrl+K runs a command by name.
  await page.keyboard.press('Control+K');
  await expect(page.getByTestId('command-palette')).toBeVisible();
  await page.keyboard.type('insights');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('insights-view')).toBeVisible();
  await shot(page, '12-insights');
  expect(pageErrors).toEqual([]);
  await page.close();
});
