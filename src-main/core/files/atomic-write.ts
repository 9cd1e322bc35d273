import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export interface AtomicWriteOptions {
  /** File mode of the new file, e.g. 0o600 for anything holding a secret or customer data. */
  mode?: number;
}

/**
 * Replaces a file so that a reader, a second writer or a crash only ever sees the old content or the new
 * one: write-file-atomic writes a uniquely named temporary file (pid, thread and a counter in its name),
 * fsyncs it, renames it over the target, and removes it if anything fails on the way.
 */
export function writeFileAtomicSync(file: string, data: string, options: AtomicWriteOptions = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic.sync(file, data, { encoding: 'utf8', fsync: true, ...(options.mode === undefined ? {} : { mode: options.mode }) });
}
