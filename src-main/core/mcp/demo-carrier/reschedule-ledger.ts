import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../../files/atomic-write';

export interface Reschedule {
  idempotencyKey: string;
  trackingNumber: string;
  newDate: string;
  timeWindow: string;
  confirmation: string;
  at: string;
}

/**
 * The carrier's record of reschedules, keyed by idempotency key: a repeated key returns the first
 * answer and changes nothing. With a file it survives a restart of the server, which is what lets
 * the copilot retry after a crash without rescheduling twice.
 */
export interface RescheduleLedger {
  find(key: string): Reschedule | undefined;
  /** Records the reschedule unless the key is known; returns the stored one and whether it was new. */
  record(entry: Reschedule): { reschedule: Reschedule; created: boolean };
  all(): Reschedule[];
  latestFor(trackingNumber: string): Reschedule | undefined;
}

export function createRescheduleLedger(file?: string): RescheduleLedger {
  const entries = new Map<string, Reschedule>();
  if (file) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (Array.isArray(parsed)) for (const entry of parsed as Reschedule[]) if (typeof entry?.idempotencyKey === 'string') entries.set(entry.idempotencyKey, entry);
    } catch {
      // No ledger yet.
    }
  }
  const persist = (): void => {
    if (!file) return;
    // Written, fsynced and renamed before the answer leaves, so an acknowledged reschedule is never forgotten.
    writeFileAtomicSync(file, JSON.stringify([...entries.values()], null, 2), { mode: 0o600 });
  };
  return {
    find: (key) => entries.get(key),
    record(entry) {
      const existing = entries.get(entry.idempotencyKey);
      if (existing) return { reschedule: existing, created: false };
      entries.set(entry.idempotencyKey, entry);
      persist();
      return { reschedule: entry, created: true };
    },
    all: () => [...entries.values()],
    latestFor: (trackingNumber) => [...entries.values()].filter((entry) => entry.trackingNumber === trackingNumber).at(-1),
  };
}
