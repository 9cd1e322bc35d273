export interface TextSegment {
  text: string;
  marked: boolean;
}

/** Splits text at highlight ranges so a template renders <mark> around plain text nodes, never HTML. */
export function segmentsOf(text: string, ranges: readonly (readonly [number, number])[]): TextSegment[] {
  const sorted = [...ranges].filter(([start, end]) => end > start && start >= 0 && end <= text.length).sort((a, b) => a[0] - b[0]);
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const [start, end] of sorted) {
    if (start < cursor) continue;
    if (start > cursor) segments.push({ text: text.slice(cursor, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), marked: false });
  return segments;
}
