import { findAddresses, findCards, findEmails, findIbans, findPhones, type Span } from '../pii-patterns';
import { originalSpan, shadowOf } from '../shadow-text';

export type PiiKind = 'EMAIL' | 'PHONE' | 'CARD' | 'IBAN' | 'ADDRESS' | 'NAME';

export interface RedactorOptions {
  /** Names from the CRM record (first, last, full): redacted wherever they appear. */
  knownNames?: string[];
}

/**
 * Replaces personal data with stable placeholders (`[EMAIL_1]`). The mapping stays in main:
 * `restore` puts the values back for display and for approved tool arguments.
 */
export interface Redactor {
  redact(text: string): string;
  restore(text: string): string;
  restoreDeep<T>(value: T): T;
  /** placeholder → original text. */
  placeholders(): Map<string, string>;
  addKnownNames(names: string[]): void;
}

interface Found extends Span {
  kind: PiiKind;
}

const detectors: [PiiKind, (text: string) => Span[]][] = [
  ['EMAIL', findEmails],
  ['IBAN', findIbans],
  ['CARD', findCards],
  ['PHONE', findPhones],
  ['ADDRESS', findAddresses],
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const placeholderPattern = /\[(?:EMAIL|PHONE|CARD|IBAN|ADDRESS|NAME)_\d+\]/g;

export function createRedactor(options: RedactorOptions = {}): Redactor {
  const byOriginal = new Map<string, string>();
  const byPlaceholder = new Map<string, string>();
  const counters = new Map<PiiKind, number>();
  const names = new Set<string>();

  function addKnownNames(list: string[]): void {
    for (const name of list) {
      const trimmed = name.trim();
      if (trimmed.length >= 2) names.add(trimmed);
    }
  }
  addKnownNames(options.knownNames ?? []);

  function placeholderFor(kind: PiiKind, original: string, source: string): string {
    // Keyed on the exact text, invisible characters included: restore(redact(x)) must give x back byte for byte.
    const key = `${kind}\u0000${original}`;
    const existing = byOriginal.get(key);
    if (existing) return existing;
    let next = (counters.get(kind) ?? 0) + 1;
    // A text that already spells a placeholder keeps it: restore must not turn it into someone's data.
    while (source.includes(`[${kind}_${next}]`)) next += 1;
    counters.set(kind, next);
    const placeholder = `[${kind}_${next}]`;
    byOriginal.set(key, placeholder);
    byPlaceholder.set(placeholder, original);
    return placeholder;
  }

  function findNames(text: string): Span[] {
    const spans: Span[] = [];
    // Longest first, so "Jane Doe" wins over "Jane".
    for (const name of [...names].sort((a, b) => b.length - a.length)) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
      for (const match of text.matchAll(pattern)) {
        if (match.index !== undefined) spans.push({ start: match.index, end: match.index + match[0].length, value: match[0] });
      }
    }
    return spans;
  }

  function redact(text: string): string {
    const shadow = shadowOf(text);
    const found: Found[] = [];
    const taken: [number, number][] = [];
    const overlaps = (start: number, end: number): boolean => taken.some(([a, b]) => start < b && end > a);
    const all: [PiiKind, (text: string) => Span[]][] = [...detectors, ['NAME', findNames]];
    for (const [kind, detect] of all) {
      for (const span of detect(shadow.text)) {
        const [start, end] = originalSpan(shadow, span.start, span.end);
        if (overlaps(start, end)) continue;
        taken.push([start, end]);
        found.push({ kind, start, end, value: text.slice(start, end) });
      }
    }
    found.sort((a, b) => a.start - b.start);
    let result = '';
    let cursor = 0;
    for (const item of found) {
      result += text.slice(cursor, item.start) + placeholderFor(item.kind, item.value, text);
      cursor = item.end;
    }
    return result + text.slice(cursor);
  }

  function restore(text: string): string {
    return text.replace(placeholderPattern, (placeholder) => byPlaceholder.get(placeholder) ?? placeholder);
  }

  function restoreDeep<T>(value: T): T {
    if (typeof value === 'string') return restore(value) as T;
    if (Array.isArray(value)) return value.map((item: unknown) => restoreDeep(item)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = restoreDeep(item);
      return out as T;
    }
    return value;
  }

  return { redact, restore, restoreDeep, placeholders: () => new Map(byPlaceholder), addKnownNames };
}
