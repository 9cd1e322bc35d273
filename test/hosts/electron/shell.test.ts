import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultBindings, isCommandId, type CommandId } from '../../../src-renderer/src/keyboard/commands';
import type { CopilotTurnView } from '../../../src-main/core/contract/copilot';
import type { ConversationMessageEvent } from '../../../src-main/core/contract/events';
import { createShellLogger, describeError, reportUncaughtErrors, secretScrubber } from '../../../src-main/hosts/electron/logging';
import { appMenuTemplate, menuCommands, type MenuItemTemplate } from '../../../src-main/hosts/electron/menu';
import { ConversationNotifier, SeenMessages } from '../../../src-main/hosts/electron/notifications';
import { rendererLocation } from '../../../src-main/hosts/electron/renderer-location';
import { exposeShellProbe, shellProbeEnabled, shellProbeKey, type ShellProbe } from '../../../src-main/hosts/electron/shell-probe';
import { SummonShortcut } from '../../../src-main/hosts/electron/shortcut';
import { StatusTray } from '../../../src-main/hosts/electron/tray';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the tray', () => {
  function tray() {
    const electronTray = Object.assign(new EventEmitter(), { tooltip: '', menu: undefined as unknown, destroyed: false });
    const show = vi.fn();
    const quit = vi.fn();
    const status = new StatusTray({
      tray: {
        setToolTip: (text) => void (electronTray.tooltip = text),
        setContextMenu: (menu) => void (electronTray.menu = menu),
        on: (event, listener) => electronTray.on(event, listener),
        destroy: () => void (electronTray.destroyed = true),
      },
      buildMenu: (template) => template,
      show,
      quit,
    });
    return { electronTray, status, show, quit };
  }

  it('shows the worst service state in words, and offers show and quit', () => {
    const { electronTray, status, show, quit } = tray();
    expect(electronTray.tooltip).toBe('Support Copilot — Starting…');
    status.update({ name: 'crm', state: 'ready' });
    status.update({ name: 'knowledge', state: 'ready' });
    expect(status.status()).toBe('Ready');
    status.update({ name: 'llm', state: 'offline' });
    expect(electronTray.tooltip).toBe('Support Copilot — Offline: llm');
    status.update({ name: 'crm', state: 'error' });
    expect(status.status()).toBe('Problem: crm');
    const menu = electronTray.menu as MenuItemTemplate[];
    expect(menu.map((item) => item.label ?? item.type)).toEqual(['Problem: crm', 'separator', 'Show Support Copilot', 'Quit']);
    menu.find((item) => item.label === 'Show Support Copilot')?.click?.();
    menu.find((item) => item.label === 'Quit')?.click?.();
    electronTray.emit('click');
    expect(show).toHaveBeenCalledTimes(2);
    expect(quit).toHaveBeenCalledOnce();
    status.destroy();
    expect(electronTray.destroyed).toBe(true);
  });
});

describe('the summon shortcut', () => {
  function shortcut(refuse: string[] = []) {
    const registered = new Map<string, () => void>();
    const summon = vi.fn();
    const globalShortcut = {
      register: (accelerator: string, callback: () => void) => {
        if (accelerator === 'Nonsense+') throw new Error('Failed to parse accelerator');
        if (refuse.includes(accelerator)) return false;
        registered.set(accelerator, callback);
        return true;
      },
      unregister: (accelerator: string) => void registered.delete(accelerator),
    };
    return { registered, summon, shortcut: new SummonShortcut({ globalShortcut, summon }) };
  }

  it('registers Ctrl/Cmd+Shift+Space by default and summons on it', () => {
    const { registered, summon, shortcut: keys } = shortcut();
    expect(keys.set()).toBe(true);
    expect([...registered.keys()]).toEqual(['CommandOrControl+Shift+Space']);
    registered.get('CommandOrControl+Shift+Space')?.();
    expect(summon).toHaveBeenCalledOnce();
  });

  it('moves to a new accelerator, keeps the old one when the system refuses, and lets go on dispose', () => {
    const { registered, shortcut: keys } = shortcut(['Alt+Space']);
    keys.set('CommandOrControl+Shift+Space');
    expect(keys.set('CommandOrControl+Alt+K')).toBe(true);
    expect([...registered.keys()]).toEqual(['CommandOrControl+Alt+K']);
    expect(keys.set('Alt+Space')).toBe(false);
    expect(keys.set('Nonsense+')).toBe(false);
    expect(keys.accelerator()).toBe('CommandOrControl+Alt+K');
    expect([...registered.keys()]).toEqual(['CommandOrControl+Alt+K']);
    keys.dispose();
    expect(registered.size).toBe(0);
  });
});

describe('the application menu', () => {
  const flatten = (items: MenuItemTemplate[]): MenuItemTemplate[] => items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);

  it('runs the renderer commands with the renderer’s keys, and quits', () => {
    const runCommand = vi.fn();
    const quit = vi.fn();
    const items = flatten(appMenuTemplate({ platform: 'linux', runCommand, quit }));
    for (const entry of menuCommands) {
      const item = items.find((candidate) => candidate.label?.startsWith(entry.label));
      expect(item, entry.command).toBeDefined();
      expect(item?.accelerator).toBe(entry.accelerator);
      item?.click?.();
      expect(runCommand).toHaveBeenLastCalledWith(entry.command);
    }
    items.find((item) => item.label === 'Quit Support Copilot')?.click?.();
    expect(quit).toHaveBeenCalledOnce();
    // Keys without a modifier stay with the renderer, so typing is never taken by the menu.
    expect(items.filter((item) => item.accelerator && !/CommandOrControl|Alt/.test(item.accelerator))).toEqual([]);
  });

  it('uses the very keys the renderer binds by default, for commands the renderer knows', () => {
    for (const entry of menuCommands) {
      expect(isCommandId(entry.command), entry.command).toBe(true);
      const binding = defaultBindings[entry.command as CommandId];
      if ('hint' in entry) expect(entry.hint).toBe(binding);
      else expect(entry.accelerator, entry.command).toBe(binding?.replace(/^Mod\+/, 'CommandOrControl+'));
    }
  });

  it('puts quit in the app menu on macOS and in File elsewhere', () => {
    const mac = appMenuTemplate({ platform: 'darwin', runCommand() {}, quit() {} });
    expect(mac[0]?.label).toBe('Support Copilot');
    const windows = appMenuTemplate({ platform: 'win32', runCommand() {}, quit() {} });
    expect(windows[0]?.label).toBe('File');
  });
});

describe('notifications', () => {
  function notifier(options: { focused?: boolean; viewing?: string | null; enabled?: boolean } = {}) {
    const shown: { title: string; body: string }[] = [];
    const show = vi.fn();
    const notify = new ConversationNotifier({
      isSupported: () => true,
      create: (content) => {
        const notification = Object.assign(new EventEmitter(), { show: () => void shown.push(content) });
        return notification;
      },
      enabled: () => options.enabled ?? true,
      windowFocused: () => options.focused ?? true,
      viewing: () => options.viewing ?? null,
      show,
    });
    return { notify, shown, show };
  }

  const message = (conversationId: string, text: string): ConversationMessageEvent =>
    ({ conversationId, message: { id: `m-${text.length}`, direction: 'incoming', sender: 'Ada', text, createdAt: '2026-01-01T00:00:00Z', delivery: 'delivered' } }) as ConversationMessageEvent;

  it('announces a new message in another conversation without its text', () => {
    const { notify, shown } = notifier({ viewing: 'c1' });
    expect(notify.onMessage(message('c2', 'my card number is 4111 1111 1111 1111'), true)).toBe(true);
    expect(shown).toHaveLength(1);
    expect(JSON.stringify(shown)).not.toContain('4111');
    expect(notify.onMessage(message('c1', 'in view'), true)).toBe(false);
    expect(notify.onMessage(message('c2', 'seen before'), false)).toBe(false);
    expect(notifier({ enabled: false }).notify.onMessage(message('c2', 'off'), true)).toBe(false);
  });

  it('announces a suggested escalation once per conversation', () => {
    const { notify, shown } = notifier({ focused: false });
    const turn = { conversationId: 'c3', escalate: { yes: true }, customer: { name: 'Ada' } } as unknown as CopilotTurnView;
    expect(notify.onTurn(turn)).toBe(true);
    expect(notify.onTurn(turn)).toBe(false);
    expect(shown).toEqual([{ title: 'Escalation suggested', body: 'The copilot suggests escalating the conversation with Ada.' }]);
  });

  it('remembers a bounded number of seen messages', () => {
    const seen = new SeenMessages(2);
    expect(seen.firstTime('a')).toBe(true);
    expect(seen.firstTime('a')).toBe(false);
    seen.firstTime('b');
    seen.firstTime('c');
    expect(seen.firstTime('a')).toBe(true);
  });
});

describe('logs', () => {
  const customerText = 'My address is 12 Rue de Rivoli and my order 4471 never came';

  it('rotate in the data folder', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'copilot-logs-'));
    folders.push(dataDir);
    const logger = createShellLogger(dataDir, false, () => []);
    // About 6 MB of lines against the 5 MB limit: at least one rotation, never more than three old files.
    for (let index = 0; index < 40_000; index += 1) logger.info('sync page stored', { index, padding: 'x'.repeat(80) });
    const files = readdirSync(join(dataDir, 'logs')).sort();
    expect(files).toContain('copilot.log.1');
    expect(files.every((name) => /^copilot\.log(\.[123])?$/.test(name))).toBe(true);
    for (const name of files) expect(statSync(join(dataDir, 'logs', name)).size).toBeLessThan(5 * 1024 * 1024 + 1024);
  });

  it('hold neither message text nor quoted error text nor secrets with debug off, and more with debug on', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'copilot-logs-'));
    folders.push(dataDir);
    const secret = 'sk-live-abcdefghijklmnop';
    const quiet = createShellLogger(dataDir, false, () => [secret]);
    quiet.debug('message received', { text: customerText });
    quiet.error('handler failed', describeError(new Error(`could not parse "${customerText}"`), false));
    quiet.warn('llm refused', { error: `401 for key ${secret}` });
    // Core errors arrive as message strings; what a library quoted (the customer's words, a CRM body) stays out.
    quiet.error('handler failed', { method: 'copilot.turn', error: `Unexpected token in "${customerText}"` });
    quiet.warn('outbox delivery failed', { error: `400 Bad Request: {"message":"${customerText}"}\n    at deliver` });
    quiet.warn('sync failed', { error: "Couldn't reach the CRM (ECONNREFUSED)" });
    const log = readFileSync(join(dataDir, 'logs', 'copilot.log'), 'utf8');
    expect(log).toContain('"method":"copilot.turn"');
    expect(log).toContain("Couldn't reach the CRM (ECONNREFUSED)");
    expect(log).not.toContain('Rivoli');
    expect(log).not.toContain(secret);
    expect(log).toContain('[secret]');
    expect(log).toContain('"kind":"Error"');

    const debugDir = mkdtempSync(join(tmpdir(), 'copilot-logs-'));
    folders.push(debugDir);
    const verbose = createShellLogger(debugDir, true, () => [secret]);
    verbose.debug('message received', { text: customerText, key: secret });
    verbose.error('handler failed', { error: `Unexpected token in "${customerText}"` });
    const debugLog = readFileSync(join(debugDir, 'logs', 'copilot.log'), 'utf8');
    expect(debugLog).toContain('Rivoli');
    expect(debugLog).not.toContain(secret);
  });

  it('scrub secrets in their JSON-escaped form too, and ignore values too short to be keys', () => {
    const scrub = secretScrubber(() => ['p"ss\\word-123', 'ab', undefined]);
    expect(scrub(JSON.stringify({ value: 'p"ss\\word-123', other: 'ab' }))).toBe('{"value":"[secret]","other":"ab"}');
  });

  it('report an uncaught error to the window in plain words and keep the app running', () => {
    const target = new EventEmitter();
    const lines: unknown[] = [];
    const reports: unknown[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (message: string, details?: Record<string, unknown>) => void lines.push({ message, ...details }) };
    reportUncaughtErrors(target, logger, () => false, (event) => reports.push(event));
    target.emit('uncaughtException', new TypeError(`bad ${customerText}`));
    target.emit('unhandledRejection', 'a string');
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatchObject({ message: expect.stringMatching(/went wrong/), hint: expect.any(String) });
    expect(JSON.stringify(lines)).not.toContain('Rivoli');
    expect(lines[0]).toMatchObject({ message: 'uncaught exception in main', kind: 'TypeError' });
    // A window that is gone does not turn the report into a second crash.
    const failing = new EventEmitter();
    reportUncaughtErrors(failing, logger, () => false, () => {
      throw new Error('window destroyed');
    });
    expect(() => failing.emit('uncaughtException', new Error('x'))).not.toThrow();
  });
});

describe('where the renderer comes from', () => {
  it('is the built renderer over app:// in a packaged app, whatever the environment says', () => {
    const packaged = rendererLocation({ isPackaged: true, devServerUrl: 'http://localhost:5173/', mainDir: '/app/out/main' });
    expect(packaged.content).toEqual({ url: 'app://renderer/index.html' });
    expect(packaged.appUrl).toBe('app://renderer/index.html');
    expect(packaged.rendererDir).toBe(join('/app/out/main', '..', 'renderer'));
  });

  it('is the dev server in development only when it is on this machine', () => {
    expect(rendererLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173/', mainDir: '/app/out/main' }).content).toEqual({ url: 'http://localhost:5173/' });
    for (const remote of ['http://evil.example:5173/', 'https://localhost:5173/', 'http://192.168.1.5:5173/']) {
      expect(rendererLocation({ isPackaged: false, devServerUrl: remote, mainDir: '/app/out/main' }).content).toEqual({ url: 'app://renderer/index.html' });
    }
  });
});

describe('the shell probe for end-to-end tests', () => {
  it('exists only for an unpackaged app asked for it', () => {
    expect(shellProbeEnabled({ isPackaged: false, env: { COPILOT_E2E_PROBE: '1' } })).toBe(true);
    expect(shellProbeEnabled({ isPackaged: true, env: { COPILOT_E2E_PROBE: '1' } })).toBe(false);
    expect(shellProbeEnabled({ isPackaged: false, env: {} })).toBe(false);
    const target = {};
    const probe = { trayStatus: () => 'Ready' } as unknown as ShellProbe;
    exposeShellProbe(target, probe);
    expect(Object.keys(target)).toEqual([]);
    expect((target as Record<string, unknown>)[shellProbeKey]).toBe(probe);
  });
});
