import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openKnowledgeIndex } from '../../src-main/core/knowledge/index';
import { Bm25Index } from '../../src-main/core/knowledge/search/bm25-index';
import { loadLanceDb } from '../../src-main/core/knowledge/store/lancedb';
import { fullTextTerms } from '../../src-main/core/knowledge/text/stemming';
import { benchArticles, hashingEmbedder, sentence, zipfWords } from './corpus';
import { percentiles, timeAsync, type Benchmark, type BenchFigure } from './harness';

const chunkCount = Number(process.env.KB_BENCH_CHUNKS ?? 100_000);
const queryCount = 1000;
const dimensions = 384;
const reopenRuns = 3;
const helpCentreEvery = 20;

/** Full-text, vector and hybrid search over 100k chunks, against a LIKE scan and a plain cosine scan. */
const bench: Benchmark = {
  name: 'kb-search',
  async run() {
    const next = zipfWords(30_000, 42);
    const articles = benchArticles(next, chunkCount, helpCentreEvery);
    const queries = Array.from({ length: queryCount }, () => sentence(next, 3));
    const dataDir = mkdtempSync(join(tmpdir(), 'copilot-kb-bench-'));
    const embedder = hashingEmbedder(dimensions);
    const index = await openKnowledgeIndex({ dataDir, embedder });
    await index.indexArticles(articles, 'bench');
    await index.close();

    // Reopening: open and first search, the in-memory index loaded from the snapshot written at close,
    // against the same reopen without it (the full-text index rebuilt from the table's stored terms).
    const snapshotFile = join(dataDir, 'knowledge', 'full-text.snapshot');
    const reopen = async (): Promise<{ ms: number; cpuMs: number; firstQueryMs: number; from: string }> => {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const index = await openKnowledgeIndex({ dataDir, embedder });
      const firstStart = performance.now();
      await index.search(queries[0] ?? 'ka', { mode: 'hybrid' });
      const ms = performance.now() - start;
      const used = process.cpuUsage(cpu);
      const from = index.loadedFrom() ?? 'unknown';
      await index.close();
      return { ms, cpuMs: (used.user + used.system) / 1000, firstQueryMs: performance.now() - firstStart, from };
    };
    const snapshotOpens: number[] = [];
    const snapshotCpu: number[] = [];
    for (let run = 0; run < reopenRuns; run += 1) {
      const opened = await reopen();
      if (opened.from !== 'snapshot') throw new Error(`expected a reopen from the snapshot, got ${opened.from}`);
      snapshotOpens.push(opened.ms);
      snapshotCpu.push(opened.cpuMs);
    }
    rmSync(snapshotFile, { force: true });
    const fromTable = await reopen();
    if (fromTable.from !== 'table') throw new Error(`expected a reopen from the table, got ${fromTable.from}`);

    const heapBefore = process.memoryUsage().heapUsed;
    const openStart = performance.now();
    const reopened = await openKnowledgeIndex({ dataDir, embedder });
    const firstStart = performance.now();
    await reopened.search(queries[0] ?? 'ka', { mode: 'hybrid' });
    const firstQueryMs = performance.now() - firstStart;
    const openMs = performance.now() - openStart;
    const heapAfterLoad = process.memoryUsage().heapUsed;

    const fts = await timeAsync((i) => reopened.search(queries[i % queryCount] ?? '', { mode: 'fts' }), queryCount, 20);
    const vector = await timeAsync((i) => reopened.search(queries[i % queryCount] ?? '', { mode: 'vector' }), queryCount, 20);
    const hybrid = await timeAsync((i) => reopened.search(queries[i % queryCount] ?? '', { mode: 'hybrid' }), queryCount, 20);
    const filtered = await timeAsync((i) => reopened.search(queries[i % queryCount] ?? '', { mode: 'hybrid', kinds: ['help-centre'] }), 200, 5);
    const rss = process.memoryUsage().rss;
    await reopened.close();

    // The candidates that keep the full-text leg in LanceDB, measured on the same table: its FTS
    // index over the stored stems (stemming off), fetching ids only (phase one of a two-phase fetch),
    // and the floor of any LanceDB query through the JS binding, a one-row read.
    const lancedb = await loadLanceDb();
    const lance = await lancedb.connect(join(dataDir, 'knowledge', 'lancedb'));
    const table = await lance.openTable('chunks');
    const ftsIndexStart = performance.now();
    await table.createIndex('terms', { config: lancedb.Index.fts({ stem: false, removeStopWords: false, lowercase: false, asciiFolding: false, withPosition: false }), replace: true });
    const ftsIndexMs = performance.now() - ftsIndexStart;
    const lanceIdsOnly = await timeAsync(
      (i) => table.query().fullTextSearch(fullTextTerms(queries[i % queryCount] ?? 'ka').join(' ') || 'ka').select(['id', '_score']).limit(40).toArray(),
      300,
      10,
    );
    const lanceOneRow = await timeAsync(() => table.query().select(['id']).limit(1).toArray(), 300, 10);
    table.close();
    lance.close();

    // The full-text scoring alone, on the same documents: pruned (what search runs) against scoring
    // every posting, with the leg's depth; the two must agree exactly.
    const scoring = new Bm25Index();
    articles.forEach((article, doc) => scoring.add(doc, fullTextTerms(`${article.title}\n${article.body}`)));
    const queryTerms = queries.map((query) => fullTextTerms(query));
    for (const terms of queryTerms) {
      if (JSON.stringify(scoring.search(terms, 40)) !== JSON.stringify(scoring.exhaustiveSearch(terms, 40))) throw new Error(`pruned full-text search differs for "${terms.join(' ')}"`);
    }
    const prunedBefore = scoring.prunedSearches;
    const prunedScoring = await timeAsync((i) => scoring.search(queryTerms[i % queryCount] ?? [], 40), queryCount, 20);
    const prunedShare = (scoring.prunedSearches - prunedBefore) / (queryCount + 20);
    const exhaustiveScoring = await timeAsync((i) => scoring.exhaustiveSearch(queryTerms[i % queryCount] ?? [], 40), queryCount, 20);

    const sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE chunks (id TEXT, text TEXT)');
    const insert = sqlite.prepare('INSERT INTO chunks VALUES (?, ?)');
    sqlite.transaction(() => articles.forEach((article) => insert.run(article.id, `${article.title}\n${article.body}`)))();
    const like = sqlite.prepare('SELECT id FROM chunks WHERE text LIKE ? LIMIT 10');
    const likeScan = await timeAsync((i) => like.all(`%${(queries[i % queryCount] ?? '').split(' ')[0]}%`), 200, 5);
    sqlite.close();

    const matrix = new Float32Array(chunkCount * dimensions);
    const vectors = await embedder.embedDocuments(articles.map((article) => `${article.title}\n${article.body}`));
    vectors.forEach((vec, row) => matrix.set(vec, row * dimensions));
    const cosineSamples: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const query = await embedder.embedQuery(queries[i] ?? '');
      const start = performance.now();
      const scores = new Float32Array(chunkCount);
      for (let row = 0; row < chunkCount; row += 1) {
        let dot = 0;
        const base = row * dimensions;
        for (let d = 0; d < dimensions; d += 1) dot += (matrix[base + d] ?? 0) * (query[d] ?? 0);
        scores[row] = dot;
      }
      const top = Array.from(scores.keys()).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0)).slice(0, 10);
      if (top.length > 0) cosineSamples.push(performance.now() - start);
    }
    rmSync(dataDir, { recursive: true, force: true });
    const cosine = percentiles(cosineSamples);
    const figures: BenchFigure[] = [
        {
          label: `reopen ${chunkCount} chunks: open + first hybrid search, from the full-text snapshot`,
          unit: 'ms',
          subject: percentiles(snapshotOpens),
          baselineLabel: 'the same, full-text index rebuilt from the table',
          baseline: percentiles([fromTable.ms]),
          extra: { snapshot_cpu_ms_p50: percentiles(snapshotCpu).p50, table_cpu_ms: fromTable.cpuMs, table_first_query_ms: fromTable.firstQueryMs },
        },
        { label: `full-text, in-memory BM25 (${chunkCount} chunks)`, unit: 'ms', subject: fts, baselineLabel: 'SQLite LIKE scan', baseline: likeScan, extra: { first_query_ms: firstQueryMs, open_and_load_ms: openMs, p99: fts.p99 } },
        {
          label: `full-text scoring alone, pruned (MaxScore), top 40 of ${chunkCount}`,
          unit: 'ms',
          subject: prunedScoring,
          baselineLabel: 'every posting scored',
          baseline: exhaustiveScoring,
          extra: { pruned_share: prunedShare, p99: prunedScoring.p99, exhaustive_p99: exhaustiveScoring.p99 },
        },
        { label: 'candidate: LanceDB FTS on stored stems, ids only', unit: 'ms', subject: lanceIdsOnly, baselineLabel: 'LanceDB one-row read (binding floor)', baseline: lanceOneRow, extra: { fts_index_build_ms: ftsIndexMs } },
        { label: `vector ${dimensions}-d`, unit: 'ms', subject: vector, baselineLabel: 'JS cosine scan', baseline: cosine, extra: { p99: vector.p99 } },
        { label: 'hybrid (RRF)', unit: 'ms', subject: hybrid, baselineLabel: 'JS cosine scan', baseline: cosine, extra: { p99: hybrid.p99 } },
        {
          label: `hybrid, help-centre only (1 in ${helpCentreEvery} chunks)`,
          unit: 'ms',
          subject: filtered,
          baselineLabel: 'hybrid, unfiltered',
          baseline: hybrid,
          extra: { rss_mb: rss / 2 ** 20, in_memory_index_heap_mb: (heapAfterLoad - heapBefore) / 2 ** 20 },
        },
    ];
    return { name: 'kb-search', figures };
  },
};
export default bench;
