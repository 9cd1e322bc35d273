import { fileURLToPath } from 'node:url';
import { serveCarrierOverStdio } from './serve-stdio';

/**
 * The demo carrier's own entry point: the core spawns this file, not the whole CLI, so the child
 * starts in a fraction of a second instead of loading every module the CLI knows.
 */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--ledger');
  serveCarrierOverStdio(at > 0 ? process.argv[at + 1] : undefined).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
