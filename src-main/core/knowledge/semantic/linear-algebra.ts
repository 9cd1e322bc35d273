/** Orthonormalises the columns of a rows×cols column-major matrix in place (modified Gram-Schmidt). */
export function orthonormalizeColumns(matrix: Float64Array, rows: number, cols: number): void {
  for (let col = 0; col < cols; col += 1) {
    const base = col * rows;
    for (let previous = 0; previous < col; previous += 1) {
      const other = previous * rows;
      let dot = 0;
      for (let row = 0; row < rows; row += 1) dot += (matrix[base + row] ?? 0) * (matrix[other + row] ?? 0);
      for (let row = 0; row < rows; row += 1) matrix[base + row] = (matrix[base + row] ?? 0) - dot * (matrix[other + row] ?? 0);
    }
    let norm = 0;
    for (let row = 0; row < rows; row += 1) norm += (matrix[base + row] ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let row = 0; row < rows; row += 1) matrix[base + row] = (matrix[base + row] ?? 0) / norm;
  }
}

/** Eigen-decomposition of a symmetric n×n matrix (row-major) by cyclic Jacobi rotations; eigenvalues descending. */
export function symmetricEigen(input: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) off += (a[p * n + q] ?? 0) ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p += 1) {
      for (let q = p + 1; q < n; q += 1) {
        const apq = a[p * n + q] ?? 0;
        if (Math.abs(apq) < 1e-15) continue;
        const app = a[p * n + p] ?? 0;
        const aqq = a[q * n + q] ?? 0;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k += 1) {
          const akp = a[k * n + p] ?? 0;
          const akq = a[k * n + q] ?? 0;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k += 1) {
          const apk = a[p * n + k] ?? 0;
          const aqk = a[q * n + k] ?? 0;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k += 1) {
          const vkp = v[k * n + p] ?? 0;
          const vkq = v[k * n + q] ?? 0;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => (a[y * n + y] ?? 0) - (a[x * n + x] ?? 0));
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((source, target) => {
    values[target] = a[source * n + source] ?? 0;
    for (let k = 0; k < n; k += 1) vectors[k * n + target] = v[k * n + source] ?? 0;
  });
  return { values, vectors };
}
