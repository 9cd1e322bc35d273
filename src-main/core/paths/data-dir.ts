import { homedir } from 'node:os';
import { join } from 'node:path';

export const productName = 'Support Copilot';

/**
 * The same folder Electron's `app.getPath('userData')` gives, so the desktop app, the web host
 * and the CLI share one cache and one index. COPILOT_DATA_DIR overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.COPILOT_DATA_DIR) return env.COPILOT_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', productName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), productName);
}
