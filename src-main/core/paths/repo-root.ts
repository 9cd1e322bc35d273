import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json and resources/, found by walking up from this file,
 * so it works from sources (tsx), from the built bundle (out/main) and from tests alike.
 */
export function repoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the app folder above ${from}`);
    dir = parent;
  }
}

export function resourcesDir(): string {
  return join(repoRoot(), 'resources');
}
