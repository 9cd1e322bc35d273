import { createIntentModel, noneIntent, type IntentModel, type IntentModelData } from './model';
import { nonRequestPrefix } from './non-requests';
import type { LabelledText } from './train';

/** The label a prediction is scored against: every `none:<kind>` counts as plain "none". */
export function goldIntent(example: LabelledText): string {
  return example.intent.startsWith(nonRequestPrefix) ? noneIntent : example.intent;
}

/** Negative log-likelihood of the gold labels, the quantity temperature scaling minimises. */
function logLoss(model: IntentModel, examples: readonly LabelledText[], classes: number): number {
  let loss = 0;
  for (const example of examples) {
    const gold = goldIntent(example);
    const p = model.classify(example.text, classes).top.find((score) => score.intent === gold)?.probability ?? 1e-9;
    loss -= Math.log(Math.max(p, 1e-9));
  }
  return loss;
}

/**
 * Temperature scaling (Guo et al., 2017): one scalar divides the logits, fitted on held-out lines
 * by minimising log loss. It changes no prediction, only how sure the model says it is.
 * Geometric steps: averaged SGD weights are small, so the best temperature is often well below 1.
 */
export function fitTemperature(data: IntentModelData, heldOut: readonly LabelledText[]): number {
  let best = { temperature: 1, loss: Infinity };
  for (let temperature = 0.02; temperature <= 4; temperature *= 1.08) {
    const loss = logLoss(createIntentModel({ ...data, temperature }), heldOut, data.labels.length);
    if (loss < best.loss) best = { temperature, loss };
  }
  return Number(best.temperature.toFixed(4));
}

export interface CalibrationBin {
  from: number;
  to: number;
  n: number;
  confidence: number;
  accuracy: number;
}

export interface Calibration {
  /** Expected calibration error: the n-weighted mean gap between confidence and accuracy over the bins. */
  ece: number;
  bins: CalibrationBin[];
}

/** ECE over equal-width confidence bins of the top prediction ("none" included as a prediction). */
export function expectedCalibrationError(model: IntentModel, examples: readonly LabelledText[], binCount = 10): Calibration {
  const sums = Array.from({ length: binCount }, () => ({ n: 0, confidence: 0, correct: 0 }));
  for (const example of examples) {
    const best = model.classify(example.text, 1).top[0];
    if (!best) continue;
    const bin = sums[Math.min(binCount - 1, Math.floor(best.probability * binCount))];
    if (!bin) continue;
    bin.n += 1;
    bin.confidence += best.probability;
    bin.correct += best.intent === goldIntent(example) ? 1 : 0;
  }
  const total = Math.max(1, examples.length);
  let ece = 0;
  const bins = sums.map((sum, index) => {
    const confidence = sum.n ? sum.confidence / sum.n : 0;
    const accuracy = sum.n ? sum.correct / sum.n : 0;
    ece += (sum.n / total) * Math.abs(confidence - accuracy);
    return { from: index / binCount, to: (index + 1) / binCount, n: sum.n, confidence, accuracy };
  });
  return { ece, bins };
}
