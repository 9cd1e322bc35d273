/** One term's postings list of the in-memory full-text index, and the searches the pruning makes in them. */
export class Postings {
  /**
   * Pairs of (doc, term frequency). Most terms are rare: their lists stay plain arrays, because
   * allocating tens of thousands of small typed arrays costs more than the scoring they speed up.
   * A list that grows long moves to a typed array, half the memory of a number array.
   */
  data: number[] | Uint32Array = [];
  length = 0;
  /** Live documents holding the term: its document frequency. */
  df = 0;
  /**
   * The most tf / (tf + length norm) of any document in the list, the norms taken at an average length
   * of `boundAverage`: times the term's weight, the most it adds to a score while the average is no
   * longer (a longer average only raises the factor). Raised by each new entry, kept through removals.
   */
  bestFactor = 0;
  boundAverage = Number.NEGATIVE_INFINITY;
  /** True while documents came in increasing order, so a document's entry can be found by search. */
  ascending = true;

  push(doc: number, tf: number): void {
    if (this.length > 0 && doc <= (this.data[this.length - 2] ?? 0)) this.ascending = false;
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

  /**
   * Where `doc`'s pair is, searching forward from pair index `from` (in numbers, even): galloping, then
   * binary search, so a sorted run of lookups costs the log of the gaps. `length` when it is not there.
   */
  seek(doc: number, from: number): number {
    const data = this.data;
    const end = this.length;
    let low = from;
    if (low >= end || (data[low] ?? 0) >= doc) return low;
    let step = 2;
    let high = low + step;
    while (high < end && (data[high] ?? 0) < doc) {
      low = high;
      step *= 2;
      high = low + step;
    }
    if (high > end) high = end;
    // data[low] < doc, and data[high] >= doc or high is the end: narrow to the first pair >= doc.
    while (high - low > 2) {
      const middle = low + (((high - low) >> 2) << 1);
      if ((data[middle] ?? 0) < doc) low = middle;
      else high = middle;
    }
    return high;
  }
}

/** Binary search in an increasing array. */
export function contains(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low] === value;
}
