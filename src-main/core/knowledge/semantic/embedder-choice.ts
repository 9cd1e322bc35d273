import { existsSync, readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import type { Logger } from '../../log/logger';
import type { Embedder } from './embedder';
import { deserializeLsi, lsiEmbedder, serializeLsi, trainLsi } from './lsi';
import { openAiEmbedder, type EmbeddingEndpoint } from './openai-embedder';

/**
 * Which model embeds the chunks: the caller's, a configured endpoint, or the offline LSI model trained
 * on the corpus itself (kept in a file and retrained as the corpus grows).
 */
export class EmbedderChoice {
  private constructor(
    private readonly modelFile: string,
    private readonly dimensions: number,
    /** A model that is not ours to train: a caller's or an endpoint's. */
    readonly fixed: Embedder | undefined,
    private offline: Embedder | undefined,
  ) {}

  static async open(options: { modelFile: string; dimensions?: number; embedder?: Embedder; embeddings?: EmbeddingEndpoint; logger: Logger }): Promise<EmbedderChoice> {
    let fixed = options.embedder;
    if (!fixed && options.embeddings) {
      try {
        fixed = await openAiEmbedder(options.embeddings);
      } catch (error) {
        options.logger.warn('embedding endpoint unavailable, using the offline semantic model', { error: error instanceof Error ? error.message : String(error) });
      }
    }
    let offline: Embedder | undefined;
    if (!fixed && existsSync(options.modelFile)) {
      try {
        offline = lsiEmbedder(deserializeLsi(readFileSync(options.modelFile, 'utf8')));
      } catch {
        // A damaged model is retrained with the next rebuild.
      }
    }
    return new EmbedderChoice(options.modelFile, options.dimensions ?? 128, fixed, offline);
  }

  get current(): Embedder | undefined {
    return this.fixed ?? this.offline;
  }

  /** Trains the offline model on these chunk texts (no-op with a fixed model). */
  retrain(texts: string[], languages: string[]): void {
    if (this.fixed || texts.length === 0) return;
    const model = trainLsi(texts, this.dimensions, 1, languages);
    writeFileAtomic.sync(this.modelFile, serializeLsi(model), { fsync: true });
    this.offline = lsiEmbedder(model);
  }

  async embedAll(texts: string[], languages: string[]): Promise<Float32Array[]> {
    const embedder = this.current;
    if (!embedder) throw new Error('no embedder');
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += 256) {
      vectors.push(...(await embedder.embedDocuments(texts.slice(start, start + 256), languages.slice(start, start + 256))));
    }
    return vectors;
  }
}
