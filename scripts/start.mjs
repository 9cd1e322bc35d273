// `npm start`: builds the app and opens it in Electron. Where the Electron binary cannot be
// had (it is fetched on first launch, which needs the internet), it says so and serves the
// very same app to the browser instead, opens the default browser where there is one, and
// prints the address either way, after the build output, so `npm start` always gives the agent a working copilot.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mainHeapFlags } from './main-heap-flags.mjs';
import { findAppAddress, openInBrowser } from './open-browser.mjs';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const electronDir = join('node_modules', 'electron');

function installedElectronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

// Electron fetches its binary on first launch; give that one bounded try unless told not to.
function electronBinary() {
  const installed = installedElectronBinary();
  if (installed || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return installed;
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', timeout: 180_000 });
  return installedElectronBinary();
}

process.stdout.write('Building the app…\n');
run(npm, ['run', '--silent', 'build', '--', '--logLevel', 'warn']);
const binary = electronBinary();
if (binary) {
  const child = spawn(binary, [`--js-flags=${mainHeapFlags.join(' ')}`, '.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write('\nThe Electron binary is not installed (it is downloaded on first launch, which needs the internet), so the app runs in your browser.\n\n');
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', ...mainHeapFlags, 'src-main/hosts/web/main.ts'], { stdio: ['inherit', 'pipe', 'inherit'] });
  let opened = false;
  let seen = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (opened) return;
    seen = (seen + chunk.toString('utf8')).slice(-4000);
    const address = findAppAddress(seen);
    // The host prints its address block in one write; open once that block is out.
    if (!address || !/Press Ctrl\+C/.test(seen)) return;
    opened = true;
    void openInBrowser(address).then((line) => process.stdout.write(`${line}\n`));
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
