import type { BrowserWindow, Session } from 'electron';
import { desktopContentSecurityPolicy } from './content-security-policy';

/** Applies the session-wide rules: CSP on every response and every permission request denied. */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [desktopContentSecurityPolicy] },
    });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** The window may not navigate, open windows or attach webviews. */
export function hardenWindow(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
