import { findAddresses, findBirthDates, findCards, findCardSecrets, findEmails, findIbans, findIdentityNumbers, findOrderIds, findPhones, type Span } from '../pii-patterns';
import { originalSpan, shadowOf } from '../shadow-text';
import { edgedPattern, type EdgedPattern } from './edged-pattern';
import { literalPatterns, type KnownValues } from './known-values';

export type PiiKind = 'EMAIL' | 'PHONE' | 'CARD' | 'CVV' | 'IBAN' | 'ADDRESS' | 'NAME' | 'ORDER' | 'CONTACT' | 'ID' | 'DOB';
export type { KnownValues } from './known-values';

export interface RedactorOptions {
  /** Names from the CRM record (first, last, full): redacted wherever they appear. */
  knownNames?: string[];
  /** The customer's own CRM values, redacted as literals in whatever spacing the text uses. */
  knownValues?: KnownValues;
}

/**
 * Replaces personal data with stable placeholders (`⟨EMAIL_1⟩`, `⟨ORDER_1⟩`). The mapping stays in main:
 * `restore` puts the values back for display and for tool arguments before the policy check.
 * `[EMAIL_1]` is read back as the same placeholder, in case a model rewrites the brackets.
 */
export interface Redactor {
  redact(text: string): string;
  restore(text: string): string;
  restoreDeep<T>(value: T): T;
  /** Placeholders in `value` (any depth) that this redactor never issued: a tool call using one is refused. */
  unknownPlaceholders(value: unknown): string[];
  /** placeholder → original text. */
  placeholders(): Map<string, string>;
  addKnownNames(names: string[]): void;
  addKnownValues(values: KnownValues): void;
  /** What `redact` would replace, with offsets in `text`: for measuring the redactor. */
  locate(text: string): PiiSpan[];
}

export interface PiiSpan extends Span {
  kind: PiiKind;
}

type Found = PiiSpan;

/** Order matters: the first family to claim a span keeps it (an IBAN is not also a phone). */
const detectors: [PiiKind, (text: string) => Span[]][] = [
  ['EMAIL', findEmails],
  ['IBAN', findIbans],
  ['CARD', findCards],
  ['CVV', findCardSecrets],
  ['DOB', findBirthDates],
  ['ID', findIdentityNumbers],
  // An order number the customer typed that is not one of their CRM orders (those are literals, above):
  // its order word is stronger evidence than the digit grouping a phone is recognised by.
  ['ORDER', findOrderIds],
  ['PHONE', findPhones],
  ['ADDRESS', findAddresses],
];

const kinds = 'EMAIL|PHONE|CARD|CVV|IBAN|ADDRESS|NAME|ORDER|CONTACT|ID|DOB';
const placeholderPattern = new RegExp(`[[⟨](${kinds})_(\\d+)[\\]⟩]`, 'g');
const canonical = (kind: string, index: string | number): string => `⟨${kind}_${index}⟩`;
/** Redacted texts a redactor remembers: about one turn's two prompts of turns and passages (one redactor per conversation). */
const redactedKept = 64;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createRedactor(options: RedactorOptions = {}): Redactor {
  const byOriginal = new Map<string, string>();
  const byPlaceholder = new Map<string, string>();
  const counters = new Map<PiiKind, number>();
  const names = new Set<string>();
  let namePatterns: EdgedPattern[] = [];
  let literals: { kind: PiiKind; pattern: EdgedPattern }[] = [];
  // One pass tells whether a text can hold any of the customer's names or values: most passages hold none of them.
  let anyOwn: RegExp | undefined;
  // Each prompt redacts the conversation's turns and passages again: with the same patterns a text redacts the same.
  const redacted = new Map<string, string>();
  const refreshAnyOwn = (): void => {
    redacted.clear();
    const bodies = [...literals, ...namePatterns.map((pattern) => ({ pattern }))].map(({ pattern }) => `(?:${pattern.body})`);
    anyOwn = bodies.length > 0 ? new RegExp(bodies.join('|'), 'iu') : undefined;
  };

  function addKnownNames(list: string[]): void {
    let changed = false;
    for (const name of list) {
      const trimmed = name.trim();
      if (trimmed.length >= 2 && !names.has(trimmed)) {
        names.add(trimmed);
        changed = true;
      }
    }
    // Compiled once per change, longest first, so "Jane Doe" wins over "Jane".
    if (changed) {
      namePatterns = [...names]
        .sort((a, b) => b.length - a.length)
        .map((name) => edgedPattern(escapeRegExp(name).replace(/\s+/g, '\\s+')));
      refreshAnyOwn();
    }
  }

  const knownValueKeys = new Set<string>();
  // Called on every turn with the same record: only values not seen before add patterns.
  function addKnownValues(values: KnownValues): void {
    const fresh: KnownValues = {};
    for (const family of ['emails', 'phones', 'addresses', 'orderIds', 'contactIds'] as const) {
      const list = (values[family] ?? []).filter((value): value is string => typeof value === 'string' && !knownValueKeys.has(`${family}\u0000${value}`));
      for (const value of list) knownValueKeys.add(`${family}\u0000${value}`);
      fresh[family] = list;
    }
    const added = literalPatterns(fresh);
    if (added.length === 0) return;
    literals = [...literals, ...added];
    refreshAnyOwn();
  }

  addKnownNames(options.knownNames ?? []);
  if (options.knownValues) addKnownValues(options.knownValues);

  function placeholderFor(kind: PiiKind, original: string, source: string): string {
    // Keyed on the exact text, invisible characters included: restore(redact(x)) must give x back byte for byte.
    const key = `${kind}\u0000${original}`;
    const existing = byOriginal.get(key);
    if (existing) return existing;
    let next = (counters.get(kind) ?? 0) + 1;
    // A text that already spells a placeholder keeps it: restore must not turn it into someone's data.
    while (source.includes(`[${kind}_${next}]`) || source.includes(`⟨${kind}_${next}⟩`)) next += 1;
    counters.set(kind, next);
    const placeholder = canonical(kind, next);
    byOriginal.set(key, placeholder);
    byPlaceholder.set(placeholder, original);
    return placeholder;
  }

  function locate(text: string): Found[] {
    const shadow = shadowOf(text);
    const found: Found[] = [];
    const taken: [number, number][] = [];
    const overlaps = (start: number, end: number): boolean => taken.some(([a, b]) => start < b && end > a);
    // The customer's own values first: they are certain, and they name the family exactly.
    const own = anyOwn?.test(shadow.text) ?? false;
    const all: [PiiKind, (text: string) => Span[]][] = own
      ? [
          ...literals.map(({ kind, pattern }): [PiiKind, (text: string) => Span[]] => [kind, pattern.find]),
          ...detectors,
          ...namePatterns.map((pattern): [PiiKind, (text: string) => Span[]] => ['NAME', pattern.find]),
        ]
      : detectors;
    for (const [kind, detect] of all) {
      for (const span of detect(shadow.text)) {
        const [start, end] = originalSpan(shadow, span.start, span.end);
        if (overlaps(start, end)) continue;
        taken.push([start, end]);
        found.push({ kind, start, end, value: text.slice(start, end) });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  function redact(text: string): string {
    const known = redacted.get(text);
    if (known !== undefined) return known;
    const found = locate(text);
    let result = '';
    let cursor = 0;
    for (const item of found) {
      result += text.slice(cursor, item.start) + placeholderFor(item.kind, item.value, text);
      cursor = item.end;
    }
    result += text.slice(cursor);
    if (redacted.size >= redactedKept) redacted.delete(redacted.keys().next().value ?? '');
    redacted.set(text, result);
    return result;
  }

  function restore(text: string): string {
    return text.replace(placeholderPattern, (placeholder, kind: string, index: string) => byPlaceholder.get(canonical(kind, index)) ?? placeholder);
  }

  function unknownPlaceholders(value: unknown): string[] {
    const unknown = new Set<string>();
    const visit = (item: unknown): void => {
      if (typeof item === 'string') {
        for (const match of item.matchAll(placeholderPattern)) if (!byPlaceholder.has(canonical(match[1] ?? '', match[2] ?? ''))) unknown.add(match[0]);
      } else if (Array.isArray(item)) item.forEach(visit);
      else if (item && typeof item === 'object') Object.values(item).forEach(visit);
    };
    visit(value);
    return [...unknown];
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

  return { redact, restore, restoreDeep, unknownPlaceholders, placeholders: () => new Map(byPlaceholder), addKnownNames, addKnownValues, locate };
}
