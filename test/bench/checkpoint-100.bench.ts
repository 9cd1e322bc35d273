import Database from 'better-sqlite3';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { copilotRunConfig } from '../../src-main/core/copilot/copilot';
import { buildCopilotGraph } from '../../src-main/core/copilot/graph';
import type { CopilotStateType } from '../../src-main/core/copilot/state';
import { openCheckpointSaver } from '../../src-main/core/storage/checkpoints/index';
import { openCacheDatabase } from '../../src-main/core/storage/index';
import { plainDeps, startCopilotRig } from './copilot-rig';
import { percentiles, type BenchFigure, type Benchmark } from './harness';

const turnCount = Number(process.env.CHECKPOINT_TURNS ?? 100);
const chatter = [
  'Order {order} came in the wrong size, can I send it back?',
  'ok thanks, and how long does the refund take?',
  'I also wanted to ask whether you have it in blue',
  'my email is {email} if you need it',
  'this is taking a long time, I am getting frustrated',
];

/**
 * A 100-turn conversation on one thread through the real graph and the copilot's checkpointer (offline drafts,
 * so the LLM does not dominate): checkpoint writes, the latest-checkpoint read and bytes stored per turn, against
 * writing and reading the same state as one JSON row in a plain SQLite table. In the same run, every checkpoint
 * is also written to a second file by the stock SqliteSaver, and the latest one read back by SqliteSaver from
 * the copilot's own file (the two share one format), so the gain is measured, not remembered.
 */
const bench: Benchmark = {
  name: 'checkpoint-100',
  async run() {
    const rig = await startCopilotRig(0);
    // The app's saver, on a cache file of its own (the rig's cache holds the CRM records the graph reads).
    const file = join(rig.dir, 'checkpoints.db');
    const cache = openCacheDatabase(file);
    const saver = openCheckpointSaver(cache);
    const stockWriter = SqliteSaver.fromConnString(join(rig.dir, 'stock-checkpoints.db'));
    const raw = new Database(file);
    const stockReader = new SqliteSaver(raw);
    const writes: number[] = [];
    const stockWrites: number[] = [];
    const put = saver.put.bind(saver);
    saver.put = async (...args) => {
      const start = performance.now();
      const result = await put(...args);
      writes.push(performance.now() - start);
      const stockStart = performance.now();
      await stockWriter.put(...args);
      stockWrites.push(performance.now() - stockStart);
      return result;
    };
    const graph = buildCopilotGraph(plainDeps(rig.ports, undefined), saver);
    const contact = rig.contacts[0];
    if (!contact) throw new Error('the rig has no contact with an email');
    const order = rig.db.customers.orders(contact.id)[0]?.id ?? '1234567890';
    // Run as the copilot runs a turn (one checkpoint when it ends).
    const thread = copilotRunConfig('bench-100');

    const reads: number[] = [];
    const stockReads: number[] = [];
    const states: CopilotStateType[] = [];
    for (let turn = 0; turn < turnCount; turn += 1) {
      const text = (chatter[turn % chatter.length] ?? '').replace('{order}', order).replace('{email}', contact.email);
      await graph.invoke({ conversationId: 'bench-100', incoming: `${text} (${turn})` }, thread);
      const start = performance.now();
      const latest = await saver.getTuple(thread);
      reads.push(performance.now() - start);
      const stockStart = performance.now();
      const stockLatest = await stockReader.getTuple(thread);
      stockReads.push(performance.now() - stockStart);
      if (stockLatest?.checkpoint.id !== latest?.checkpoint.id) throw new Error('SqliteSaver reads another latest checkpoint than ours');
      states.push((await graph.getState(thread)).values as CopilotStateType);
      if (!latest) throw new Error('no checkpoint after a turn');
    }
    const stored = raw.prepare('SELECT (SELECT COALESCE(SUM(LENGTH(checkpoint) + LENGTH(metadata)), 0) FROM checkpoints) + (SELECT COALESCE(SUM(LENGTH(value)), 0) FROM writes) AS bytes').get() as { bytes: number };
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const fileBytes = statSync(file).size;
    raw.close();
    cache.close();
    stockWriter.db.close();

    // Baseline: the same states, one JSON row per turn in a plain table with the same journal and sync modes as ours.
    const plain = new Database(join(rig.dir, 'plain.db'));
    plain.pragma('journal_mode = WAL');
    plain.pragma('synchronous = NORMAL');
    plain.exec('CREATE TABLE state (thread TEXT, turn INTEGER, body TEXT, PRIMARY KEY (thread, turn))');
    const insert = plain.prepare('INSERT INTO state VALUES (?, ?, ?)');
    const latestRow = plain.prepare('SELECT body FROM state WHERE thread = ? ORDER BY turn DESC LIMIT 1');
    const plainWrites: number[] = [];
    const plainReads: number[] = [];
    let plainBytes = 0;
    states.forEach((state, turn) => {
      const start = performance.now();
      const body = JSON.stringify(state);
      insert.run('bench-100', turn, body);
      plainWrites.push(performance.now() - start);
      plainBytes += body.length;
      const readStart = performance.now();
      JSON.parse((latestRow.get('bench-100') as { body: string }).body);
      plainReads.push(performance.now() - readStart);
    });
    plain.close();
    await rig.close();
    const figures: BenchFigure[] = [
        { label: 'checkpoint write (per put)', unit: 'ms', subject: percentiles(writes), baselineLabel: 'JSON row insert', baseline: percentiles(plainWrites), extra: { puts: writes.length, putsPerTurn: writes.length / turnCount } },
        {
          label: 'latest checkpoint read',
          unit: 'ms',
          subject: percentiles(reads),
          baselineLabel: 'latest JSON row read',
          baseline: percentiles(plainReads),
          extra: { storedBytesPerTurn: Math.round(stored.bytes / turnCount), fileBytesPerTurn: Math.round(fileBytes / turnCount), jsonBytesPerTurn: Math.round(plainBytes / turnCount) },
        },
        { label: 'stock SqliteSaver write', unit: 'ms', subject: percentiles(stockWrites), baselineLabel: 'JSON row insert', baseline: percentiles(plainWrites) },
        { label: 'stock SqliteSaver latest read', unit: 'ms', subject: percentiles(stockReads), baselineLabel: 'latest JSON row read', baseline: percentiles(plainReads) },
    ];
    return { name: 'checkpoint-100', figures };
  },
};

export default bench;
