import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCsv } from '../text/csv';
import { openKnowledgeIndex } from './knowledge-index';
import { loadArticlesFromDir } from './sources/directory';
import type { SearchMode } from './types';

export interface KnowledgeEvaluation {
  n: number;
  recall_at_1: number;
  recall_at_3: number;
  mrr: number;
  p50_ms: number;
  p95_ms: number;
}

export function readQueries(file: string): { query: string; relevantId: string }[] {
  return parseCsv(readFileSync(file, 'utf8'))
    .map((row) => ({ query: row.query ?? '', relevantId: row.relevant_id ?? '' }))
    .filter((row) => row.query && row.relevantId);
}

/** Builds a fresh index from the articles in a temporary folder and scores every query against it. */
export async function evaluateKnowledge(articlesDir: string, queries: { query: string; relevantId: string }[], mode: SearchMode): Promise<KnowledgeEvaluation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'copilot-kb-eval-'));
  const index = await openKnowledgeIndex({ dataDir });
  try {
    await index.indexArticles(await loadArticlesFromDir(articlesDir, 'eval'), 'eval');
    await index.prewarm();
    let hit1 = 0;
    let hit3 = 0;
    let reciprocal = 0;
    const times: number[] = [];
    for (const { query, relevantId } of queries) {
      const start = performance.now();
      const hits = await index.search(query, { mode, limit: 10 });
      times.push(performance.now() - start);
      const rank = hits.findIndex((hit) => hit.articleId === relevantId);
      if (rank === 0) hit1 += 1;
      if (rank >= 0 && rank < 3) hit3 += 1;
      if (rank >= 0) reciprocal += 1 / (rank + 1);
    }
    times.sort((a, b) => a - b);
    const n = queries.length || 1;
    const at = (q: number): number => Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2));
    return {
      n: queries.length,
      recall_at_1: Number((hit1 / n).toFixed(4)),
      recall_at_3: Number((hit3 / n).toFixed(4)),
      mrr: Number((reciprocal / n).toFixed(4)),
      p50_ms: at(0.5),
      p95_ms: at(0.95),
    };
  } finally {
    await index.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
