import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronMissingReason, installedElectronBinary } from '../../fixtures/electron-binary';

const binary = installedElectronBinary();
const appDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

if (!binary) console.warn(`Skipping the Electron launch tests: ${electronMissingReason}`);
test.skip(!binary, electronMissingReason);

test('the desktop app launches a secure window that talks to the core', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'copilot-electron-'));
  const app = await electron.launch({
    executablePath: binary,
    args: [appDir, '--no-sandbox'],
    env: { ...process.env, COPILOT_DATA_DIR: dataDir },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('app-info')).toContainText('electron host');
    const exposed = await window.evaluate(() => Object.keys((window as unknown as { copilot: object }).copilot).sort());
    expect(exposed).toEqual(['call', 'on']);
    const hasNode = await window.evaluate(() => typeof (globalThis as { require?: unknown }).require);
    expect(hasNode).toBe('undefined');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
