import type { WebPreferences } from 'electron';
import type { WindowBounds } from './settings-schema';

/** The part of a BrowserWindow the shell drives. */
export interface ShellWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close' | 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  isMinimized(): boolean;
  isMaximized(): boolean;
  isVisible(): boolean;
  isDestroyed(): boolean;
  getNormalBounds(): WindowBounds;
  loadURL(url: string): Promise<void>;
  loadFile(path: string): Promise<void>;
}

export interface WindowOptions {
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: false;
  title: string;
  icon?: string;
  backgroundColor: string;
  webPreferences: WebPreferences;
}

export interface WindowState {
  bounds: WindowBounds | null;
  maximized: boolean;
}

export interface MainWindowDeps<W extends ShellWindow> {
  createWindow(options: WindowOptions): W;
  webPreferences: WebPreferences;
  /** The work areas of the connected displays, so a window saved on a monitor since unplugged comes back on screen. */
  workAreas(): WindowBounds[];
  state: { load(): WindowState; save(state: WindowState): void };
  /** The dev server's URL in development, otherwise the built renderer file. */
  content: { url: string } | { file: string };
  icon?: string;
  /** Hardens the window before any content loads. */
  harden(window: W): void;
  /** First paint: the window is shown, then the shell starts the core's heavier services. */
  onFirstPaint(window: W): void;
  saveDelayMs?: number;
}

const defaultSize = { width: 1400, height: 900 };

function visibleOn(bounds: WindowBounds, areas: WindowBounds[]): boolean {
  // At least a 100×50 corner of the title bar must be on some display.
  return areas.some(
    (area) =>
      bounds.x + 100 <= area.x + area.width &&
      bounds.x + bounds.width - 100 >= area.x &&
      bounds.y >= area.y - 10 &&
      bounds.y + 50 <= area.y + area.height,
  );
}

/** Where the window opens: the saved bounds when they are still on a display, the default size otherwise. */
export function initialBounds(saved: WindowBounds | null, areas: WindowBounds[]): Partial<WindowBounds> & { width: number; height: number } {
  if (saved && visibleOn(saved, areas)) return saved;
  return { ...defaultSize };
}

/**
 * The one main window: hidden until its first paint, hardened before it loads anything,
 * and its size, position and maximised state saved as they change.
 */
export function createMainWindow<W extends ShellWindow>(deps: MainWindowDeps<W>): W {
  const saved = deps.state.load();
  const window = deps.createWindow({
    ...initialBounds(saved.bounds, deps.workAreas()),
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Support Copilot',
    ...(deps.icon ? { icon: deps.icon } : {}),
    backgroundColor: '#1f2430',
    webPreferences: deps.webPreferences,
  });
  deps.harden(window);

  let timer: NodeJS.Timeout | undefined;
  const saveNow = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    deps.state.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const saveSoon = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, deps.saveDelayMs ?? 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveNow);
  window.on('unmaximize', saveNow);
  window.on('close', saveNow);

  window.once('ready-to-show', () => {
    if (saved.maximized) window.maximize();
    window.show();
    deps.onFirstPaint(window);
  });
  if ('url' in deps.content) void window.loadURL(deps.content.url);
  else void window.loadFile(deps.content.file);
  return window;
}

/** Brings the window to the front, whatever state it is in (minimised, hidden to the tray, behind others). */
export function summon(window: ShellWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
