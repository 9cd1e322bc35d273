import { app, BrowserWindow, ipcMain, session } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from '../../core/core';
import { forwardEvents, registerContractHandler } from './ipc';
import { hardenSession, hardenWindow } from './security';
import { secureWebPreferences } from './web-preferences';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(__dirname, '../renderer/index.html');
const appUrl = (): string => devServerUrl ?? pathToFileURL(rendererFile).href;

let mainWindow: BrowserWindow | undefined;
let corePromise: Promise<Core> | undefined;

function startCore(): Promise<Core> {
  if (!corePromise) {
    const dataDir = process.env.COPILOT_DATA_DIR ?? app.getPath('userData');
    mkdirSync(dataDir, { recursive: true });
    corePromise = createCore({ dataDir, host: 'electron' });
  }
  return corePromise;
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Support Copilot',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  hardenWindow(window);
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererFile);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    registerContractHandler(ipcMain, startCore, appUrl);
    mainWindow = createWindow();
    // The window paints first; the core's heavier services start after.
    const core = await startCore();
    forwardEvents(core, mainWindow.webContents);
    await core.start();
  });

  app.on('window-all-closed', () => {
    void corePromise?.then((core) => core.dispose()).finally(() => app.quit());
  });
}
