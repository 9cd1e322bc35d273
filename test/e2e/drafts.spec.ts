import { expect, test, type Browser } from '@playwright/test';
import type { DemoCrm } from '../../src-main/core/crm/demo/index';
import type { ScriptedLlm } from '../fixtures/scripted-llm/server';
import type { RunningWebHost } from '../fixtures/web-host';
import { startWorkspaceRig, type WorkspaceRig } from './support/workspace-rig';

/**
 * Drafts as the customer would receive them, in the real renderer against the real core: a Spanish customer gets
 * Spanish drafts (offline ones, and the model's because it is told the language), a "thanks" gets a closing,
 * an approved refund shows in the case summary, and Ask the copilot answers a policy question with a source.
 */
const shots = 'test-results/drafts';
const token = 'e2e-drafts';

let browser: Browser;
let crm: DemoCrm;
let llm: ScriptedLlm;
let running: RunningWebHost;
let rig: WorkspaceRig;

const spanish = 'Hola, quiero devolver una chaqueta porque el color no es el de la foto. ¿Me pueden ayudar?';
const thanks = 'Got it, thanks!';

function systemText(body: { messages?: { role?: string; content?: unknown }[] }): string {
  return JSON.stringify(body.messages?.filter((message) => message.role === 'system') ?? []);
}

async function postCustomerMessage(threadId: string, text: string): Promise<void> {
  const response = await fetch(`${crm.url}/__demo/customer-message`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ threadId, text }) });
  if (!response.ok) throw new Error(`customer-message: HTTP ${response.status}`);
}

test.beforeAll(async () => {
  // The fake model does what a real one is told: it replies in Spanish when the prompt says so.
  rig = await startWorkspaceRig({
    token, seed: 1, contacts: 40, shots,
    llm: (body) => (/Reply in Spanish/.test(systemText(body)) ? { text: 'Claro, con gusto le ayudo con la devolución de la chaqueta.' } : { text: 'Happy to help with that.' }),
  });
  ({ browser, crm, llm, running } = rig);
});

test.afterAll(async () => {
  await rig?.stop();
});

test('drafts in the customer language, a closing on thanks, the refund in the summary, and Ask the copilot', async () => {
  test.setTimeout(180_000);
  const queue = await rig.queue(2);
  const [first, second, third] = queue;
  if (!first || !second || !third?.customerId) throw new Error('the demo queue needs three conversations, the third with a customer');
  await postCustomerMessage(first.id, spanish);
  await postCustomerMessage(second.id, thanks);
  // The queue is ordered by the latest message: wait until both new lines are synced and at the top.
  await expect
    .poll(async () => {
      const conversation = await running.core.handlers['workspace.getConversation']({ id: first.id });
      return conversation.messages.at(-1)?.text;
    }, { timeout: 30_000 })
    .toBe(spanish);
  await expect.poll(async () => (await running.core.handlers['workspace.getConversation']({ id: second.id })).messages.at(-1)?.text, { timeout: 30_000 }).toBe(thanks);

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(running.host.url);
  await expect(page.getByTestId('queue-item').first()).toBeVisible({ timeout: 60_000 });

  // 1. The Spanish customer: every draft, the model's and the offline ones, is in Spanish and says so.
  await page.getByTestId('queue-item').filter({ hasText: spanish.slice(0, 30) }).first().click();
  await expect(page.getByTestId('suggestion').first()).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  const texts = await page.getByTestId('suggestion-text').allTextContents();
  expect(texts.length).toBeGreaterThan(1);
  expect(texts[0]).toContain('Claro, con gusto le ayudo');
  for (const text of texts) expect(text).toMatch(/[¿¡]|\b(su|usted|gracias|puede|le)\b/);
  for (const text of texts) expect(text).not.toMatch(/\b(the|your|could you|thank you)\b/i);
  await expect(page.getByTestId('suggestion-language').first()).toHaveText('Spanish');
  await expect(page.getByTestId('suggestion-move').first()).toBeVisible();
  await page.screenshot({ path: `${shots}/01-spanish-drafts.png` });

  // 2. "Got it, thanks!": a closing draft that asks if there is anything else.
  await page.getByTestId('queue-item').filter({ hasText: thanks }).first().click();
  await expect(page.getByTestId('suggestion').first()).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  const closing = page.getByTestId('suggestion').filter({ has: page.getByTestId('suggestion-move').filter({ hasText: 'Close' }) });
  // The offline closing draft (the model's reply is labelled with the same move beside it).
  await expect(closing.filter({ hasText: /anything else/i }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/02-closing-draft.png` });

  // 3. A refund the agent approves shows in the case summary at once, as done.
  const profile = await running.core.handlers['customer.getProfile']({ id: third.customerId });
  const order = profile.orders[0];
  if (!order) throw new Error('the third demo customer has no order');
  // The customer gives what validates the purchase, so a refund on the account may be proposed.
  const validating = `It arrived damaged. My username is ${profile.contact.username ?? ''}, email ${profile.contact.email ?? ''}, order ${order.id}.`;
  await postCustomerMessage(third.id, validating);
  await expect.poll(async () => (await running.core.handlers['workspace.getConversation']({ id: third.id })).messages.at(-1)?.text, { timeout: 30_000 }).toBe(validating);
  llm.push({ text: 'I can refund that order for you.' }, { toolCalls: [{ id: 'call_refund', name: 'request_refund', args: { customerId: third.customerId, orderId: order.id, amount: 12, reason: 'item arrived damaged' } }] });
  await page.getByTestId('queue-item').filter({ hasText: validating.slice(0, 30) }).first().click();
  const refundCard = page.getByTestId('approval-card').filter({ hasText: 'Request refund' });
  await expect(refundCard).toBeVisible({ timeout: 30_000 });
  expect(await refundCard.getAttribute('data-status'), await refundCard.innerText()).toBe('pending');
  await expect(page.getByTestId('summary')).toContainText('refund of $12.00');
  await expect(page.getByTestId('summary')).toContainText('waiting for approval');
  await page.keyboard.press('Control+Shift+A');
  await expect(refundCard).toHaveAttribute('data-status', /executed|approved/);
  await expect(page.getByTestId('summary')).toContainText(`refund of $12.00 on order ${order.id}, approved and sent`);
  // The draft that tells the customer leads the suggestions.
  await expect(page.getByTestId('suggestion-text').first()).toContainText("I've issued a refund of $12.00 to your credit card");
  await page.screenshot({ path: `${shots}/03-summary-after-refund.png` });

  // 4. Ask the copilot, from the keyboard: a policy question answered with its help-centre source.
  await page.keyboard.press('Alt+O');
  await expect(page.getByTestId('copilot-ask-input')).toBeFocused();
  await page.keyboard.type("what's the return window for gold members?");
  await page.keyboard.press('Enter');
  const answer = page.getByTestId('copilot-answer');
  await expect(answer).toBeVisible({ timeout: 30_000 });
  await expect(answer).toContainText(/gold/i);
  await expect(answer.getByTestId('copilot-answer-source').first()).toBeVisible();
  await page.screenshot({ path: `${shots}/04-ask-the-copilot.png` });
  expect(pageErrors).toEqual([]);
  await page.close();
});
