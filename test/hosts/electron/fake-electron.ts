import { EventEmitter } from 'node:events';
import { FakeIpcMain, FakeSafeStorage } from './doubles';

/**
 * Just enough of Electron's main-process modules for main.ts to start, take calls and quit in
 * plain Node: each double records what the shell asked of it.
 */

export class FakeWebContents extends EventEmitter {
  sent: unknown[][] = [];
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  visible = false;
  minimized = false;
  maximized = false;
  focused = false;

  constructor(readonly options: { width: number; height: number; show: boolean; webPreferences: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  isDestroyed(): boolean {
    return false;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 0, y: 0, width: this.options.width, height: this.options.height };
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  async loadFile(file: string): Promise<void> {
    this.loaded.push(file);
  }
}

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  isPackaged = false;
  appPath = process.cwd();
  userModelId: string | undefined;
  quitted = false;
  ready = false;
  isReadyNow(): boolean {
    return this.ready;
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/nonexistent/${name}`;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getAppPath(): string {
    return this.appPath;
  }
  setAppUserModelId(id: string): void {
    this.userModelId = id;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  whenReady(): Promise<void> {
    this.ready = true;
    return Promise.resolve();
  }
  /** As Electron does: before-quit may be prevented; otherwise the app goes. */
  quit(): void {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => void (prevented = true) });
    if (prevented) return;
    this.quitted = true;
    this.emit('will-quit');
  }
}

class FakeTray extends EventEmitter {
  static readonly all: FakeTray[] = [];
  tooltip = '';
  menu: unknown;
  destroyed = false;
  constructor(readonly icon: string) {
    super();
    FakeTray.all.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: unknown): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

class FakeNotification extends EventEmitter {
  static readonly shown: unknown[] = [];
  constructor(readonly options: unknown) {
    super();
  }
  static isSupported(): boolean {
    return true;
  }
  show(): void {
    FakeNotification.shown.push(this.options);
  }
}

type HeadersListener = (details: { responseHeaders?: Record<string, string[] | string> }, callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void) => void;

export const fake = {
  app: new FakeApp(),
  ipcMain: new FakeIpcMain(),
  safeStorage: new FakeSafeStorage(),
  registeredShortcuts: new Map<string, () => void>(),
  session: {
    headers: undefined as HeadersListener | undefined,
    permissionRequest: undefined as ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined,
    permissionCheck: undefined as ((webContents: unknown, permission: string) => boolean) | undefined,
  },
  protocol: {
    privileged: [] as unknown[],
    /** Whether the schemes were registered before the app was ready, as Electron requires. */
    registeredBeforeReady: undefined as boolean | undefined,
    handlers: new Map<string, (request: { url: string; method?: string }) => Promise<Response>>(),
  },
  applicationMenu: undefined as unknown,
  dialogs: [] as unknown[],
  opened: [] as string[],
};

export const electronModule = {
  app: fake.app,
  ipcMain: fake.ipcMain,
  safeStorage: fake.safeStorage,
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      fake.protocol.privileged.push(...schemes);
      fake.protocol.registeredBeforeReady = !fake.app.isReadyNow();
    },
    handle: (scheme: string, handler: (request: { url: string; method?: string }) => Promise<Response>) => void fake.protocol.handlers.set(scheme, handler),
  },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: (listener: HeadersListener) => void (fake.session.headers = listener) },
      setPermissionRequestHandler: (handler: typeof fake.session.permissionRequest) => void (fake.session.permissionRequest = handler),
      setPermissionCheckHandler: (handler: typeof fake.session.permissionCheck) => void (fake.session.permissionCheck = handler),
    },
  },
  globalShortcut: {
    register: (accelerator: string, callback: () => void) => {
      if (fake.registeredShortcuts.has(accelerator)) return false;
      fake.registeredShortcuts.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator: string) => void fake.registeredShortcuts.delete(accelerator),
    unregisterAll: () => fake.registeredShortcuts.clear(),
  },
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => void (fake.applicationMenu = menu),
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  dialog: {
    showMessageBox: async (options: unknown) => {
      fake.dialogs.push(options);
      return { response: 1 };
    },
  },
  shell: { openExternal: async (url: string) => void fake.opened.push(url) },
};

export { FakeNotification, FakeTray };
