import { CoreError } from '../contract/errors';
import type { Handlers } from '../contract/index';

export type DesktopHandlers = Pick<Handlers, 'desktop.settings.get' | 'desktop.settings.update' | 'desktop.viewing'>;

/**
 * What every other host answers for the desktop-only methods: the Electron shell replaces these
 * with its own (settings in electron-store, secrets in the OS keyring); the web host and the CLI
 * are configured by environment variables instead.
 */
export function createHostlessDesktopHandlers(): DesktopHandlers {
  const unavailable = (): never => {
    throw new CoreError(
      'UNAVAILABLE',
      'Settings can be changed only in the desktop app.',
      'This host reads its configuration from COPILOT_* environment variables; set them and restart it.',
    );
  };
  return {
    'desktop.settings.get': async () => unavailable(),
    'desktop.settings.update': async () => unavailable(),
    // Only the desktop app shows notifications; elsewhere knowing the open conversation changes nothing.
    'desktop.viewing': async () => ({ ok: true }),
  };
}
