/**
 * The full-text leg's hot path: an in-memory inverted index scored with BM25 (k1 1.2, b 0.75, as
 * Lucene and tantivy). A LanceDB query costs about 2 ms through the JS binding even for one row;
 * scoring postings held in typed arrays costs a fraction of that at 100k chunks. The LanceDB table
 * stays the index on disk: this one is rebuilt from its `terms` column on open and kept in step with
 * every write.
 */
export interface ScoredDoc {
  doc: number;
  score: number;
}

const k1 = 1.2;
const b = 0.75;

class Postings {
  /**
   * Pairs of (doc, term frequency). Most terms are rare: their lists stay plain arrays, because
   * allocating tens of thousands of small typed arrays costs more than the scoring they speed up.
   * A list that grows long moves to a typed array, half the memory of a number array.
   */
  data: number[] | Uint32Array = [];
  length = 0;
  /** Live documents holding the term: its document frequency. */
  df = 0;

  push(doc: number, tf: number): void {
    if (Array.isArray(this.data)) {
      this.data.push(doc, tf);
      if (this.data.length >= 256) this.data = Uint32Array.from(this.data);
    } else {
      if (this.length + 2 > this.data.length) {
        // A list loaded from a snapshot is a view of exactly its length: it moves out on its first growth.
        const grown = new Uint32Array(Math.max(16, this.data.length * 2));
        grown.set(this.data);
        this.data = grown;
      }
      this.data[this.length] = doc;
      this.data[this.length + 1] = tf;
    }
    this.length += 2;
    this.df += 1;
  }
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
  private scores = new Float32Array(1024);
  private touched = new Int32Array(1024);

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
      this.postings[id]?.push(doc, tf);
      ids[at++] = id;
    }
    this.docTerms[doc] = ids;
    this.liveEntries += counts.size;
    this.alive[doc] = 1;
    this.docLength[doc] = terms.length;
    this.liveDocs += 1;
    this.totalLength += terms.length;
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
    this.deadEntries += ids.length;
    this.liveEntries -= ids.length;
    if (this.deadEntries > 1024 && this.deadEntries > this.liveEntries) this.compact();
  }

  /**
   * The best `limit` live documents for the terms, best first. `accept` filters documents (kind, tags)
   * before they compete for a place, so a filter never empties the result.
   */
  search(terms: readonly string[], limit: number, accept?: (doc: number) => boolean): ScoredDoc[] {
    if (this.liveDocs === 0 || limit <= 0) return [];
    const n = this.liveDocs;
    const averageLength = this.totalLength / n || 1;
    const scores = this.scores;
    const touched = this.touched;
    let touchedCount = 0;
    for (const term of new Set(terms)) {
      const id = this.termIds.get(term);
      const list = id === undefined ? undefined : this.postings[id];
      if (!list || list.df <= 0) continue;
      const idf = Math.log(1 + (n - list.df + 0.5) / (list.df + 0.5));
      const data = list.data;
      for (let at = 0; at < list.length; at += 2) {
        const doc = data[at] ?? 0;
        if (!this.alive[doc]) continue;
        const tf = data[at + 1] ?? 0;
        const norm = k1 * (1 - b + (b * (this.docLength[doc] ?? 0)) / averageLength);
        const value = (idf * tf * (k1 + 1)) / (tf + norm);
        if (scores[doc] === 0) touched[touchedCount++] = doc;
        scores[doc] = (scores[doc] ?? 0) + value;
      }
    }
    // Keep the best `limit` in a small array sorted best first; most documents fail the first comparison.
    const top: ScoredDoc[] = [];
    for (let at = 0; at < touchedCount; at += 1) {
      const doc = touched[at] ?? 0;
      const score = scores[doc] ?? 0;
      scores[doc] = 0;
      if (top.length === limit && score <= (top[limit - 1]?.score ?? 0)) continue;
      if (accept && !accept(doc)) continue;
      let place = top.length;
      while (place > 0 && (top[place - 1]?.score ?? 0) < score) place -= 1;
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
      for (let at = start; at < end; at += 2) {
        const slot = (data.postings[at] ?? 0) + 1;
        perDoc[slot] = (perDoc[slot] ?? 0) + 1;
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
    const grow = <T extends Float32Array | Uint8Array | Int32Array>(from: T, make: (length: number) => T): T => {
      const next = make(size);
      next.set(from);
      return next;
    };
    this.docLength = grow(this.docLength, (length) => new Float32Array(length));
    this.alive = grow(this.alive, (length) => new Uint8Array(length));
    this.scores = new Float32Array(size);
    this.touched = new Int32Array(size);
  }

  private compact(): void {
    for (const list of this.postings) {
      let write = 0;
      for (let read = 0; read < list.length; read += 2) {
        const doc = list.data[read] ?? 0;
        if (!this.alive[doc]) continue;
        list.data[write] = doc;
        list.data[write + 1] = list.data[read + 1] ?? 0;
        write += 2;
      }
      list.length = write;
      if (Array.isArray(list.data)) list.data.length = write;
    }
    this.deadEntries = 0;
  }
}
