import type { RunnableConfig } from '@langchain/core/runnables';
import { WRITES_IDX_MAP, type Checkpoint, type CheckpointMetadata, type CheckpointTuple, type PendingWrite } from '@langchain/langgraph-checkpoint';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import type Database from 'better-sqlite3';
import { FastJsonSerializer } from './fast-serde';

interface CheckpointRow {
  checkpoint_id: string;
  parent_checkpoint_id: string | null;
  type: string | null;
  checkpoint: Buffer;
  metadata: Buffer;
}

interface WriteRow {
  task_id: string;
  channel: string;
  type: string | null;
  value: Buffer | null;
}

type WriteParams = [string, string, string, string, number, string, string, Uint8Array];

interface Statements {
  latest: Database.Statement<[string, string], CheckpointRow>;
  byId: Database.Statement<[string, string, string], CheckpointRow>;
  writesOf: Database.Statement<[string, string, string], WriteRow>;
  insertCheckpoint: Database.Statement<[string, string, string, string | undefined, string, Uint8Array, Uint8Array]>;
  replaceWrites: (rows: WriteParams[]) => void;
  keepWrites: (rows: WriteParams[]) => void;
}

const CHECKPOINT_COLUMNS = 'checkpoint_id, parent_checkpoint_id, type, checkpoint, metadata';

/**
 * The copilot's checkpointer: SqliteSaver's tables and row format, so a file written by SqliteSaver (a
 * conversation in flight, an approval waiting) reads here unchanged, and the other way round.
 *
 * What a turn pays for instead of SqliteSaver's costs:
 * - the latest checkpoint is one index seek on the primary key, and its pending writes a second seek; no
 *   json_group_array round trip through SQL text, and no sub-select of the parent's writes (only pre-v4
 *   checkpoints need those, and they still get them through SqliteSaver's migration);
 * - statements are prepared once, not on every put;
 * - the serializer parses with native JSON instead of an await per node (see FastJsonSerializer);
 * - its connection (openCheckpointSaver) commits with `synchronous = NORMAL` under WAL: a commit survives the app
 *   crashing, and only a power cut can take back the last turns' checkpoints, never corrupt the file. A turn lost
 *   that way loses its suggestions, not data: the customer's message lives in the conversation store, and a decision
 *   lives in `approvals`, committed with its outbox rows.
 */
export class TurnCheckpointer extends SqliteSaver {
  private statements?: Statements;
  private readonly fast: FastJsonSerializer;

  constructor(db: Database.Database) {
    const serde = new FastJsonSerializer();
    super(db, serde);
    this.fast = serde;
  }

  protected override setup(): void {
    if (this.statements) return;
    super.setup();
    const insertWrite = (conflict: 'REPLACE' | 'IGNORE') => {
      const statement = this.db.prepare<WriteParams>(
        `INSERT OR ${conflict} INTO writes (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, type, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      return this.db.transaction((rows: WriteParams[]) => {
        for (const row of rows) statement.run(...row);
      });
    };
    this.statements = {
      latest: this.db.prepare(`SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints WHERE thread_id = ? AND checkpoint_ns = ? ORDER BY checkpoint_id DESC LIMIT 1`),
      byId: this.db.prepare(`SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints WHERE thread_id = ? AND checkpoint_ns = ? AND checkpoint_id = ?`),
      // Writes of one checkpoint in task order, as BaseCheckpointSaver asks of writes stored without a task path.
      writesOf: this.db.prepare(`SELECT task_id, channel, type, value FROM writes WHERE thread_id = ? AND checkpoint_ns = ? AND checkpoint_id = ? ORDER BY task_id, idx`),
      insertCheckpoint: this.db.prepare(
        'INSERT OR REPLACE INTO checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, type, checkpoint, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      replaceWrites: insertWrite('REPLACE'),
      keepWrites: insertWrite('IGNORE'),
    };
  }

  private prepared(): Statements {
    this.setup();
    if (!this.statements) throw new Error('The checkpoint database is not set up.');
    return this.statements;
  }

  override async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const statements = this.prepared();
    const { thread_id: threadId, checkpoint_ns: namespace = '', checkpoint_id: checkpointId } = (config.configurable ?? {}) as {
      thread_id?: string;
      checkpoint_ns?: string;
      checkpoint_id?: string;
    };
    if (threadId === undefined) throw new Error('Missing thread_id or checkpoint_id');
    const row = checkpointId ? statements.byId.get(threadId, namespace, checkpointId) : statements.latest.get(threadId, namespace);
    if (!row) return undefined;
    const finalConfig: RunnableConfig = checkpointId ? config : { configurable: { thread_id: threadId, checkpoint_ns: namespace, checkpoint_id: row.checkpoint_id } };
    const writes = statements.writesOf.all(threadId, namespace, row.checkpoint_id);
    const pendingWrites = await Promise.all(
      writes.map(async (write): Promise<[string, string, unknown]> => [write.task_id, write.channel, await this.serde.loadsTyped(write.type ?? 'json', write.value ?? '')]),
    );
    const type = row.type ?? 'json';
    const checkpoint = (await this.serde.loadsTyped(type, row.checkpoint)) as Checkpoint;
    if (checkpoint.v < 4 && row.parent_checkpoint_id != null) await this.migratePendingSends(checkpoint, threadId, row.parent_checkpoint_id);
    return {
      checkpoint,
      config: finalConfig,
      metadata: (await this.serde.loadsTyped(type, row.metadata)) as CheckpointMetadata,
      parentConfig: row.parent_checkpoint_id ? { configurable: { thread_id: threadId, checkpoint_ns: namespace, checkpoint_id: row.parent_checkpoint_id } } : undefined,
      pendingWrites,
    };
  }

  override async put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata): Promise<RunnableConfig> {
    const statements = this.prepared();
    const configurable = config.configurable as { thread_id?: string; checkpoint_ns?: string; checkpoint_id?: string } | undefined;
    if (!configurable) throw new Error('Empty configuration supplied.');
    const threadId = configurable.thread_id;
    const namespace = configurable.checkpoint_ns ?? '';
    if (!threadId) throw new Error('Missing "thread_id" field in passed "config.configurable".');
    const fields = (channelValues: Checkpoint['channel_values'], channelVersions: Checkpoint['channel_versions']): Checkpoint => ({
      v: checkpoint.v,
      id: checkpoint.id,
      ts: checkpoint.ts,
      channel_values: channelValues,
      channel_versions: channelVersions,
      versions_seen: checkpoint.versions_seen ?? {},
    });
    // Encoded at once where native JSON can, with no promise in between: nothing else runs inside the put, and
    // nothing can change the values before they are written, so they need no copy. Otherwise the same shallow
    // copy SqliteSaver stores goes the async upstream way. Either way, what is on disk does not depend on the saver.
    const [checkpointType, checkpointBytes] =
      this.fast.dumpsTypedSync(fields(checkpoint.channel_values ?? {}, checkpoint.channel_versions ?? {})) ??
      (await this.serde.dumpsTyped(fields({ ...(checkpoint.channel_values ?? {}) }, { ...(checkpoint.channel_versions ?? {}) })));
    const [metadataType, metadataBytes] = this.fast.dumpsTypedSync(metadata) ?? (await this.serde.dumpsTyped(metadata));
    if (checkpointType !== metadataType) throw new Error('Failed to serialized checkpoint and metadata to the same type.');
    statements.insertCheckpoint.run(threadId, namespace, checkpoint.id, configurable.checkpoint_id, checkpointType, checkpointBytes, metadataBytes);
    return { configurable: { thread_id: threadId, checkpoint_ns: namespace, checkpoint_id: checkpoint.id } };
  }

  override async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string): Promise<void> {
    const statements = this.prepared();
    const configurable = config.configurable as { thread_id?: string; checkpoint_ns?: string; checkpoint_id?: string } | undefined;
    if (!configurable) throw new Error('Empty configuration supplied.');
    if (!configurable.thread_id) throw new Error('Missing thread_id field in config.configurable.');
    if (!configurable.checkpoint_id) throw new Error('Missing checkpoint_id field in config.configurable.');
    const { thread_id: threadId, checkpoint_ns: namespace = '', checkpoint_id: checkpointId } = configurable;
    const rows = await Promise.all(
      writes.map(async ([channel, value], index): Promise<WriteParams> => {
        const [type, bytes] = await this.serde.dumpsTyped(value);
        return [threadId, namespace, checkpointId, taskId, WRITES_IDX_MAP[channel] ?? index, channel, type, bytes];
      }),
    );
    // Special channels (errors, interrupts, resumes) replace the previous write of their slot, as in SqliteSaver.
    const allSpecial = writes.every(([channel]) => channel in WRITES_IDX_MAP);
    (allSpecial ? statements.replaceWrites : statements.keepWrites)(rows);
  }
}
