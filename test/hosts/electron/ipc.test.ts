import { describe, expect, it, vi } from 'vitest';
import { ipcChannels, type Handlers } from '../../../src-main/core/contract/index';
import { EventBus } from '../../../src-main/core/events/event-bus';
import { forwardEvents, registerContractHandler } from '../../../src-main/hosts/electron/ipc';
import { isTrustedSender } from '../../../src-main/hosts/electron/sender-check';
import { FakeContents, FakeIpcMain, frame } from './doubles';

const appUrl = 'file:///opt/Support%20Copilot/resources/app.asar/out/renderer/index.html';

function gate(url = appUrl) {
  const echo = vi.fn(async ({ text }: { text: string }) => ({ text, receivedAt: 'now' }));
  const handlers = { 'app.echo': echo } as unknown as Handlers;
  const ipcMain = new FakeIpcMain();
  const logger = { error: vi.fn(), warn: vi.fn() };
  const observe = vi.fn();
  registerContractHandler(ipcMain, { handlers: async () => handlers, appUrl: () => url, logger, observe });
  const call = (event: unknown, method: unknown = 'app.echo', input: unknown = { text: 'hi' }) => ipcMain.invoke(ipcChannels.call, event, method, input);
  return { call, echo, logger, observe, ipcMain };
}

describe('the IPC gate', () => {
  it('answers the app main frame through the contract', async () => {
    const { call, echo, observe } = gate();
    expect(await call({ senderFrame: frame(appUrl) })).toEqual({ ok: true, value: { text: 'hi', receivedAt: 'now' } });
    expect(echo).toHaveBeenCalledOnce();
    expect(observe).toHaveBeenCalledWith('app.echo', { text: 'hi', receivedAt: 'now' });
    // Still validated: bad input never reaches the handler.
    expect(await call({ senderFrame: frame(appUrl) }, 'app.echo', { text: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call({ senderFrame: frame(appUrl) }, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(echo).toHaveBeenCalledOnce();
  });

  it.each([
    ['a foreign origin', { senderFrame: frame('https://evil.example/index.html') }],
    ['an about:blank frame', { senderFrame: frame('about:blank') }],
    ['a missing frame', { senderFrame: null }],
    ['no frame property at all', {}],
    ['a destroyed frame', { senderFrame: frame(appUrl, { destroyed: true }) }],
    ['a frame without a URL', { senderFrame: frame(undefined) }],
    ['an empty URL', { senderFrame: frame('') }],
    ['a sub-frame of the app', { senderFrame: frame(appUrl, { parent: {} }) }],
    ['another local file', { senderFrame: frame('file:///tmp/evil.html') }],
    ['a data URL', { senderFrame: frame('data:text/html,<script>1</script>') }],
  ])('refuses %s without running any handler', async (_name, event) => {
    const { call, echo, logger } = gate();
    expect(await call(event)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(echo).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledOnce();
  });

  it('accepts the dev server origin only in development', async () => {
    const dev = gate('http://localhost:5173/');
    expect(await dev.call({ senderFrame: frame('http://localhost:5173/') })).toMatchObject({ ok: true });
    expect(await dev.call({ senderFrame: frame('http://localhost:5174/') })).toMatchObject({ ok: false });
    expect(await dev.call({ senderFrame: frame('http://127.0.0.1:5173/') })).toMatchObject({ ok: false });
    const production = gate();
    expect(await production.call({ senderFrame: frame('http://localhost:5173/') })).toMatchObject({ ok: false });
  });

  it('registers one handler and removes it', () => {
    const ipcMain = new FakeIpcMain();
    const off = registerContractHandler(ipcMain, { handlers: async () => ({}) as Handlers, appUrl: () => appUrl, logger: { error() {}, warn() {} } });
    expect([...ipcMain.handlers.keys()]).toEqual([ipcChannels.call]);
    off();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('the sender check', () => {
  it('fails closed on unparsable URLs', () => {
    expect(isTrustedSender({ url: 'not a url', isMainFrame: true }, appUrl)).toBe(false);
    expect(isTrustedSender({ url: appUrl, isMainFrame: true }, 'not a url')).toBe(false);
    expect(isTrustedSender({ url: `${appUrl}#/settings`, isMainFrame: true }, appUrl)).toBe(true);
  });
});

describe('core events to the window', () => {
  it('forwards every core event on the event channel until unsubscribed or the window is gone', () => {
    const bus = new EventBus();
    const contents = new FakeContents();
    const off = forwardEvents(bus, contents);
    bus.emit('app.serviceState', { name: 'crm', state: 'ready' });
    expect(contents.sent).toEqual([[ipcChannels.event, 'app.serviceState', { name: 'crm', state: 'ready' }]]);
    contents.destroyed = true;
    bus.emit('app.serviceState', { name: 'crm', state: 'offline' });
    contents.destroyed = false;
    off();
    bus.emit('app.serviceState', { name: 'crm', state: 'error' });
    expect(contents.sent).toHaveLength(1);
  });
});
