import { mulberry32 } from '../../random/mulberry32';
import { augment } from './augment';
import { featurize, hashSize, type FeatureVector } from './features';
import type { IntentModelData } from './model';

export interface LabelledText {
  text: string;
  intent: string;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  /** Fraction of examples replaced by a noised copy each epoch. */
  augmentRate?: number;
  seed?: number;
  temperature?: number;
  threshold?: number;
}

interface Trained {
  labels: string[];
  weights: Float32Array;
  bias: Float32Array;
}

/**
 * Multinomial logistic regression trained by averaged SGD on hashed features. Averaging the
 * weights over all steps is what keeps it from over-fitting the training sentences.
 */
function trainDense(examples: LabelledText[], options: TrainOptions): Trained {
  const labels = [...new Set(examples.map((example) => example.intent))].sort();
  const classes = labels.length;
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const weights = new Float32Array(hashSize * classes);
  const accumulated = new Float32Array(hashSize * classes);
  const bias = new Float64Array(classes);
  const biasAccumulated = new Float64Array(classes);
  const random = mulberry32(options.seed ?? 7);
  const epochs = options.epochs ?? 20;
  const baseRate = options.learningRate ?? 1.0;
  const augmentRate = options.augmentRate ?? 0.8;
  const clean = examples.map((example) => featurize(example.text));
  const logits = new Float64Array(classes);
  let step = 1;

  const order = examples.map((_, index) => index);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const swap = Math.floor(random() * (index + 1));
      [order[index], order[swap]] = [order[swap] ?? 0, order[index] ?? 0];
    }
    const rate = baseRate / (1 + epoch * 0.5);
    for (const exampleIndex of order) {
      const example = examples[exampleIndex];
      if (!example) continue;
      const features: FeatureVector = random() < augmentRate ? featurize(augment(example.text, random)) : (clean[exampleIndex] ?? featurize(example.text));
      const target = labelIndex.get(example.intent) ?? 0;
      for (let label = 0; label < classes; label += 1) logits[label] = bias[label] ?? 0;
      for (const bucket of features.indices) {
        const base = bucket * classes;
        for (let label = 0; label < classes; label += 1) logits[label] = (logits[label] ?? 0) + (weights[base + label] ?? 0) * features.value;
      }
      let max = -Infinity;
      for (const logit of logits) max = Math.max(max, logit);
      let sum = 0;
      for (let label = 0; label < classes; label += 1) {
        logits[label] = Math.exp((logits[label] ?? 0) - max);
        sum += logits[label] ?? 0;
      }
      for (let label = 0; label < classes; label += 1) {
        const gradient = (logits[label] ?? 0) / sum - (label === target ? 1 : 0);
        if (Math.abs(gradient) < 1e-4) continue;
        const delta = rate * gradient * features.value;
        for (const bucket of features.indices) {
          const at = bucket * classes + label;
          weights[at] = (weights[at] ?? 0) - delta;
          accumulated[at] = (accumulated[at] ?? 0) - step * delta;
        }
        bias[label] = (bias[label] ?? 0) - rate * gradient * 0.1;
        biasAccumulated[label] = (biasAccumulated[label] ?? 0) - step * rate * gradient * 0.1;
      }
      step += 1;
    }
  }
  for (let at = 0; at < weights.length; at += 1) weights[at] = (weights[at] ?? 0) - (accumulated[at] ?? 0) / step;
  const averagedBias = new Float32Array(classes);
  for (let label = 0; label < classes; label += 1) averagedBias[label] = (bias[label] ?? 0) - (biasAccumulated[label] ?? 0) / step;
  return { labels, weights, bias: averagedBias };
}

function quantize(trained: Trained, temperature: number, threshold: number): IntentModelData {
  const classes = trained.labels.length;
  const scales = new Float32Array(classes);
  for (let at = 0; at < trained.weights.length; at += 1) {
    const label = at % classes;
    scales[label] = Math.max(scales[label] ?? 0, Math.abs(trained.weights[at] ?? 0));
  }
  for (let label = 0; label < classes; label += 1) scales[label] = (scales[label] ?? 0) / 127 || 1;
  const rowOf = new Int32Array(hashSize).fill(-1);
  const rows: number[] = [];
  for (let bucket = 0; bucket < hashSize; bucket += 1) {
    let keep = false;
    for (let label = 0; label < classes && !keep; label += 1) {
      keep = Math.abs(trained.weights[bucket * classes + label] ?? 0) / (scales[label] ?? 1) >= 0.5;
    }
    if (keep) {
      rowOf[bucket] = rows.length;
      rows.push(bucket);
    }
  }
  const weights = new Int8Array(rows.length * classes);
  rows.forEach((bucket, row) => {
    for (let label = 0; label < classes; label += 1) {
      weights[row * classes + label] = Math.round((trained.weights[bucket * classes + label] ?? 0) / (scales[label] ?? 1));
    }
  });
  return { labels: trained.labels, temperature, threshold, rowOf, weights, scales, bias: trained.bias };
}

export function trainIntentModel(examples: LabelledText[], options: TrainOptions = {}): IntentModelData {
  return quantize(trainDense(examples, options), options.temperature ?? 1, options.threshold ?? 0.3);
}
