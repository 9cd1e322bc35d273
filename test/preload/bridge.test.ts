import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CopilotBridge } from '../../src-main/core/contract/bridge';
import { ipcChannels } from '../../src-main/core/contract/index';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'from main' })),
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: Listener) => {
      const set = electron.listeners.get(channel) ?? new Set();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: Listener) => electron.listeners.get(channel)?.delete(listener),
  },
}));

function emit(name: string, payload: unknown): void {
  for (const listener of electron.listeners.get(ipcChannels.event) ?? []) listener({}, name, payload);
}

let bridge: CopilotBridge;

beforeEach(async () => {
  vi.resetModules();
  electron.exposed.clear();
  electron.listeners.clear();
  electron.invoke.mockClear();
  await import('../../src-preload/index');
  bridge = electron.exposed.get('copilot') as CopilotBridge;
});

describe('the preload bridge', () => {
  it('exposes window.copilot with exactly call and on, and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['copilot']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
  });

  it('invokes the contract channel for contract methods', async () => {
    expect(await bridge.call('app.echo', { text: 'hi' })).toEqual({ ok: true, value: 'from main' });
    expect(electron.invoke).toHaveBeenCalledWith(ipcChannels.call, 'app.echo', { text: 'hi' });
  });

  it('refuses names outside the contract without reaching main', async () => {
    for (const name of ['fs.readFile', '__proto__', 'constructor', 'toString', '']) {
      const answer = await bridge.call(name as never, {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(electron.invoke).not.toHaveBeenCalled();
  });

  it('delivers only the subscribed event, until unsubscribed', () => {
    const seen: unknown[] = [];
    const off = bridge.on('app.serviceState', (payload) => seen.push(payload));
    emit('app.serviceState', { name: 'crm', state: 'ready' });
    emit('sync.progress', { pages: 1 });
    off();
    emit('app.serviceState', { name: 'crm', state: 'offline' });
    expect(seen).toEqual([{ name: 'crm', state: 'ready' }]);
    expect(electron.listeners.get(ipcChannels.event)?.size ?? 0).toBe(0);
  });

  it('subscribes to nothing for a name outside the contract', () => {
    const listener = vi.fn();
    bridge.on('ipc.secret' as never, listener)();
    emit('ipc.secret', {});
    expect(listener).not.toHaveBeenCalled();
    expect(electron.listeners.get(ipcChannels.event)?.size ?? 0).toBe(0);
  });
});
