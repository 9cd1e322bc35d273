import { createRedactor, type PiiKind } from './redactor';

/** One corpus line: the text without markers, and where each «marked» value sits in it. */
export interface CorpusLine {
  text: string;
  values: { start: number; end: number; value: string }[];
}

export function parseCorpusLine(line: string): CorpusLine {
  const values: CorpusLine['values'] = [];
  let text = '';
  let open = -1;
  for (const char of line) {
    if (char === '«') open = text.length;
    else if (char === '»' && open >= 0) {
      values.push({ start: open, end: text.length, value: text.slice(open, text.length) });
      open = -1;
    } else text += char;
  }
  return { text, values };
}

export interface FamilyResult {
  family: string;
  values: number;
  /** Values wholly inside redacted spans. */
  caught: number;
  recall: number;
  /** Values caught under the family's own kind of placeholder. */
  rightKind: number;
  missed: string[];
}

export interface RedactionEvaluation {
  families: FamilyResult[];
  /** Lines of ordinary text, and how many came out changed (each is a false positive). */
  clean: { lines: number; untouched: number; precision: number; changed: string[] };
  /** Over all corpus lines: redacted characters that belong to a marked value / all redacted characters. */
  charPrecision: number;
  /** Mean time to redact one line, microseconds. */
  microsPerLine: number;
}

const expectedKinds: Record<string, PiiKind[]> = {
  email: ['EMAIL'],
  phone: ['PHONE'],
  card: ['CARD'],
  address: ['ADDRESS'],
  id: ['ID'],
  dob: ['DOB'],
  cvv: ['CVV'],
  iban: ['IBAN'],
  order: ['ORDER'],
};

/** Recall per family and precision on ordinary text, each line through a fresh redactor with no CRM values. */
export function evaluateRedaction(corpus: Record<string, string[]>): RedactionEvaluation {
  const families: FamilyResult[] = [];
  let redactedChars = 0;
  let redactedInsideValues = 0;
  let lines = 0;
  for (const [family, rawLines] of Object.entries(corpus)) {
    if (family === 'clean') continue;
    const result: FamilyResult = { family, values: 0, caught: 0, recall: 0, rightKind: 0, missed: [] };
    for (const raw of rawLines) {
      const line = parseCorpusLine(raw);
      const spans = createRedactor().locate(line.text);
      lines += 1;
      for (const span of spans) {
        redactedChars += span.end - span.start;
        for (const value of line.values) redactedInsideValues += Math.max(0, Math.min(span.end, value.end) - Math.max(span.start, value.start));
      }
      for (const value of line.values) {
        result.values += 1;
        // Caught when every letter and digit of the value lies inside some redacted span.
        let covered = true;
        for (let at = value.start; at < value.end && covered; at += 1) {
          if (!/[\p{L}\p{N}]/u.test(line.text[at] ?? '')) continue;
          covered = spans.some((span) => span.start <= at && at < span.end);
        }
        if (covered) {
          result.caught += 1;
          const kinds = new Set(spans.filter((span) => span.start < value.end && span.end > value.start).map((span) => span.kind));
          if ((expectedKinds[family] ?? []).some((kind) => kinds.has(kind))) result.rightKind += 1;
        } else result.missed.push(value.value);
      }
    }
    result.recall = result.values ? result.caught / result.values : 0;
    families.push(result);
  }
  const cleanLines = (corpus.clean ?? []).map((raw) => parseCorpusLine(raw).text);
  const changed: string[] = [];
  for (const text of cleanLines) {
    lines += 1;
    const spans = createRedactor().locate(text);
    redactedChars += spans.reduce((sum, span) => sum + span.end - span.start, 0);
    if (spans.length) changed.push(createRedactor().redact(text));
  }
  // Timed again once every pattern is compiled: the first pass pays for compiling them.
  const all = Object.values(corpus).flat().map((raw) => parseCorpusLine(raw).text);
  const redactor = createRedactor();
  const warm = performance.now();
  for (let round = 0; round < 20; round += 1) for (const text of all) redactor.locate(text);
  const elapsed = (performance.now() - warm) / 20;
  lines = all.length;
  return {
    families,
    clean: { lines: cleanLines.length, untouched: cleanLines.length - changed.length, precision: cleanLines.length ? (cleanLines.length - changed.length) / cleanLines.length : 1, changed },
    charPrecision: redactedChars ? redactedInsideValues / redactedChars : 1,
    microsPerLine: lines ? (elapsed * 1000) / lines : 0,
  };
}
