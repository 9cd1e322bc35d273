import { expect, test, type Browser } from '@playwright/test';
import type { DemoCrm } from '../../src-main/core/crm/demo/index';
import type { RunningWebHost } from '../fixtures/web-host';
import { startWorkspaceRig, type WorkspaceRig } from './support/workspace-rig';

/**
 * Customer messages and model suggestions are untrusted text. Markup, scripts, `javascript:` links and
 * markdown images fed through both must show as text: nothing runs, nothing loads, no element is made from them.
 */
const token = 'e2e-hostile';
const payloads = [
  '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">',
  '<script>window.__pwned=(window.__pwned||0)+1</script>',
  '<a href="javascript:window.__pwned=1">open me</a>',
  '[click here](javascript:window.__pwned=1)',
  '![tracking pixel](http://evil.example/pixel.png)',
  '<svg onload="window.__pwned=1"></svg>',
  '<iframe src="http://evil.example/"></iframe>',
];
const hostile = payloads.join(' ');

let browser: Browser;
let crm: DemoCrm;
let running: RunningWebHost;
let rig: WorkspaceRig;

test.beforeAll(async () => {
  rig = await startWorkspaceRig({
    token, seed: 2, contacts: 20, shots: 'test-results/hostile-content',
    llm: () => ({ text: `Here you go: ${hostile}` }),
  });
  ({ browser, crm, running } = rig);
});

test.afterAll(async () => {
  await rig?.stop();
});

test('markup in customer messages, suggestions and replies is shown as text: nothing executes or loads', async () => {
  test.setTimeout(120_000);
  const queue = await rig.queue(0);
  const first = queue[0];
  if (!first) throw new Error('no demo conversation');

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const origin = new URL(running.host.url).origin;
  const unexpected: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  // Only the app itself may load: its page, its bundles and its WebSocket. `<img src=x>` would ask for /x.
  page.on('request', (request) => {
    const url = new URL(request.url());
    const own = url.origin === origin && (url.pathname === '/' || url.pathname.startsWith('/assets/') || url.pathname === '/ws' || url.pathname === '/favicon.ico');
    if (!own && url.protocol !== 'data:') unexpected.push(request.url());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(running.host.url);
  await expect(page.getByTestId('queue-item').first()).toBeVisible({ timeout: 60_000 });

  // A hostile customer message arrives live in the first conversation and the copilot answers it with hostile text.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('conversation').locator('#conversation-title')).toHaveText(first.customerName ?? 'Unknown customer');
  const posted = await fetch(`${crm.url}/__demo/customer-message`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ threadId: first.id, text: hostile }),
  });
  expect(posted.status).toBe(201);
  const thread = page.getByTestId('thread');
  await expect(thread.getByTestId('message-incoming').last()).toContainText(hostile, { timeout: 30_000 });
  const suggestion = page.getByTestId('suggestion').first();
  await expect(suggestion).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(suggestion.getByTestId('suggestion-text')).toContainText('Here you go');

  // The agent takes the suggestion, adds the hostile text again and sends it: it goes out and shows as text too.
  await page.keyboard.press('Alt+C');
  await expect(page.getByTestId('composer')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('composer')).toHaveValue(/Here you go/);
  await page.getByTestId('composer').press('Control+End');
  await page.getByTestId('composer').pressSequentially(` ${payloads[0]} ${payloads[3]}`, { delay: 0 });
  await page.keyboard.press('Control+Enter');
  await expect(thread.getByTestId('message-outgoing').filter({ hasText: 'Here you go' }).last()).toHaveAttribute('data-delivery', /pending|delivered/);
  await page.screenshot({ path: 'test-results/hostile-content/as-text.png' });

  // Give anything that might have been planted a moment to fire before looking.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
  const planted = await page.evaluate(() => {
    const scopes = ['[data-testid="thread"]', '[data-testid="suggestions"]', '[data-testid="queue-list"]'].map((selector) => document.querySelector(selector));
    const count = (selector: string): number => scopes.reduce((sum, scope) => sum + (scope?.querySelectorAll(selector).length ?? 0), 0);
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      elements: count('img, script, iframe, svg, a, object, embed'),
      javascriptLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    };
  });
  expect(planted).toEqual({ pwned: null, elements: 0, javascriptLinks: 0, handlers: 0 });
  expect(unexpected).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

