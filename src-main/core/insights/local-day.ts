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

/**
 * The window's own day, as its clock has it: trusted when it is a plausible day (22 to 26 hours, for the
 * days clocks change), else undefined and the offset is used. Bounds come back as UTC instants.
 */
export function dayFromBounds(day: { date: string; from: string; to: string }): { date: string; from: string; to: string } | undefined {
  const from = Date.parse(day.from);
  const to = Date.parse(day.to);
  const hours = (to - from) / 3_600_000;
  if (!Number.isFinite(hours) || hours < 22 || hours > 26) return undefined;
  return { date: day.date, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
