import type { Embedder } from '../semantic/embedder';
import type { ChunkTable } from '../store/chunk-table';
import { LruCache } from './lru-cache';

/** A semantic neighbour this far away is noise, not a match. */
const maxVectorDistance = 0.9;
/**
 * IVF partitions probed per query. At 100k chunks (316 partitions) 12 probes keep the vector leg's
 * neighbours the same as a flat scan's on the eval set while costing a third of the earlier 20.
 */
const probes = 12;
const cachedQueries = 256;

/** The vector leg: the query's embedding (remembered: agents and the copilot repeat queries) against the table. */
export class VectorLeg {
  private readonly cache = new LruCache<string, Float32Array>(cachedQueries);

  constructor(
    private readonly table: ChunkTable,
    private readonly embedder: () => Embedder | undefined,
  ) {}

  async search(query: string, language: string, limit: number, filter: string | undefined): Promise<{ id: string; distance: number }[]> {
    const embedder = this.embedder();
    if (!embedder || !this.table.exists || !query.trim()) return [];
    const vector = await this.embed(embedder, query, language);
    if (!vector.some((value) => value !== 0)) return [];
    const rows = await this.table.nearest(vector, limit, filter, probes);
    return rows.filter((row) => row.distance < maxVectorDistance);
  }

  forget(): void {
    this.cache.clear();
  }

  private async embed(embedder: Embedder, query: string, language: string): Promise<Float32Array> {
    const key = `${embedder.id}\u0000${language}\u0000${query}`;
    const known = this.cache.get(key);
    if (known) return known;
    const vector = await embedder.embedQuery(query, language);
    this.cache.set(key, vector);
    return vector;
  }
}
