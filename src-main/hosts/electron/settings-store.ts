import Store from 'electron-store';
import type { SettingsBacking } from './settings';
import type { DesktopSettings } from './settings-schema';

/**
 * electron-store as the settings backing, in `<folder>/settings.json`. Validation and migrations
 * are ours (zod, by schema version), not electron-store's, which keys migrations to app versions.
 */
export function electronStoreBacking(folder: string): { backing: SettingsBacking; path: string } {
  const store = new Store<Record<string, unknown>>({ name: 'settings', cwd: folder, clearInvalidConfig: false });
  return {
    path: store.path,
    backing: {
      read: () => store.store,
      write: (settings: DesktopSettings) => {
        store.store = settings;
      },
    },
  };
}
