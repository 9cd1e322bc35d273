/**
 * What end-to-end tests read from the running shell where Electron has no API to look: the tray's
 * status and menu, and the summon shortcut's action (a test cannot press a system-wide key).
 * Exposed on main's global only for an unpackaged app started with COPILOT_E2E_PROBE=1; the
 * renderer cannot reach main's global, and a packaged app never exposes it.
 */
export interface ShellProbe {
  trayStatus(): string;
  trayMenu(): string[];
  /** Clicks a tray menu item by its label; false when there is none. */
  clickTrayItem(label: string): boolean;
  /** The accelerator the summon shortcut holds now. */
  shortcut(): string | undefined;
  /** Runs what the global shortcut runs. */
  pressShortcut(): void;
}

export const shellProbeKey = '__copilotShellProbe';

export function shellProbeEnabled(options: { isPackaged: boolean; env: NodeJS.ProcessEnv }): boolean {
  return !options.isPackaged && options.env.COPILOT_E2E_PROBE === '1';
}

export function exposeShellProbe(target: object, probe: ShellProbe): void {
  Object.defineProperty(target, shellProbeKey, { value: probe, configurable: true });
}
