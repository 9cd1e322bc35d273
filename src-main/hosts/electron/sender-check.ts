/** What the IPC gate needs to know about the frame a call came from. */
export interface SenderFrameInfo {
  url: string | undefined;
  isMainFrame: boolean;
}

/**
 * Only the app's own main frame may call main: fail closed when the frame is missing,
 * has no URL, is about:blank, is a sub-frame, or was loaded from anywhere else.
 */
export function isTrustedSender(frame: SenderFrameInfo | null | undefined, appUrl: string): boolean {
  if (!frame || !frame.isMainFrame || !frame.url) return false;
  let url: URL;
  let app: URL;
  try {
    url = new URL(frame.url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  // app:// is not a special scheme to Node's URL, so its origin reads "null": compare scheme and host instead.
  if (url.protocol === 'app:') return app.protocol === 'app:' && url.host === app.host && url.host !== '';
  if (url.protocol === 'file:') return app.protocol === 'file:' && url.pathname === app.pathname;
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === app.origin;
}
