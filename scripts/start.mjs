// `npm start`: builds the app and opens it in Electron. Where the Electron binary cannot be
// had (it is fetched on first launch, which needs the internet), it says so and serves the
// very same app to the browser instead, so `npm start` always gives the agent a working copilot.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
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

run(npm, ['run', '--silent', 'build']);
const binary = electronBinary();
if (binary) {
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    '\nThe Electron binary is not installed (it is downloaded on first launch, which needs the internet).\n' +
      'Opening the same app in your browser instead.\n\n',
  );
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src-main/hosts/web/main.ts'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
