import type { Logger } from '../../log/logger';
import type { ChunkTable } from '../store/chunk-table';
import { removeFullTextSnapshot, writeFullTextSnapshot } from './full-text-snapshot';
import type { InMemoryIndex } from './in-memory-index';

/** Writes settle this long before the snapshot is written: a sync indexes in bursts. */
const settleMs = 2_000;

/**
 * Keeps the full-text snapshot in step with the table: written a moment after the last write, between
 * writes (so table and memory agree), and on close. A snapshot that is missing or behind only costs
 * the next open a load from the table.
 */
export class SnapshotKeeper {
  private timer: NodeJS.Timeout | undefined;
  private pending = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly table: ChunkTable,
    private readonly memory: { current: InMemoryIndex },
    private readonly between: (task: () => Promise<void>) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  changed(): void {
    this.pending = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), settleMs);
    this.timer.unref();
  }

  discard(): void {
    removeFullTextSnapshot(this.file);
  }

  /** Writes the snapshot now if a write came after the last one. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending) return this.writing;
    this.pending = false;
    this.writing = this.between(async () => {
      try {
        await writeFullTextSnapshot(this.file, this.memory.current, await this.table.version());
      } catch (error) {
        this.logger.warn('full-text snapshot not written; the next open loads from the table', { error: error instanceof Error ? error.message : String(error) });
      }
    });
    return this.writing;
  }
}
