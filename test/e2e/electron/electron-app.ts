import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronMissingReason, installedElectronBinary } from '../../fixtures/electron-binary';
import type { ShellProbe } from '../../../src-main/hosts/electron/shell-probe';

export const appDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const electronBinary = installedElectronBinary();

/** Why the desktop app cannot be launched here, or undefined when it can. */
function whyNotLaunchable(): string | undefined {
  if (!electronBinary) return electronMissingReason;
  if (!existsSync(join(appDir, 'out', 'main', 'index.js'))) return 'The app is not built: run `npm run build` before the Electron tests.';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No display to open windows on: run the Electron tests under xvfb-run.';
  }
  return undefined;
}

export const electronSkipReason = whyNotLaunchable();
if (electronSkipReason) console.warn(`Skipping the Electron app tests: ${electronSkipReason}`);

/** The arguments and environment the app is started with; a second instance uses the same. */
export function launchOptions(dataDir: string): { executablePath: string; args: string[]; env: Record<string, string> } {
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  delete env.ELECTRON_RENDERER_URL;
  delete env.ELECTRON_RUN_AS_NODE;
  return {
    executablePath: electronBinary ?? 'electron',
    // Containers often run as root, where Chromium's OS sandbox cannot start; the renderer stays sandboxed by webPreferences.
    args: [appDir, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...env, COPILOT_DATA_DIR: dataDir, COPILOT_E2E_PROBE: '1' },
  };
}

export interface RunningApp {
  app: ElectronApplication;
  window: Page;
  dataDir: string;
  /** Calls the shell's probe (tray, shortcut) in the main process. */
  probe<K extends keyof ShellProbe>(method: K, ...args: Parameters<ShellProbe[K]>): Promise<ReturnType<ShellProbe[K]>>;
  close(): Promise<void>;
}

export async function launchApp(): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'copilot-electron-'));
  const app = await electron.launch(launchOptions(dataDir));
  const window = await app.firstWindow();
  return {
    app,
    window,
    dataDir,
    probe: (method, ...args) =>
      app.evaluate(
        (_electron, [name, values]) => {
          const probe = (globalThis as unknown as Record<string, Record<string, (...input: unknown[]) => unknown> | undefined>).__copilotShellProbe;
          if (!probe) throw new Error('The shell probe is not exposed (COPILOT_E2E_PROBE=1, unpackaged app).');
          return probe[name]!(...values);
        },
        [method, args] as [string, unknown[]],
      ) as Promise<never>,
    async close() {
      await app.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
