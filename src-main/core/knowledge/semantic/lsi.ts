import { createHash } from 'node:crypto';
import { mulberry32 } from '../../random/mulberry32';
import { normalize, type Embedder } from './embedder';
import { orthonormalizeColumns, symmetricEigen } from './linear-algebra';
import { terms } from './terms';

/**
 * Latent semantic indexing, trained on the indexed corpus itself: words that occur in the
 * same articles ("purchase", "order") land near each other, with no download and no network.
 */
export interface LsiModelData {
  version: 1;
  vocabulary: string[];
  idf: number[];
  dimensions: number;
  /** vocabulary × dimensions, row-major: each term's coordinates. */
  projection: Float32Array;
}

const maxVocabulary = 40_000;

interface SparseDoc {
  indices: number[];
  values: number[];
}

function weigh(tokens: string[], index: Map<string, number>, idf: ArrayLike<number>): SparseDoc {
  const counts = new Map<number, number>();
  for (const token of tokens) {
    const at = index.get(token);
    if (at !== undefined) counts.set(at, (counts.get(at) ?? 0) + 1);
  }
  const indices: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [at, count] of counts) {
    const value = (1 + Math.log(count)) * (idf[at] ?? 0);
    indices.push(at);
    values.push(value);
    norm += value * value;
  }
  norm = Math.sqrt(norm) || 1;
  return { indices, values: values.map((value) => value / norm) };
}

export function trainLsi(texts: string[], wantedDimensions: number, seed = 1, languages: string[] = []): LsiModelData {
  const tokenized = texts.map((text, at) => terms(text, languages[at] ?? 'en'));
  const df = new Map<string, number>();
  for (const tokens of tokenized) for (const term of new Set(tokens)) df.set(term, (df.get(term) ?? 0) + 1);
  const vocabulary = [...df.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxVocabulary)
    .map(([term]) => term);
  const index = new Map(vocabulary.map((term, at) => [term, at]));
  const n = texts.length;
  const idf = vocabulary.map((term) => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1);
  const docs = tokenized.map((tokens) => weigh(tokens, index, idf));
  const v = vocabulary.length;
  const dimensions = Math.max(1, Math.min(wantedDimensions, n - 1, v));
  const l = Math.min(dimensions + 10, n, v);
  const random = mulberry32(seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());

  // Randomised range finder with two power iterations: Y = (A Aᵀ)² A Ω, A the term×doc matrix.
  let y: Float64Array = new Float64Array(v * l);
  const multiplyA = (z: Float64Array): Float64Array => {
    const out = new Float64Array(v * l);
    docs.forEach((doc, d) => {
      for (let c = 0; c < l; c += 1) {
        const weight = z[c * n + d] ?? 0;
        if (weight === 0) continue;
        for (let k = 0; k < doc.indices.length; k += 1) {
          const at = c * v + (doc.indices[k] ?? 0);
          out[at] = (out[at] ?? 0) + (doc.values[k] ?? 0) * weight;
        }
      }
    });
    return out;
  };
  const multiplyAt = (matrix: Float64Array): Float64Array => {
    const out = new Float64Array(n * l);
    docs.forEach((doc, d) => {
      for (let c = 0; c < l; c += 1) {
        let sum = 0;
        for (let k = 0; k < doc.indices.length; k += 1) sum += (doc.values[k] ?? 0) * (matrix[c * v + (doc.indices[k] ?? 0)] ?? 0);
        out[c * n + d] = sum;
      }
    });
    return out;
  };
  const omega = new Float64Array(n * l);
  for (let at = 0; at < omega.length; at += 1) omega[at] = gaussian();
  y = multiplyA(omega);
  orthonormalizeColumns(y, v, l);
  for (let iteration = 0; iteration < 2; iteration += 1) {
    const z = multiplyAt(y);
    orthonormalizeColumns(z, n, l);
    y = multiplyA(z);
    orthonormalizeColumns(y, v, l);
  }
  // B = Qᵀ A (l × n); the eigenvectors of B Bᵀ rotate Q onto the leading singular directions.
  const b = multiplyAt(y);
  const bbt = new Float64Array(l * l);
  for (let i = 0; i < l; i += 1) {
    for (let j = i; j < l; j += 1) {
      let sum = 0;
      for (let d = 0; d < n; d += 1) sum += (b[i * n + d] ?? 0) * (b[j * n + d] ?? 0);
      bbt[i * l + j] = sum;
      bbt[j * l + i] = sum;
    }
  }
  const { vectors } = symmetricEigen(bbt, l);
  const projection = new Float32Array(v * dimensions);
  for (let term = 0; term < v; term += 1) {
    for (let k = 0; k < dimensions; k += 1) {
      let sum = 0;
      for (let c = 0; c < l; c += 1) sum += (y[c * v + term] ?? 0) * (vectors[c * l + k] ?? 0);
      projection[term * dimensions + k] = sum;
    }
  }
  return { version: 1, vocabulary, idf, dimensions, projection };
}

export function lsiModelId(model: LsiModelData): string {
  const hash = createHash('sha256');
  hash.update(model.vocabulary.join('\n'));
  hash.update(Buffer.from(model.projection.buffer, model.projection.byteOffset, Math.min(model.projection.byteLength, 1 << 20)));
  return `lsi-v2-${model.dimensions}-${hash.digest('hex').slice(0, 12)}`;
}

export function lsiEmbedder(model: LsiModelData): Embedder {
  const index = new Map(model.vocabulary.map((term, at) => [term, at]));
  const embed = (text: string, language = 'en'): Float32Array => {
    const doc = weigh(terms(text, language), index, model.idf);
    const out = new Float32Array(model.dimensions);
    for (let k = 0; k < doc.indices.length; k += 1) {
      const base = (doc.indices[k] ?? 0) * model.dimensions;
      const weight = doc.values[k] ?? 0;
      for (let d = 0; d < model.dimensions; d += 1) out[d] = (out[d] ?? 0) + weight * (model.projection[base + d] ?? 0);
    }
    return normalize(out);
  };
  return {
    id: lsiModelId(model),
    dimensions: model.dimensions,
    embedDocuments: async (texts, languages = []) => texts.map((text, at) => embed(text, languages[at])),
    embedQuery: async (text, language) => embed(text, language),
  };
}

export function serializeLsi(model: LsiModelData): string {
  return JSON.stringify({
    version: model.version,
    vocabulary: model.vocabulary,
    idf: model.idf,
    dimensions: model.dimensions,
    projection: Buffer.from(model.projection.buffer, model.projection.byteOffset, model.projection.byteLength).toString('base64'),
  });
}

export function deserializeLsi(text: string): LsiModelData {
  const raw = JSON.parse(text) as { version: 1; vocabulary: string[]; idf: number[]; dimensions: number; projection: string };
  const bytes = Buffer.from(raw.projection, 'base64');
  const projection = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(projection.buffer).set(bytes);
  return { version: 1, vocabulary: raw.vocabulary, idf: raw.idf, dimensions: raw.dimensions, projection };
}
