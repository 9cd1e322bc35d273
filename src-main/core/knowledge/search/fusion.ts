export interface Ranked<T> {
  key: string;
  item: T;
}

/** Reciprocal rank fusion: each list votes 1/(k + rank); robust to the legs' incomparable scores. */
export function reciprocalRankFusion<T>(lists: Ranked<T>[][], k = 60, weights: number[] = []): { key: string; item: T; score: number }[] {
  const fused = new Map<string, { item: T; score: number }>();
  lists.forEach((list, listIndex) => {
    const weight = weights[listIndex] ?? 1;
    list.forEach((entry, rank) => {
      const current = fused.get(entry.key);
      const vote = weight / (k + rank + 1);
      if (current) current.score += vote;
      else fused.set(entry.key, { item: entry.item, score: vote });
    });
  });
  return [...fused.entries()].map(([key, value]) => ({ key, ...value })).sort((a, b) => b.score - a.score);
}
