import { app, BrowserWindow, dialog, globalShortcut, ipcMain, Menu, Notification, protocol, safeStorage, screen, session, shell, Tray } from 'electron';
import { join } from 'node:path';
import type { CopilotTurnView } from '../../core/contract/copilot';
import type { EventName, EventPayload } from '../../core/contract/index';
import type { Core } from '../../core/core';
import type { Logger } from '../../core/log/logger';
import { preparePrivateDataDir } from '../../core/paths/private-data-dir';
import { appScheme, appSchemePrivileges, createAppProtocolHandler } from './app-protocol';
import { consentDialog, externalLinkDialog, launchConsentDialog } from './dialogs';
import { createDesktopHandlers, ViewingState } from './desktop-handlers';
import { forwardEvents, registerContractHandler, sendEvent } from './ipc';
import { createShellLogger, describeError, reportUncaughtErrors } from './logging';
import { appMenuTemplate } from './menu';
import { ConversationNotifier, SeenMessages } from './notifications';
import { rendererLocation } from './renderer-location';
import { hardenContents, hardenSession } from './security';
import { coreConfigFromSettings, DesktopSettingsService, keyValueBacking } from './settings';
import type { DesktopSettings } from './settings-schema';
import { openSettingsFile } from './settings-store';
import { jsonSecretBlobFile, SafeStorageSecretStore } from './secrets';
import { SummonShortcut } from './shortcut';
import { StatusTray } from './tray';
import { exposeShellProbe, shellProbeEnabled } from './shell-probe';
import { secureWebPreferences } from './web-preferences';
import { createMainWindow, summon } from './window';

// The one file that touches Electron's modules; everything it wires takes them as parameters, so tests use doubles.

const dataDir = process.env.COPILOT_DATA_DIR ?? app.getPath('userData');
preparePrivateDataDir(dataDir);
// Chromium's own state, and with it the single-instance lock, follows the data folder.
app.setPath('userData', dataDir);
app.setAppUserModelId('com.supportcopilot.desktop');

const renderer = rendererLocation({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL, mainDir: __dirname });
// Must happen before the app is ready: app:// becomes a standard, secure origin for the renderer.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
const iconPath = join(app.getAppPath(), 'resources', 'icons', process.platform === 'win32' ? '256x256.png' : '32x32.png');

let mainWindow: BrowserWindow | undefined;
// Resolved when the window has painted: the core, and with it LangGraph, the LLM client and LanceDB, loads after.
let painted: () => void = () => undefined;
const firstPaint = new Promise<void>((resolve) => {
  painted = resolve;
});
let corePromise: Promise<Core> | undefined;
let detachCore: (() => void) | undefined;

let debugLogging = false;
// Known secret values, scrubbed from every log line; refreshed when settings change rather than decrypted per line.
let secretValues: (string | undefined)[] = [];
let fileLogger: Logger = createShellLogger(dataDir, false, () => secretValues);
// A stable logger whose file logger is swapped when debug logging is switched on or off.
const logger: Logger = {
  debug: (message, details) => fileLogger.debug(message, details),
  info: (message, details) => fileLogger.info(message, details),
  warn: (message, details) => fileLogger.warn(message, details),
  error: (message, details) => fileLogger.error(message, details),
};

// The window's contents as an event target that follows the window, should it be closed and opened again (macOS).
const windowTarget = {
  isDestroyed: () => !mainWindow || mainWindow.webContents.isDestroyed(),
  send: (channel: string, ...args: unknown[]) => mainWindow?.webContents.send(channel, ...args),
};

function toWindow<E extends EventName>(name: E, payload: EventPayload<E>): void {
  sendEvent(windowTarget, name, payload);
}

// Set once the shell has started; opens the main window again after it was closed (macOS keeps the app running).
let openWindow: (() => BrowserWindow) | undefined;

function showWindow(): void {
  if (mainWindow) summon(mainWindow);
  else if (openWindow) mainWindow = openWindow();
}

function runCommand(command: string): void {
  showWindow();
  toWindow('app.command', { command });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  reportUncaughtErrors(process, logger, () => debugLogging, (event) => toWindow('app.error', event));
  app.whenReady().then(startShell, (error: unknown) => logger.error('electron failed to start', describeError(error, debugLogging)));
}

async function startShell(): Promise<void> {
  hardenSession(session.defaultSession);
  // The renderer comes from out/renderer through this handler only, with the CSP as a response header.
  protocol.handle(appScheme, createAppProtocolHandler(renderer.rendererDir));
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, externalLinkDialog(dialog, shell), (error) => logger.error('external link failed', describeError(error, debugLogging)));
  });

  // Secrets are needed to open the settings (old versions kept keys in them), and consent is kept in the settings.
  const opened: { settings?: DesktopSettingsService } = {};
  let consentBeforeSettings = false;
  const secrets = new SafeStorageSecretStore({
    safeStorage,
    file: jsonSecretBlobFile(join(dataDir, 'secrets.json')),
    platform: process.platform,
    consent: {
      given: () => consentBeforeSettings || (opened.settings?.get().secretStorage.plainTextConsent ?? false),
      record: () => {
        consentBeforeSettings = true;
        opened.settings?.update((draft) => {
          draft.secretStorage.plainTextConsent = true;
        });
      },
      ask: () => consentDialog(dialog),
    },
  });
  const refreshSecretValues = (): void => {
    secretValues = [secrets.get('llmApiKey'), secrets.get('crmToken'), secrets.get('embeddingsApiKey')];
  };
  refreshSecretValues();
  const settings = await DesktopSettingsService.open(keyValueBacking(openSettingsFile(dataDir)), secrets, logger);
  // Consent given while migrating plain-text secrets of an older version, before settings existed.
  if (consentBeforeSettings) {
    settings.update((draft) => {
      draft.secretStorage.plainTextConsent = true;
    });
  }
  opened.settings = settings;
  const openSettings = settings;
  applyDebug(openSettings.get());

  const viewing = new ViewingState();
  const notifier = new ConversationNotifier({
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    enabled: () => openSettings.get().notifications,
    windowFocused: () => mainWindow?.isFocused() ?? false,
    viewing: () => viewing.conversationId,
    show: showWindow,
  });
  const seen = new SeenMessages();
  const tray = new StatusTray({
    tray: new Tray(iconPath),
    buildMenu: (template) => Menu.buildFromTemplate(template as Electron.MenuItemConstructorOptions[]),
    show: showWindow,
    quit: () => app.quit(),
  });
  const summonWithSearch = (): void => runCommand('knowledge.focusSearch');
  const shortcut = new SummonShortcut({ globalShortcut, summon: summonWithSearch });
  const applyShortcut = (accelerator: string): void => {
    if (shortcut.set(accelerator)) return;
    logger.warn('global shortcut refused', { accelerator });
    toWindow('app.error', {
      message: `The shortcut ${accelerator} could not be registered; another app may be using it.`,
      hint: 'Choose another shortcut in Settings.',
    });
  };

  const startCore = (): Promise<Core> =>
    (corePromise ??= (async () => {
      await firstPaint;
      // A separate chunk: its imports (LangGraph, LangChain, LanceDB, better-sqlite3) are not read before this line.
      const { createCore } = await import('../../core/core');
      // The keyring-backed store keeps the MCP servers' tokens too.
      const core = await createCore(coreConfigFromSettings(openSettings.get(), secrets, dataDir), { logger, secrets, launchConsent: launchConsentDialog(dialog) });
      const offForward = forwardEvents(core.events, windowTarget);
      const offTray = core.events.on('app.serviceState', (event) => tray.update(event));
      const offMessages = core.events.on('conversation.message', (event) => notifier.onMessage(event, seen.firstTime(event.message.id)));
      detachCore = () => {
        offForward();
        offTray();
        offMessages();
      };
      await core.start();
      return core;
    })());

  let lastCoreConfig = JSON.stringify(coreConfigFromSettings(openSettings.get(), secrets, dataDir));
  const onChanged = (next: DesktopSettings): void => {
    refreshSecretValues();
    applyDebug(next);
    applyShortcut(next.globalShortcut);
    const config = JSON.stringify(coreConfigFromSettings(next, secrets, dataDir));
    if (config === lastCoreConfig) return;
    lastCoreConfig = config;
    // Answer the renderer first, then swap the core for one with the new configuration.
    setImmediate(() => void restartCore(startCore));
  };
  const desktopHandlers = createDesktopHandlers({ settings: openSettings, secrets, viewing, onChanged });

  registerContractHandler(ipcMain, {
    handlers: async () => ({ ...(await startCore()).handlers, ...desktopHandlers }),
    appUrl: () => renderer.appUrl,
    logger,
    observe: (method, value) => {
      if (method === 'copilot.turn' || method === 'copilot.decide') notifier.onTurn(value as CopilotTurnView);
    },
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, runCommand, quit: () => app.quit() }) as Electron.MenuItemConstructorOptions[]));

  const createWindow = (): BrowserWindow => {
    const window = createMainWindow({
      createWindow: (options) => new BrowserWindow(options),
      webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
      workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
      state: {
        load: () => openSettings.get().window,
        save: (state) =>
          openSettings.update((draft) => {
            draft.window = state;
          }),
      },
      content: renderer.content,
      icon: iconPath,
      harden: () => undefined,
      // The window paints first; the core (CRM cache, index, copilot) is loaded and started after.
      onFirstPaint: () => {
        painted();
        void startCore().catch((error: unknown) => logger.error('core failed to start', describeError(error, debugLogging)));
      },
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = undefined;
    });
    return window;
  };
  openWindow = createWindow;
  mainWindow = createWindow();
  applyShortcut(openSettings.get().globalShortcut);
  if (shellProbeEnabled({ isPackaged: app.isPackaged, env: process.env })) {
    exposeShellProbe(globalThis, {
      trayStatus: () => tray.status(),
      trayMenu: () => tray.menu().flatMap((item) => (item.label ? [item.label] : [])),
      clickTrayItem: (label) => {
        const item = tray.menu().find((entry) => entry.label === label);
        item?.click?.();
        return Boolean(item?.click);
      },
      shortcut: () => shortcut.accelerator(),
      pressShortcut: summonWithSearch,
    });
  }

  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    shortcut.dispose();
    tray.destroy();
    void shutdownCore().finally(() => app.quit());
  });
}

function applyDebug(settings: DesktopSettings): void {
  if (settings.debugLogging === debugLogging) return;
  debugLogging = settings.debugLogging;
  fileLogger = createShellLogger(dataDir, debugLogging, () => secretValues);
}

async function shutdownCore(): Promise<void> {
  const previous = corePromise;
  corePromise = undefined;
  detachCore?.();
  detachCore = undefined;
  if (previous) await (await previous).dispose();
}

async function restartCore(start: () => Promise<Core>): Promise<void> {
  try {
    await shutdownCore();
    await start();
  } catch (error) {
    logger.error('core restart failed', describeError(error, debugLogging));
    toWindow('app.error', { message: 'The new settings could not be applied.', hint: 'Check the CRM and model addresses in Settings, then restart the app.' });
  }
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => globalShortcut.unregisterAll());
