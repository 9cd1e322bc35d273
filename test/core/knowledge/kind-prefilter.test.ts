import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src-main/core/random/mulberry32';
import { ChunkTable, type ChunkRow } from '../../../src-main/core/knowledge/store/chunk-table';
import { loadLanceDb } from '../../../src-main/core/knowledge/store/lancedb';

const dimensions = 16;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function unit(random: () => number): number[] {
  const vector = Array.from({ length: dimensions }, () => random() - 0.5);
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

const row = (id: string, kind: string, vector: number[]): ChunkRow => ({ id, article_id: id, section: '', page: 0, tags: '||', kind, language: 'en', terms: '', vector });

/** The oracle: every row's cosine distance, the kind filter applied after, the nearest first. */
function nearestByHand(rows: Map<string, ChunkRow>, query: number[], limit: number, kind: string): string[] {
  const dot = (a: number[], b: number[]): number => a.reduce((sum, value, at) => sum + value * (b[at] ?? 0), 0);
  return [...rows.values()]
    .filter((entry) => entry.kind === kind)
    .map((entry) => ({ id: entry.id, distance: 1 - dot(entry.vector, query) }))
    .sort((x, y) => x.distance - y.distance)
    .slice(0, limit)
    .map((entry) => entry.id);
}

describe('the vector leg’s kind prefilter over the bitmap index', () => {
  it('keeps to the rows of the kind asked for as rows are added, removed, marked and folded in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copilot-kind-prefilter-'));
    dirs.push(dir);
    const random = mulberry32(5);
    const rows = new Map<string, ChunkRow>();
    const fresh = (count: number, from: number): ChunkRow[] => Array.from({ length: count }, (_, at) => row(`c${from + at}`, random() < 0.1 ? 'help-centre' : 'playbook', unit(random)));
    const table = await ChunkTable.open(join(dir, 'lancedb'));
    const first = fresh(400, 0);
    for (const entry of first) rows.set(entry.id, entry);
    await table.replace(first, dimensions);
    // The filter must go through the index, or this proves only LanceDB's scan.
    const lancedb = await loadLanceDb();
    const connection = await lancedb.connect(join(dir, 'lancedb'));
    const opened = await connection.openTable('chunks');
    expect((await opened.listIndices()).map((index) => index.columns)).toContainEqual(['kind']);
    opened.close();
    connection.close();
    const queries = Array.from({ length: 8 }, () => unit(random));
    const compare = async (): Promise<void> => {
      for (const query of queries) {
        for (const kind of ['help-centre', 'playbook']) {
          const found = await table.nearest(Float32Array.from(query), 12, `kind = '${kind}'`, 12);
          expect(found.map((hit) => hit.id)).toEqual(nearestByHand(rows, query, 12, kind));
        }
      }
    };
    await compare();
    const later = fresh(100, 400);
    for (const entry of later) rows.set(entry.id, entry);
    await table.add(later);
    const gone = ['c3', 'c40', 'c401', 'c450'];
    await table.deleteArticles(gone);
    for (const id of gone) rows.delete(id);
    const marked = ['c1', 'c2', 'c10', 'c402', 'c499'];
    await table.setKind(marked, 'help-centre');
    for (const id of marked) rows.set(id, { ...(rows.get(id) as ChunkRow), kind: 'help-centre' });
    await compare();
    await table.optimize(dimensions);
    await compare();
    table.close();
  });
});
