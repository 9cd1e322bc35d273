import Store from 'electron-store';
import type { KeyValueFile } from './settings';

/**
 * The settings file, `<folder>/settings.json`, kept by electron-store (atomic writes, change watching).
 * Validation and migrations are ours (zod, by schema version), not electron-store's, which keys
 * migrations to app versions.
 */
export function openSettingsFile(folder: string): KeyValueFile {
  return new Store<Record<string, unknown>>({ name: 'settings', cwd: folder, clearInvalidConfig: false });
}
