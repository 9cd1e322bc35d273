import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

/** Owner only: the folder holds customers' personal data (cache, conversation memory, logs). */
const privateDirMode = 0o700;
const privateFileMode = 0o600;

/**
 * Makes the data folder readable by its owner only, before anything is written into it: the folder
 * becomes 0700, files already there (from a version that left them 0644) become 0600, and the process
 * umask is narrowed so that every file created afterwards (SQLite's -wal and -shm files, logs, the index)
 * starts private. Windows has no POSIX modes; its profile folder is already per-user.
 */
export function preparePrivateDataDir(dir: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: privateDirMode });
  if (platform === 'win32') return;
  // umask cannot be set from a worker thread; the main thread has already set it for the process.
  if (isMainThread) process.umask(0o077);
  // A folder that is already 0700 was tightened before (or made by this version): no walk on every start.
  if ((lstatSync(dir).mode & 0o777) !== privateDirMode) tighten(dir);
}

function tighten(path: string): void {
  const stat = lstatSync(path);
  // A symlink's target may be outside the folder: leave it alone.
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== privateDirMode) chmodSync(path, privateDirMode);
    for (const entry of readdirSync(path)) tighten(join(path, entry));
  } else if (stat.isFile() && (stat.mode & 0o077) !== 0) {
    chmodSync(path, privateFileMode);
  }
}
