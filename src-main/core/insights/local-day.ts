/** The agent's calendar day around `now`, as UTC instants; `offsetMinutes` is Date#getTimezoneOffset of the agent's clock. */
export function localDay(now: Date, offsetMinutes = 0): { date: string; from: string; to: string } {
  const dayMs = 86_400_000;
  const local = now.getTime() - offsetMinutes * 60_000;
  const startLocal = Math.floor(local / dayMs) * dayMs;
  const from = new Date(startLocal + offsetMinutes * 60_000);
  return { date: new Date(startLocal).toISOString().slice(0, 10), from: from.toISOString(), to: new Date(from.getTime() + dayMs).toISOString() };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
