import type { IntentModel } from './model';
import type { LabelledText } from './train';

export interface IntentEvaluation {
  n: number;
  accuracy: number;
  macro_f1: number;
  /** Most frequent (expected → predicted) mistakes. */
  confusions: { expected: string; predicted: string; count: number }[];
}

export function evaluateIntentModel(model: IntentModel, examples: LabelledText[]): IntentEvaluation {
  const truePositive = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const expectedCount = new Map<string, number>();
  const confusions = new Map<string, number>();
  let correct = 0;
  for (const example of examples) {
    // Accuracy counts the best guess even below the "unknown" threshold: every row has a gold intent.
    const predicted = model.classify(example.text, 1).top[0]?.intent ?? 'unknown';
    expectedCount.set(example.intent, (expectedCount.get(example.intent) ?? 0) + 1);
    predictedCount.set(predicted, (predictedCount.get(predicted) ?? 0) + 1);
    if (predicted === example.intent) {
      correct += 1;
      truePositive.set(predicted, (truePositive.get(predicted) ?? 0) + 1);
    } else {
      const key = `${example.intent}\u0000${predicted}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
  }
  let f1Sum = 0;
  for (const [label, expected] of expectedCount) {
    const tp = truePositive.get(label) ?? 0;
    const precision = tp / Math.max(1, predictedCount.get(label) ?? 0);
    const recall = tp / Math.max(1, expected);
    f1Sum += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return {
    n: examples.length,
    accuracy: examples.length ? correct / examples.length : 0,
    macro_f1: expectedCount.size ? f1Sum / expectedCount.size : 0,
    confusions: [...confusions]
      .map(([key, count]) => {
        const [expected = '', predicted = ''] = key.split('\u0000');
        return { expected, predicted, count };
      })
      .sort((a, b) => b.count - a.count)
      .slice(0, 10),
  };
}
