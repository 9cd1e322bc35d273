import type { LabelledText } from '../../src-main/core/language/intent/train';

/** The word-count multinomial naive Bayes the issue names as the baseline. */
export function trainNaiveBayes(examples: LabelledText[]): (text: string) => string {
  const tokenize = (text: string): string[] => text.toLowerCase().match(/[a-z']+/g) ?? [];
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const priors = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const example of examples) {
    priors.set(example.intent, (priors.get(example.intent) ?? 0) + 1);
    const perLabel = counts.get(example.intent) ?? new Map<string, number>();
    counts.set(example.intent, perLabel);
    for (const word of tokenize(example.text)) {
      vocabulary.add(word);
      perLabel.set(word, (perLabel.get(word) ?? 0) + 1);
      totals.set(example.intent, (totals.get(example.intent) ?? 0) + 1);
    }
  }
  const labels = [...priors.keys()];
  return (text) => {
    const words = tokenize(text);
    let best = labels[0] ?? 'unknown';
    let bestScore = -Infinity;
    for (const label of labels) {
      const perLabel = counts.get(label);
      const total = (totals.get(label) ?? 0) + vocabulary.size;
      let score = Math.log((priors.get(label) ?? 1) / examples.length);
      for (const word of words) score += Math.log(((perLabel?.get(word) ?? 0) + 1) / total);
      if (score > bestScore) {
        bestScore = score;
        best = label;
      }
    }
    return best;
  };
}
