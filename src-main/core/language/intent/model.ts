import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../../paths/repo-root';
import { featureVersion, featurize, hashSize } from './features';
import { nonRequestPrefix, type NonRequestKind } from './non-requests';
import { refundWithoutStatusCue } from './status-questions';

export interface IntentScore {
  intent: string;
  probability: number;
}

/**
 * What the line does, in the case-state's terms: a request (any Bitext intent but the two below),
 * a complaint, a request for a human, or one of the non-request kinds.
 */
export type LineKind = 'request' | 'complaint' | 'human_request' | NonRequestKind;

/** The intent a line that is not a request gets: thanks, an identifier alone, small talk, a closing. */
export const noneIntent = 'none';

export interface IntentResult {
  /**
   * The best intent; "none" when the line is not a request (see `act`); "unknown" when the best
   * request's probability is below the model's threshold or the text is unlike any support message.
   */
  intent: string;
  /** Calibrated probability of `intent` (of the best guess when "unknown"). */
  confidence: number;
  /** Best first; the non-request kinds are summed into one "none" entry. */
  top: IntentScore[];
  act: LineKind;
  /** Share of the message's features the model has weights for: low means the text is unlike any support request. */
  coverage: number;
}

/**
 * Softmax spreads all the mass over the 27 intents even for "banana smoothie recipe"; such
 * text shares few features with support requests (in-domain messages: 0.89 at the 1st percentile).
 */
const minCoverage = 0.6;

/** Sparse, quantised weights: only hash buckets seen in training are stored, one int8 per class. */
export interface IntentModelData {
  labels: string[];
  temperature: number;
  threshold: number;
  /** hash bucket → row, -1 when the bucket was never seen. */
  rowOf: Int32Array;
  /** rows × labels, int8. */
  weights: Int8Array;
  /** Per label: weight = int8 * scale. */
  scales: Float32Array;
  bias: Float32Array;
}

export interface IntentModel {
  readonly labels: readonly string[];
  classify(text: string, topK?: number): IntentResult;
}

export function defaultIntentModelPath(): string {
  return join(resourcesDir(), 'language', 'intent-model.bin');
}

function actOf(intent: string): LineKind {
  if (intent === 'complaint') return 'complaint';
  if (intent === 'contact_human_agent') return 'human_request';
  return 'request';
}

export function createIntentModel(data: IntentModelData): IntentModel {
  const classes = data.labels.length;
  const logits = new Float64Array(classes);
  const isNone = data.labels.map((label) => label.startsWith(nonRequestPrefix));
  return {
    labels: data.labels,
    classify(text, topK = 3) {
      const { indices, value } = featurize(text);
      for (let label = 0; label < classes; label += 1) logits[label] = data.bias[label] ?? 0;
      let known = 0;
      for (const bucket of indices) {
        const row = data.rowOf[bucket] ?? -1;
        if (row < 0) continue;
        known += 1;
        const base = row * classes;
        for (let label = 0; label < classes; label += 1) {
          logits[label] = (logits[label] ?? 0) + (data.weights[base + label] ?? 0) * (data.scales[label] ?? 0) * value;
        }
      }
      let max = -Infinity;
      for (const logit of logits) max = Math.max(max, logit);
      let sum = 0;
      const probabilities = new Float64Array(classes);
      for (let label = 0; label < classes; label += 1) {
        const p = Math.exp(((logits[label] ?? 0) - max) / data.temperature);
        probabilities[label] = p;
        sum += p;
      }
      const scores: IntentScore[] = [];
      let none = 0;
      let kind: NonRequestKind = 'information';
      let kindProbability = -1;
      for (let label = 0; label < classes; label += 1) {
        const probability = (probabilities[label] ?? 0) / sum;
        const intent = data.labels[label] ?? '';
        if (!isNone[label]) {
          scores.push({ intent, probability });
          continue;
        }
        none += probability;
        if (probability > kindProbability) {
          kindProbability = probability;
          kind = intent.slice(nonRequestPrefix.length) as NonRequestKind;
        }
      }
      if (kindProbability >= 0) scores.push({ intent: noneIntent, probability: none });
      scores.sort((a, b) => b.probability - a.probability);
      const ranked = refundWithoutStatusCue(scores, text);
      const best = ranked[0] ?? { intent: 'unknown', probability: 0 };
      const coverage = known / Math.max(1, indices.length);
      if (best.intent === noneIntent) return { intent: noneIntent, confidence: best.probability, top: ranked.slice(0, topK), act: kind, coverage };
      return {
        intent: best.probability >= data.threshold && coverage >= minCoverage ? best.intent : 'unknown',
        confidence: best.probability,
        top: ranked.slice(0, topK),
        // Text unlike any support message opens no case.
        act: coverage >= minCoverage ? actOf(best.intent) : 'small_talk',
        coverage,
      };
    },
  };
}

const magic = 'SCIM1';

/** Layout: magic, header length, JSON header, then rowOf-compressed bucket list, weights, scales, bias. */
export function serializeIntentModel(data: IntentModelData): Buffer {
  const buckets: number[] = [];
  for (let bucket = 0; bucket < data.rowOf.length; bucket += 1) if ((data.rowOf[bucket] ?? -1) >= 0) buckets.push(bucket);
  const header = Buffer.from(JSON.stringify({ labels: data.labels, temperature: data.temperature, threshold: data.threshold, rows: buckets.length, hashSize, featureVersion }));
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(header.length);
  // Buckets are written in row order so rows need not be stored.
  const ordered = new Uint32Array(buckets.length);
  for (const bucket of buckets) ordered[data.rowOf[bucket] ?? 0] = bucket;
  return Buffer.concat([
    Buffer.from(magic),
    headerLength,
    header,
    Buffer.from(ordered.buffer),
    Buffer.from(data.scales.buffer, data.scales.byteOffset, data.scales.byteLength),
    Buffer.from(data.bias.buffer, data.bias.byteOffset, data.bias.byteLength),
    Buffer.from(data.weights.buffer, data.weights.byteOffset, data.weights.byteLength),
  ]);
}

export function deserializeIntentModel(buffer: Buffer): IntentModelData {
  if (buffer.subarray(0, magic.length).toString() !== magic) throw new Error('Not an intent model file.');
  let offset = magic.length;
  const headerLength = buffer.readUInt32LE(offset);
  offset += 4;
  const header = JSON.parse(buffer.subarray(offset, offset + headerLength).toString()) as {
    labels: string[];
    temperature: number;
    threshold: number;
    rows: number;
    hashSize: number;
    featureVersion?: number;
  };
  offset += headerLength;
  if (header.hashSize !== hashSize || (header.featureVersion ?? 1) !== featureVersion) {
    throw new Error('The intent model was built with other features: retrain it with scripts/train-intent.ts.');
  }
  // Copies, so typed arrays are aligned whatever the file buffer's offset.
  const copy = (bytes: number): ArrayBuffer => {
    const slice = new Uint8Array(bytes);
    slice.set(buffer.subarray(offset, offset + bytes));
    offset += bytes;
    return slice.buffer;
  };
  const classes = header.labels.length;
  const ordered = new Uint32Array(copy(header.rows * 4));
  const scales = new Float32Array(copy(classes * 4));
  const bias = new Float32Array(copy(classes * 4));
  const weights = new Int8Array(copy(header.rows * classes));
  const rowOf = new Int32Array(hashSize).fill(-1);
  ordered.forEach((bucket, row) => {
    rowOf[bucket] = row;
  });
  return { labels: header.labels, temperature: header.temperature, threshold: header.threshold, rowOf, weights, scales, bias };
}

let cached: IntentModel | undefined;

/** Loads the shipped model (cached), or the one at `path`. */
export function loadIntentModel(path?: string): IntentModel {
  if (!path && cached) return cached;
  const model = createIntentModel(deserializeIntentModel(readFileSync(path ?? defaultIntentModelPath())));
  if (!path) cached = model;
  return model;
}
