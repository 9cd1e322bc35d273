import { desktopContentSecurityPolicy } from './content-security-policy';

type Headers = Record<string, string[] | string> | undefined;

/** The part of an Electron Session the shell hardens. */
export interface HardenableSession {
  webRequest: {
    onHeadersReceived(
      listener: (details: { responseHeaders?: Headers }, callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void) => void,
    ): void;
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of a window's WebContents the shell hardens. */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** How an external link leaves the app: only https, only after the agent confirms. */
export interface ExternalLinks {
  confirm(url: string): Promise<boolean>;
  open(url: string): Promise<void>;
}

/** CSP on every response, whatever casing the server used for its own header, and every permission denied. */
export function hardenSession(session: HardenableSession): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [desktopContentSecurityPolicy] } });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function isExternalHttpsUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Offers an https link to the system browser after confirmation; anything else goes nowhere. */
export async function openExternalLink(url: string, links: ExternalLinks): Promise<boolean> {
  if (!isExternalHttpsUrl(url)) return false;
  if (!(await links.confirm(url))) return false;
  await links.open(url);
  return true;
}

/** The window never navigates away, opens windows or attaches webviews; https links may leave for the browser. */
export function hardenContents(contents: HardenableContents, links: ExternalLinks, onError: (error: unknown) => void): void {
  const offer = (url: string): void => {
    openExternalLink(url, links).catch(onError);
  };
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    offer(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    offer(url);
    return { action: 'deny' };
  });
}
