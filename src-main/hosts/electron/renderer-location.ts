import { join } from 'node:path';
import { appEntryUrl } from './app-protocol';

export interface RendererLocation {
  content: { url: string } | { file: string };
  /** The origin the IPC gate accepts calls from. */
  appUrl: string;
  /** The built renderer, which the app:// handler serves. */
  rendererDir: string;
}

/**
 * The built renderer over app:// (a secure origin whose responses carry the CSP header), or
 * electron-vite's dev server in development. A packaged app ignores ELECTRON_RENDERER_URL, so no
 * environment variable can point it at a remote page.
 */
export function rendererLocation(options: { isPackaged: boolean; devServerUrl: string | undefined; mainDir: string }): RendererLocation {
  const rendererDir = join(options.mainDir, '..', 'renderer');
  if (!options.isPackaged && options.devServerUrl) {
    const url = new URL(options.devServerUrl);
    const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    if (loopback && url.protocol === 'http:') return { content: { url: url.href }, appUrl: url.href, rendererDir };
  }
  return { content: { url: appEntryUrl }, appUrl: appEntryUrl, rendererDir };
}
