/**
 * The full-text leg's hot path: an in-memory inverted index scored with BM25 (k1 1.2, b 0.75, as
 * Lucene and tantivy). A LanceDB query costs about 2 ms through the JS binding even for one row;
 * scoring postings held in typed arrays costs a fraction of that at 100k chunks. The LanceDB table
 * stays the index on disk: this one is rebuilt from its `terms` column on open and kept in step with
 * every write.
 */
import { Postings, contains } from './postings';

export interface ScoredDoc {
  doc: number;
  score: number;
}

// Measured on the kb-eval dev queries and two sets of other phrasings (issue #13): b 0.5 or 0.9 and
// k1 0.9 or 1.6 moved recall@3 and MRR by under 0.004 either way, never up on all three at once.
const k1 = 1.2;
const b = 0.75;

/** tf / (tf + k1 (1 - b + b length / average)): a posting's score over the term's weight idf (k1 + 1). */
const lengthFactor = (tf: number, length: number, average: number): number => tf / (tf + k1 * (1 - b + (b * length) / average));
/**
 * A list's bound is read at the average length times this: writes that lengthen the average by less
 * leave it good, so a search after each write of a sync does not read its lists twice.
 */
const boundSlack = 1.05;

/** One query term as scored: its list, weight and the most it can add to a document's score. */
interface QueryTerm {
  list: Postings;
  idf: number;
  bound: number;
  order: number;
}

/**
 * The index in a compact form, for a snapshot on disk: documents renumbered 0..n-1, every term's
 * postings side by side as (doc, tf) pairs. Loading it allocates a handful of arrays, not one per document.
 */
export interface Bm25Export {
  terms: string[];
  /** Where each term's pairs start in `postings` (in numbers, not pairs); one more entry than terms. */
  termOffsets: Uint32Array;
  postings: Uint32Array;
  docLength: Float32Array;
}

export class Bm25Index {
  private readonly termIds = new Map<string, number>();
  private readonly postings: Postings[] = [];
  /** Each live document's distinct term ids, so removing it keeps document frequencies exact. */
  private readonly docTerms: (Uint32Array | undefined)[] = [];
  /** The same for documents loaded from a snapshot, as one array and offsets, until removed. */
  private loadedTerms: { offsets: Uint32Array; ids: Uint32Array; docs: number } | undefined;
  private docLength = new Float32Array(1024);
  private alive = new Uint8Array(1024);
  private liveDocs = 0;
  private totalLength = 0;
  /** Postings entries of removed documents: past half of all entries the lists are compacted. */
  private deadEntries = 0;
  private liveEntries = 0;
  private scores = new Float64Array(1024);
  private lengthNorm = new Float32Array(0);
  /** Set by every add and removal: the length norms are worked out again before the next search. */
  private normStale = true;
  private touched = new Int32Array(1024);
  /** Searches that left postings unread (for tests and benchmarks: the pruning is taken). */
  prunedSearches = 0;

  get size(): number {
    return this.liveDocs;
  }

  /** Adds document `doc` (a slot number the caller owns) with its analysed terms. */
  add(doc: number, terms: readonly string[]): void {
    this.ensureCapacity(doc + 1);
    if (this.alive[doc]) throw new Error(`document ${doc} is already indexed`);
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const ids = new Uint32Array(counts.size);
    let at = 0;
    for (const [term, tf] of counts) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.postings.length;
        this.termIds.set(term, id);
        this.postings.push(new Postings());
      }
      const list = this.postings[id];
      list?.push(doc, tf);
      if (list && list.boundAverage > 0) list.bestFactor = Math.max(list.bestFactor, lengthFactor(tf, terms.length, list.boundAverage));
      ids[at++] = id;
    }
    this.docTerms[doc] = ids;
    this.liveEntries += counts.size;
    this.alive[doc] = 1;
    this.docLength[doc] = terms.length;
    this.liveDocs += 1;
    this.totalLength += terms.length;
    this.normStale = true;
  }

  remove(doc: number): void {
    if (!this.alive[doc]) return;
    const loaded = this.loadedTerms;
    const ids = this.docTerms[doc] ?? (loaded && doc < loaded.docs ? loaded.ids.subarray(loaded.offsets[doc], loaded.offsets[doc + 1]) : new Uint32Array(0));
    for (const id of ids) {
      const list = this.postings[id];
      if (list) list.df -= 1;
    }
    this.docTerms[doc] = undefined;
    this.alive[doc] = 0;
    this.liveDocs -= 1;
    this.totalLength -= this.docLength[doc] ?? 0;
    this.normStale = true;
    this.deadEntries += ids.length;
    this.liveEntries -= ids.length;
    if (this.deadEntries > 1024 && this.deadEntries > this.liveEntries) this.compact();
  }

  /**
   * The best `limit` live documents for the terms, best first (equal scores: lower document first).
   * `accept`, when given, is a mask over documents (1 accepted; kind, tags): a refused document is
   * skipped as the postings are read, as a removed one is, so it neither competes for a place nor
   * holds up the pruning, and a filter never empties the result.
   *
   * Terms are scored rarest first, each list whole, while a document not yet seen could still enter the
   * top `limit`. Once the terms left could add less, together, than the current `limit`-th score, no new
   * document can: the remaining (common, long) lists are only looked up for the documents still in the
   * race (MaxScore, term at a time). The result is the exhaustive one, scores to the last bit.
   */
  search(terms: readonly string[], limit: number, accept?: Uint8Array, weights?: ReadonlyMap<string, number>): ScoredDoc[] {
    return this.rank(terms, limit, accept, true, weights);
  }

  /** The same search scoring every posting of every term: what the pruned one must equal. */
  exhaustiveSearch(terms: readonly string[], limit: number, accept?: Uint8Array, weights?: ReadonlyMap<string, number>): ScoredDoc[] {
    return this.rank(terms, limit, accept, false, weights);
  }

  private rank(terms: readonly string[], limit: number, accept: Uint8Array | undefined, prune: boolean, weights: ReadonlyMap<string, number> | undefined): ScoredDoc[] {
    if (this.liveDocs === 0 || limit <= 0) return [];
    this.refreshLengthNorm();
    const query = this.queryTerms(terms, prune, weights);
    if (query.length === 0) return [];
    const { scores, touched } = this;
    let touchedCount = 0;
    // What the terms from each position on can add at most.
    const left = new Float64Array(query.length + 1);
    for (let at = query.length - 1; at >= 0; at -= 1) left[at] = (left[at + 1] ?? 0) + (query[at]?.bound ?? 0);
    let at = 0;
    let candidates: Int32Array | undefined;
    // Unfiltered, the live flags stand in for the mask: one loop either way.
    const gate = accept ?? this.alive;
    for (; at < query.length; at += 1) {
      if (prune && at > 0 && touchedCount >= limit) {
        // A margin for rounding: the bound and the contributions round differently.
        const reach = (left[at] ?? 0) * (1 + 1e-6) + 1e-9;
        const threshold = this.threshold(touchedCount, limit);
        if (reach < threshold) {
          this.prunedSearches += 1;
          candidates = this.survivors(touchedCount, threshold - reach);
          break;
        }
      }
      const { list, idf } = query[at] as QueryTerm;
      touchedCount = this.scan(list.data, list.length, idf, touchedCount, gate);
    }
    if (candidates) {
      // The documents still in the race, in increasing order: each later list is searched forward once.
      for (; at < query.length; at += 1) {
        const { list, idf } = query[at] as QueryTerm;
        const data = list.data;
        if (list.ascending) {
          let from = 0;
          for (let next = 0; next < candidates.length; next += 1) {
            const doc = candidates[next] ?? 0;
            from = list.seek(doc, from);
            if (from >= list.length) break;
            if (data[from] === doc) this.addTerm(doc, data[from + 1] ?? 0, idf);
          }
        } else {
          // A document number given again after its removal: the list is read whole, as the exhaustive search does.
          for (let read = 0; read < list.length; read += 2) {
            const doc = data[read] ?? 0;
            if (this.alive[doc] && contains(candidates, doc)) this.addTerm(doc, data[read + 1] ?? 0, idf);
          }
        }
      }
    }
    const top = this.best(candidates ?? touched.subarray(0, touchedCount), limit);
    for (let read = 0; read < touchedCount; read += 1) scores[touched[read] ?? 0] = 0;
    return top;
  }

  /** The query's distinct terms that have live documents, rarest first (then in query order). */
  private queryTerms(terms: readonly string[], withBounds: boolean, weights: ReadonlyMap<string, number> | undefined): QueryTerm[] {
    const n = this.liveDocs;
    const averageLength = this.totalLength / n || 1;
    const query: QueryTerm[] = [];
    const seen = new Set<number>();
    for (const term of terms) {
      const id = this.termIds.get(term);
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      const list = this.postings[id];
      if (!list || list.df <= 0) continue;
      // A term's weight in the query (1 unless given) scales its idf, and so its bound.
      const idf = Math.log(1 + (n - list.df + 0.5) / (list.df + 0.5)) * (weights?.get(term) ?? 1);
      if (withBounds && averageLength > list.boundAverage) this.refreshBound(list, averageLength * boundSlack);
      query.push({ list, idf, bound: idf * (k1 + 1) * list.bestFactor, order: query.length });
    }
    return query.sort((x, y) => x.list.df - y.list.df || x.order - y.order);
  }

  /**
   * A list's best factor, read off its live postings at an average length a little above the current
   * one: exact then, where the highest tf and the shortest document apart would bound it loosely (a short
   * title chunk holding a common word is enough), and good until the average outgrows it.
   */
  private refreshBound(list: Postings, average: number): void {
    const { alive, docLength } = this;
    const data = list.data;
    let best = 0;
    for (let read = 0; read < list.length; read += 2) {
      const doc = data[read] ?? 0;
      if (!alive[doc]) continue;
      best = Math.max(best, lengthFactor(data[read + 1] ?? 0, docLength[doc] ?? 0, average));
    }
    list.bestFactor = best;
    list.boundAverage = average;
  }

  /**
   * Adds one list's contributions to every live document in it that `gate` lets through; returns the new
   * count of documents touched. Only those are touched, so the pruning's threshold is the filtered one.
   */
  private scan(data: Uint32Array | number[], length: number, idf: number, touchedCount: number, gate: Uint8Array): number {
    const { scores, touched, alive, lengthNorm } = this;
    const weight = idf * (k1 + 1);
    let count = touchedCount;
    for (let read = 0; read < length; read += 2) {
      const doc = data[read] ?? 0;
      if (!alive[doc] || !gate[doc]) continue;
      const tf = data[read + 1] ?? 0;
      const score = scores[doc] ?? 0;
      if (score === 0) touched[count++] = doc;
      scores[doc] = score + (weight * tf) / (tf + (lengthNorm[doc] ?? 0));
    }
    return count;
  }

  private addTerm(doc: number, tf: number, idf: number): void {
    this.scores[doc] = (this.scores[doc] ?? 0) + (idf * (k1 + 1) * tf) / (tf + (this.lengthNorm[doc] ?? 0));
  }

  /**
   * Each document's length part of the BM25 denominator, k1 (1 - b + b len / average): it changes with
   * the average, so it is worked out again on the first search after a write, not on every posting.
   */
  private refreshLengthNorm(): void {
    if (!this.normStale && this.lengthNorm.length === this.docLength.length) return;
    const averageLength = this.totalLength / this.liveDocs || 1;
    if (this.lengthNorm.length !== this.docLength.length) this.lengthNorm = new Float32Array(this.docLength.length);
    const { docLength, lengthNorm } = this;
    for (let doc = 0; doc < docLength.length; doc += 1) lengthNorm[doc] = k1 * (1 - b + (b * (docLength[doc] ?? 0)) / averageLength);
    this.normStale = false;
  }

  /**
   * A lower bound of the `limit`-th best final score: the `limit`-th best score so far among the documents
   * touched, all accepted ones (scores only grow).
   */
  private threshold(touchedCount: number, limit: number): number {
    // The best `limit` so far, best first: most scores fail the comparison with the last.
    const best = new Float64Array(limit);
    let kept = 0;
    for (let read = 0; read < touchedCount; read += 1) {
      const doc = this.touched[read] ?? 0;
      const score = this.scores[doc] ?? 0;
      if (kept === limit && score <= (best[limit - 1] ?? 0)) continue;
      let place = kept < limit ? kept++ : limit - 1;
      while (place > 0 && (best[place - 1] ?? 0) < score) {
        best[place] = best[place - 1] ?? 0;
        place -= 1;
      }
      best[place] = score;
    }
    return kept < limit ? 0 : (best[limit - 1] ?? 0);
  }

  /** Documents touched scoring above `floor` so far, in increasing order. */
  private survivors(touchedCount: number, floor: number): Int32Array {
    const kept: number[] = [];
    for (let read = 0; read < touchedCount; read += 1) {
      const doc = this.touched[read] ?? 0;
      if ((this.scores[doc] ?? 0) >= floor) kept.push(doc);
    }
    return Int32Array.from(kept).sort();
  }

  /** The best `limit` of these documents in a small array sorted best first; most fail the first comparison. */
  private best(docs: Int32Array, limit: number): ScoredDoc[] {
    const top: ScoredDoc[] = [];
    const ahead = (score: number, doc: number, other: ScoredDoc): boolean => score > other.score || (score === other.score && doc < other.doc);
    for (let read = 0; read < docs.length; read += 1) {
      const doc = docs[read] ?? 0;
      const score = this.scores[doc] ?? 0;
      const last = top[top.length - 1];
      if (top.length === limit && last && !ahead(score, doc, last)) continue;
      let place = top.length;
      while (place > 0 && ahead(score, doc, top[place - 1] as ScoredDoc)) place -= 1;
      top.splice(place, 0, { doc, score });
      if (top.length > limit) top.pop();
    }
    return top;
  }

  /** The live documents, renumbered by `docMap` (old number → new, -1 for none), in the compact form. */
  export(docMap: Int32Array, docs: number): Bm25Export {
    const terms: string[] = [];
    const offsets: number[] = [0];
    let total = 0;
    for (const list of this.postings) total += list.length;
    const postings = new Uint32Array(total);
    let at = 0;
    for (const [term, id] of this.termIds) {
      const list = this.postings[id];
      if (!list || list.df <= 0) continue;
      const start = at;
      for (let read = 0; read < list.length; read += 2) {
        const doc = list.data[read] ?? 0;
        const mapped = this.alive[doc] ? (docMap[doc] ?? -1) : -1;
        if (mapped < 0) continue;
        postings[at] = mapped;
        postings[at + 1] = list.data[read + 1] ?? 0;
        at += 2;
      }
      if (at === start) continue;
      terms.push(term);
      offsets.push(at);
    }
    const docLength = new Float32Array(docs);
    for (let doc = 0; doc < docMap.length; doc += 1) {
      const mapped = docMap[doc] ?? -1;
      if (mapped >= 0 && this.alive[doc]) docLength[mapped] = this.docLength[doc] ?? 0;
    }
    return { terms, termOffsets: Uint32Array.from(offsets), postings: postings.slice(0, at), docLength };
  }

  /** An index of documents 0..n-1 from the compact form; each list is a view of `postings` until it grows. */
  static import(data: Bm25Export): Bm25Index {
    const index = new Bm25Index();
    const docs = data.docLength.length;
    index.ensureCapacity(Math.max(1, docs));
    const perDoc = new Uint32Array(docs + 1);
    for (let term = 0; term < data.terms.length; term += 1) {
      const list = new Postings();
      const start = data.termOffsets[term] ?? 0;
      const end = data.termOffsets[term + 1] ?? start;
      list.data = data.postings.subarray(start, end);
      list.length = end - start;
      list.df = list.length / 2;
      index.termIds.set(data.terms[term] ?? '', term);
      index.postings.push(list);
      let previous = -1;
      for (let at = start; at < end; at += 2) {
        const doc = data.postings[at] ?? 0;
        perDoc[doc + 1] = (perDoc[doc + 1] ?? 0) + 1;
        if (doc <= previous) list.ascending = false;
        previous = doc;
      }
      index.liveEntries += list.df;
    }
    for (let doc = 0; doc < docs; doc += 1) perDoc[doc + 1] = (perDoc[doc + 1] ?? 0) + (perDoc[doc] ?? 0);
    const fill = perDoc.slice(0, docs);
    const ids = new Uint32Array(perDoc[docs] ?? 0);
    for (let term = 0; term < data.terms.length; term += 1) {
      const end = data.termOffsets[term + 1] ?? 0;
      for (let at = data.termOffsets[term] ?? 0; at < end; at += 2) {
        const doc = data.postings[at] ?? 0;
        ids[fill[doc] ?? 0] = term;
        fill[doc] = (fill[doc] ?? 0) + 1;
      }
    }
    index.loadedTerms = { offsets: perDoc, ids, docs };
    index.docLength.set(data.docLength);
    index.alive.fill(1, 0, docs);
    index.liveDocs = docs;
    for (const length of data.docLength) index.totalLength += length;
    return index;
  }

  private ensureCapacity(docs: number): void {
    if (docs <= this.alive.length) return;
    let size = this.alive.length;
    while (size < docs) size *= 2;
    const grow = <T extends Float32Array | Uint8Array>(from: T, make: (length: number) => T): T => {
      const next = make(size);
      next.set(from);
      return next;
    };
    this.docLength = grow(this.docLength, (length) => new Float32Array(length));
    this.alive = grow(this.alive, (length) => new Uint8Array(length));
    this.scores = new Float64Array(size);
    this.touched = new Int32Array(size);
  }

  private compact(): void {
    for (const list of this.postings) {
      let write = 0;
      // Its bound is read again on its next search: removals left it loose.
      list.boundAverage = Number.NEGATIVE_INFINITY;
      for (let read = 0; read < list.length; read += 2) {
        const doc = list.data[read] ?? 0;
        if (!this.alive[doc]) continue;
        const tf = list.data[read + 1] ?? 0;
        list.data[write] = doc;
        list.data[write + 1] = tf;
        write += 2;
      }
      list.length = write;
      if (Array.isArray(list.data)) list.data.length = write;
    }
    this.deadEntries = 0;
  }
}
