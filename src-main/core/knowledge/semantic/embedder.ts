/** Turns text into vectors. Its `id` names the model: vectors of different ids never meet in one table. */
export interface Embedder {
  readonly id: string;
  readonly dimensions: number;
  /** `languages[i]` is the language of `texts[i]`, for models that read words through a stemmer. */
  embedDocuments(texts: string[], languages?: string[]): Promise<Float32Array[]>;
  embedQuery(text: string, language?: string): Promise<Float32Array>;
}

export function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] ?? 0) / norm;
  return vector;
}
