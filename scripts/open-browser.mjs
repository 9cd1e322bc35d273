// Opens an address in the default browser, where there is one: `open` on macOS, `start` on Windows,
// `xdg-open` on Linux with a display. Anywhere else (a server, a container, CI) it opens nothing and says so.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The web host's address line: `http://127.0.0.1:<port>/…`, with its per-launch token. */
export function findAppAddress(text) {
  return /https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+\/\S*/.exec(text)?.[0];
}

function onPath(command, env) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** How to open `url` here, or why not: `{ command, args }` or `{ reason }`. */
export function browserCommand(url, platform = process.platform, env = process.env, has = (command) => onPath(command, env)) {
  if (env.BROWSER === 'none' || env.COPILOT_NO_BROWSER === '1' || env.CI) return { reason: 'opening a browser is switched off here' };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start`'s first quoted argument is the window title; `^&` keeps cmd from splitting the address.
  if (platform === 'win32') return { command: 'cmd', args: ['/d', '/s', '/c', `start "" "${url.replace(/&/g, '^&')}"`], verbatim: true };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { reason: 'there is no display here' };
  if (!has('xdg-open')) return { reason: 'xdg-open is not installed' };
  return { command: 'xdg-open', args: [url] };
}

/** Resolves with a line for the terminal: what was opened, or what to do instead. */
export function openInBrowser(url) {
  const how = browserCommand(url);
  const manual = 'Open the address above in your browser.';
  if (!how.command) return Promise.resolve(`No browser opened (${how.reason}). ${manual}`);
  return new Promise((resolve) => {
    const child = spawn(how.command, how.args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: Boolean(how.verbatim) });
    child.once('error', () => resolve(`The default browser could not be started. ${manual}`));
    child.once('spawn', () => {
      child.unref();
      resolve('Opened it in your default browser.');
    });
  });
}
