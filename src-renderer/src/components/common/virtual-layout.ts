/**
 * Offsets of variable-height rows: measured heights where known, an estimate elsewhere (one figure for
 * every row, or a guess per row, e.g. from its text length and the list's width, so the first paint is
 * close to right before anything is measured).
 * Recomputing the prefix sums is O(n) and only happens when a measurement changes.
 */
export class VirtualLayout {
  private heights: Float64Array;
  private measured: Uint8Array;
  private offsets: Float64Array;
  private dirty = true;

  constructor(
    private count: number,
    private estimate: number,
    private estimateAt?: (index: number) => number,
  ) {
    this.heights = new Float64Array(count);
    this.guess(this.heights, 0, count);
    this.measured = new Uint8Array(count);
    this.offsets = new Float64Array(count + 1);
  }

  private guess(into: Float64Array, from: number, to: number): void {
    if (!this.estimateAt) {
      into.fill(this.estimate, from, to);
      return;
    }
    for (let index = from; index < to; index++) {
      const guess = this.estimateAt(index);
      into[index] = guess > 0 && Number.isFinite(guess) ? guess : this.estimate;
    }
  }

  /** Guesses again for the rows not measured yet (the width they were guessed for changed). */
  reestimate(estimateAt?: (index: number) => number): void {
    if (estimateAt) this.estimateAt = estimateAt;
    if (!this.estimateAt) return;
    for (let index = 0; index < this.count; index++) {
      if (this.measured[index]) continue;
      const guess = this.estimateAt(index);
      this.heights[index] = guess > 0 && Number.isFinite(guess) ? guess : this.estimate;
    }
    this.dirty = true;
  }

  isMeasured(index: number): boolean {
    return this.measured[index] === 1;
  }

  /** Keeps known heights of rows that stay (appended rows get the estimate). */
  resize(count: number): void {
    if (count === this.count) return;
    const heights = new Float64Array(count);
    const measured = new Uint8Array(count);
    heights.set(this.heights.subarray(0, Math.min(count, this.count)));
    this.guess(heights, Math.min(count, this.count), count);
    measured.set(this.measured.subarray(0, Math.min(count, this.count)));
    this.heights = heights;
    this.measured = measured;
    this.offsets = new Float64Array(count + 1);
    this.count = count;
    this.dirty = true;
  }

  /** `count` rows came in front (older messages): known heights move down with their rows. */
  prepend(count: number): void {
    if (count <= 0) return;
    const heights = new Float64Array(this.count + count);
    const measured = new Uint8Array(this.count + count);
    heights.set(this.heights, count);
    this.guess(heights, 0, count);
    measured.set(this.measured, count);
    this.heights = heights;
    this.measured = measured;
    this.count += count;
    this.offsets = new Float64Array(this.count + 1);
    this.dirty = true;
  }

  /** Returns true when the height changed. */
  setHeight(index: number, height: number): boolean {
    if (index < 0 || index >= this.count || height <= 0) return false;
    this.measured[index] = 1;
    if (Math.abs((this.heights[index] ?? 0) - height) < 0.5) return false;
    this.heights[index] = height;
    this.dirty = true;
    return true;
  }

  private ensure(): void {
    if (!this.dirty) return;
    let sum = 0;
    for (let index = 0; index < this.count; index++) {
      this.offsets[index] = sum;
      sum += this.heights[index] ?? this.estimate;
    }
    this.offsets[this.count] = sum;
    this.dirty = false;
  }

  offsetOf(index: number): number {
    this.ensure();
    return this.offsets[Math.max(0, Math.min(index, this.count))] ?? 0;
  }

  total(): number {
    return this.offsetOf(this.count);
  }

  /** The first row whose bottom edge is below `y` (binary search over the prefix sums). */
  indexAt(y: number): number {
    this.ensure();
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.offsets[middle + 1] ?? 0) <= y) low = middle + 1;
      else high = middle;
    }
    return Math.max(0, low);
  }

  /** Rows to render for a viewport, with `overscan` pixels above and below. */
  range(scrollTop: number, viewport: number, overscan: number): { start: number; end: number } {
    if (this.count === 0) return { start: 0, end: 0 };
    const start = this.indexAt(Math.max(0, scrollTop - overscan));
    const bottom = scrollTop + viewport + overscan;
    let end = start;
    while (end < this.count && this.offsetOf(end) < bottom) end++;
    return { start, end: Math.max(end, start + 1) };
  }
}
