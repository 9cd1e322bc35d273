import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RendererLocation {
  content: { url: string } | { file: string };
  /** The origin the IPC gate accepts calls from. */
  appUrl: string;
}

/**
 * The built renderer file, or electron-vite's dev server in development. A packaged app ignores
 * ELECTRON_RENDERER_URL, so no environment variable can point it at a remote page.
 */
export function rendererLocation(options: { isPackaged: boolean; devServerUrl: string | undefined; mainDir: string }): RendererLocation {
  if (!options.isPackaged && options.devServerUrl) {
    const url = new URL(options.devServerUrl);
    const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    if (loopback && url.protocol === 'http:') return { content: { url: url.href }, appUrl: url.href };
  }
  const file = join(options.mainDir, '..', 'renderer', 'index.html');
  return { content: { file }, appUrl: pathToFileURL(file).href };
}
