import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { WindowBounds } from '../../../src-main/hosts/electron/settings-schema';
import { secureWebPreferences } from '../../../src-main/hosts/electron/web-preferences';
import { createMainWindow, initialBounds, summon, type WindowOptions, type WindowState } from '../../../src-main/hosts/electron/window';

class FakeWindow extends EventEmitter {
  shown = false;
  focused = false;
  maximized = false;
  minimized = false;
  loaded: string[] = [];
  bounds: WindowBounds;
  constructor(readonly options: WindowOptions) {
    super();
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width, height: options.height };
  }
  show() { this.shown = true; }
  focus() { this.focused = true; }
  restore() { this.minimized = false; }
  maximize() { this.maximized = true; this.emit('maximize'); }
  isMinimized() { return this.minimized; }
  isMaximized() { return this.maximized; }
  isVisible() { return this.shown; }
  isDestroyed() { return false; }
  getNormalBounds() { return this.bounds; }
  async loadURL(url: string) { this.loaded.push(url); }
  async loadFile(file: string) { this.loaded.push(file); }
}

const screenArea: WindowBounds = { x: 0, y: 0, width: 1920, height: 1080 };

function open(saved: WindowState, content: { url: string } | { file: string } = { file: '/app/out/renderer/index.html' }) {
  const store = { state: saved, saves: 0 };
  const onFirstPaint = vi.fn();
  const harden = vi.fn();
  const window = createMainWindow({
    createWindow: (options) => new FakeWindow(options),
    webPreferences: secureWebPreferences('/app/out/preload/index.cjs'),
    workAreas: () => [screenArea],
    state: { load: () => store.state, save: (state) => { store.state = state; store.saves += 1; } },
    content,
    harden,
    onFirstPaint,
    saveDelayMs: 5,
  });
  return { window, store, onFirstPaint, harden };
}

describe('the main window', () => {
  it('is created with the secure webPreferences and hardened before anything loads', () => {
    const { window, harden } = open({ bounds: null, maximized: false });
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window.options.show).toBe(false);
    expect(harden).toHaveBeenCalledWith(window);
    expect(window.loaded).toEqual(['/app/out/renderer/index.html']);
  });

  it('shows only when ready, then lets the core start', () => {
    const { window, onFirstPaint } = open({ bounds: null, maximized: false });
    expect(window.shown).toBe(false);
    expect(onFirstPaint).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
    expect(onFirstPaint).toHaveBeenCalledOnce();
  });

  it('reopens where it was, maximised if it was, and saves bounds as they change', async () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800 };
    const { window, store } = open({ bounds: saved, maximized: true });
    expect(window.options).toMatchObject(saved);
    window.emit('ready-to-show');
    expect(window.maximized).toBe(true);
    window.maximized = false;
    window.bounds = { x: 300, y: 200, width: 1000, height: 700 };
    window.emit('unmaximize');
    window.emit('resize');
    window.emit('move');
    await vi.waitFor(() => expect(store.state).toEqual({ bounds: { x: 300, y: 200, width: 1000, height: 700 }, maximized: false }));
    const saves = store.saves;
    window.emit('close');
    expect(store.saves).toBe(saves + 1);
  });

  it('forgets bounds that are no longer on any display', () => {
    expect(initialBounds({ x: 4000, y: 100, width: 1200, height: 800 }, [screenArea])).toEqual({ width: 1400, height: 900 });
    expect(initialBounds({ x: 100, y: -500, width: 1200, height: 800 }, [screenArea])).toEqual({ width: 1400, height: 900 });
    expect(initialBounds({ x: -1000, y: 100, width: 1200, height: 800 }, [screenArea])).toEqual({ x: -1000, y: 100, width: 1200, height: 800 });
  });

  it('loads the dev server when given one, and summon restores and focuses', () => {
    const { window } = open({ bounds: null, maximized: false }, { url: 'http://localhost:5173/' });
    expect(window.loaded).toEqual(['http://localhost:5173/']);
    window.minimized = true;
    summon(window);
    expect(window.minimized).toBe(false);
    expect(window.shown).toBe(true);
    expect(window.focused).toBe(true);
  });
});
