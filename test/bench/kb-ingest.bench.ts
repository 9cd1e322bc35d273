import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openKnowledgeIndex, type KnowledgeArticle } from '../../src-main/core/knowledge/index';
import { hashingEmbedder, sentence, zipfWords } from './corpus';
import { percentiles, type Benchmark, type BenchFigure } from './harness';

const sizes = (process.env.KB_INGEST_SIZES ?? '10000,100000').split(',').map(Number);

function makeArticles(count: number, seed: number): KnowledgeArticle[] {
  const next = zipfWords(30_000, seed);
  return Array.from({ length: count }, (_, index) => ({ id: `a${index}`, title: sentence(next, 4), body: sentence(next, 60), source: 'bench' }));
}

/** Index build time and the cost of updating 1,000 chunks, against writing the same rows to SQLite. */
const bench: Benchmark = {
  name: 'kb-ingest',
  async run() {
    const figures: BenchFigure[] = [];
    const embedder = hashingEmbedder(384);
    for (const size of sizes) {
      const articles = makeArticles(size, size);
      const dataDir = mkdtempSync(join(tmpdir(), 'copilot-kb-ingest-'));
      const index = await openKnowledgeIndex({ dataDir, embedder });
      const start = performance.now();
      await index.indexArticles(articles, 'bench');
      const buildMs = performance.now() - start;

      const updated = articles.slice(0, 1000).map((article) => ({ ...article, body: `${article.body} revised` }));
      const updateStart = performance.now();
      await index.indexArticles([...updated, ...articles.slice(1000)], 'bench');
      const updateMs = performance.now() - updateStart;
      await index.close();
      rmSync(dataDir, { recursive: true, force: true });

      const sqlite = new Database(':memory:');
      sqlite.exec('CREATE TABLE chunks (id TEXT PRIMARY KEY, title TEXT, body TEXT)');
      const insert = sqlite.prepare('INSERT OR REPLACE INTO chunks VALUES (?, ?, ?)');
      const sqliteStart = performance.now();
      sqlite.transaction(() => articles.forEach((article) => insert.run(article.id, article.title, article.body)))();
      const sqliteMs = performance.now() - sqliteStart;
      sqlite.close();
      figures.push({
        label: `build ${size} chunks`,
        unit: 'ms',
        subject: percentiles([buildMs]),
        baselineLabel: 'SQLite insert of the same rows',
        baseline: percentiles([sqliteMs]),
        extra: { chunks_per_s: Math.round(size / (buildMs / 1000)), update_1000_ms: Math.round(updateMs) },
      });
    }
    return { name: 'kb-ingest', figures };
  },
};
export default bench;
