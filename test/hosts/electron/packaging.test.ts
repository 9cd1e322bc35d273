import { FuseV1Options } from '@electron/fuses';
import { PlatformPackager } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * electron-builder.yml read and validated by electron-builder itself (no Electron download, no
 * packaging), and the fuse wire it would flip computed by its own code.
 */

type Configuration = Awaited<ReturnType<typeof getConfig>>;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let config: Configuration;

function targetsOf(platform: unknown): string[] {
  const target = (platform as { target?: unknown } | null | undefined)?.target;
  const list = Array.isArray(target) ? target : [target];
  return list.map((entry: unknown) => (typeof entry === 'string' ? entry : (entry as { target: string }).target));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.yml', null);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds AppImage and deb on Linux, dmg on macOS and NSIS on Windows, with no file associations', () => {
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(config.fileAssociations).toEqual([]);
  });

  it('uses the app id main registers with the OS', () => {
    expect(config.appId).toBe('com.supportcopilot.desktop');
    expect(readFileSync(join(root, 'src-main', 'hosts', 'electron', 'main.ts'), 'utf8')).toContain(`app.setAppUserModelId('${config.appId}')`);
  });

  it('rebuilds native modules for Electron and keeps them out of the asar', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', 'node_modules/better-sqlite3/**', 'node_modules/@lancedb/**']));
  });

  it('ships the built app and resources, never sources, tests or source maps', () => {
    // electron-builder normalises the list into file sets with filters.
    const patterns = ([config.files].flat() as unknown[]).flatMap((entry) => (typeof entry === 'string' ? [entry] : ((entry as { filter?: string[] }).filter ?? [])));
    expect(patterns).toEqual(expect.arrayContaining(['out/**', 'resources/**', 'package.json', '!**/*.map', '!src-*/**', '!test/**']));
  });

  it('has icons in resources/ at the sizes each platform needs', () => {
    expect(pngSize(join(root, 'resources', 'icons', 'icon.png'))).toEqual({ width: 512, height: 512 });
    for (const size of [16, 32, 256, 512]) {
      expect(pngSize(join(root, 'resources', 'icons', `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('flips the fuses: no RunAsNode, NODE_OPTIONS, inspect or file:// privileges; cookie encryption, asar integrity and asar-only loading on', async () => {
    const generate = Reflect.get(PlatformPackager.prototype, 'generateFuseConfig') as (fuses: Configuration['electronFuses']) => Promise<Record<string, unknown>>;
    const wire = await generate.call({}, config.electronFuses);
    expect(wire).toMatchObject({
      version: '1',
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      // The renderer comes from app://, so file:// loses the extra privileges Electron gives it by default.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('is what `npm run package` uses', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.package).toBe('electron-vite build && electron-builder --config electron-builder.yml');
  });
});
