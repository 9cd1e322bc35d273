import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/core/log/logger';
import { migrateSettings } from '../../../src-main/hosts/electron/settings-migrations';
import { coreConfigFromSettings, DesktopSettingsService, keyValueBacking } from '../../../src-main/hosts/electron/settings';
import { currentSettingsVersion, defaultDesktopSettings } from '../../../src-main/hosts/electron/settings-schema';
import { SafeStorageSecretStore } from '../../../src-main/hosts/electron/secrets';
import { FakeConsent, FakeSafeStorage, MemoryBlobFile } from './doubles';

/**
 * electron-store is conf with Electron's app folder as the default location; it loads electron,
 * which cannot run here, so the tests use conf itself with the same options the app passes.
 */
function settingsFile(dir: string) {
  const file = new Conf<Record<string, unknown>>({ configName: 'settings', cwd: dir, clearInvalidConfig: false });
  return { backing: keyValueBacking(file), path: file.path };
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'copilot-settings-'));
  folders.push(path);
  return path;
}

function secretStore() {
  return new SafeStorageSecretStore({ safeStorage: new FakeSafeStorage(), file: new MemoryBlobFile(), platform: 'linux', consent: new FakeConsent(false) });
}

const version1 = {
  crmUrl: 'https://api.hubapi.com',
  crmToken: 'pat-na1-legacy-plaintext-0001',
  llmBaseUrl: 'http://127.0.0.1:11434/v1',
  llmModel: 'llama3.1',
  llmApiKey: 'sk-legacy-plaintext-0002',
  shortcut: 'Alt+Space',
  windowBounds: { x: 10, y: 20, width: 1300, height: 850 },
  maximized: true,
  debug: false,
};

describe('desktop settings in electron-store', () => {
  it('migrates a version 1 file: values kept, plain-text keys moved into the secret store and out of the file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(version1));
    const secrets = secretStore();
    const { backing, path } = settingsFile(dir);
    const settings = await DesktopSettingsService.open(backing, secrets, silentLogger);

    expect(settings.get()).toEqual({
      ...defaultDesktopSettings(),
      crm: { url: 'https://api.hubapi.com', syncIntervalSeconds: 60 },
      llm: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1' },
      globalShortcut: 'Alt+Space',
      window: { bounds: { x: 10, y: 20, width: 1300, height: 850 }, maximized: true },
    });
    expect(secrets.get('crmToken')).toBe(version1.crmToken);
    expect(secrets.get('llmApiKey')).toBe(version1.llmApiKey);
    const onDisk = readFileSync(path, 'utf8');
    expect(JSON.parse(onDisk)).toMatchObject({ schemaVersion: currentSettingsVersion });
    expect(onDisk).not.toContain(version1.crmToken);
    expect(onDisk).not.toContain(version1.llmApiKey);

    // Reopening finds the current version and changes nothing.
    const again = await DesktopSettingsService.open(settingsFile(dir).backing, secrets, silentLogger);
    expect(again.get()).toEqual(settings.get());
  });

  it('migrates version 2, filling what it lacked with defaults', () => {
    const result = migrateSettings({
      schemaVersion: 2,
      crm: { url: 'https://crm.example.com' },
      llm: null,
      debugLogging: true,
      window: { maximized: false },
    });
    expect(result.reset).toBe(false);
    expect(result.fromVersion).toBe(2);
    expect(result.legacySecrets).toEqual({});
    expect(result.settings).toEqual({ ...defaultDesktopSettings(), crm: { url: 'https://crm.example.com', syncIntervalSeconds: 60 }, debugLogging: true });
  });

  it('starts from defaults on an empty or broken file and drops fields a newer version added', () => {
    expect(migrateSettings({})).toMatchObject({ reset: false, fromVersion: 0, settings: defaultDesktopSettings() });
    expect(migrateSettings({ schemaVersion: 2, crm: 'nonsense' })).toMatchObject({ reset: true, settings: defaultDesktopSettings() });
    expect(migrateSettings({ schemaVersion: 3, crm: { url: 'not a url', syncIntervalSeconds: 60 } })).toMatchObject({ reset: true });
    const newer = migrateSettings({ ...defaultDesktopSettings(), schemaVersion: 9, notifications: false, aiPersona: 'friendly' });
    expect(newer.reset).toBe(false);
    expect(newer.settings).toEqual({ ...defaultDesktopSettings(), notifications: false });
  });

  it('validates every update before it reaches the file', async () => {
    const dir = folder();
    const { backing, path } = settingsFile(dir);
    const settings = await DesktopSettingsService.open(backing, secretStore(), silentLogger);
    expect(() =>
      settings.update((draft) => {
        draft.crm = { url: 'javascript-not-a-url', syncIntervalSeconds: 60 };
      }),
    ).toThrow();
    expect(settings.get().crm).toBeNull();
    settings.update((draft) => {
      draft.notifications = false;
    });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ notifications: false, crm: null });
  });

  it('gives the core the demo workspace when nothing is configured, and decrypted secrets when it is', async () => {
    const secrets = secretStore();
    expect(coreConfigFromSettings(defaultDesktopSettings(), secrets, '/data')).toMatchObject({ dataDir: '/data', host: 'electron' });
    expect(coreConfigFromSettings(defaultDesktopSettings(), secrets, '/data')).not.toHaveProperty('crm');
    await secrets.set('crmToken', 'pat-xyz');
    const config = coreConfigFromSettings({ ...defaultDesktopSettings(), crm: { url: 'https://crm.example.com', syncIntervalSeconds: 30 } }, secrets, '/data');
    expect(config.crm).toEqual({ url: 'https://crm.example.com', syncIntervalSeconds: 30, token: 'pat-xyz' });
  });
});
