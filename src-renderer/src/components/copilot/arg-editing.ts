import type { ArgFieldView } from '@contract/copilot';
import { humanise, plainValue } from './plain-words';

export type PlainArg = string | number | boolean | null;
export type PlainArgs = Record<string, PlainArg | Record<string, PlainArg>>;

/** One editable (or read-only) argument of a proposal; `path` is "key" or "group.key". */
export interface ArgLine {
  path: string;
  label: string;
  value: string;
  field: ArgFieldView;
}

const idKey = /(^id$|Id$|_id$)/;

/** Without a schema from main (an MCP tool), the value's own type decides; ids and nested values stay read-only. */
function guessField(key: string, value: unknown): ArgFieldView {
  if (idKey.test(key)) return { kind: 'readonly' };
  if (typeof value === 'number') return { kind: 'number' };
  if (typeof value === 'boolean') return { kind: 'boolean' };
  if (typeof value === 'string' || value === null) return { kind: 'text', required: false };
  return { kind: 'readonly' };
}

/** The lines of the card: one per argument, a group's arguments one level down. */
export function argLines(args: Record<string, unknown>, fields: Record<string, ArgFieldView> | undefined): ArgLine[] {
  const lines: ArgLine[] = [];
  for (const [key, value] of Object.entries(args)) {
    const field = fields?.[key] ?? guessField(key, value);
    if (field.kind === 'group') {
      const inner = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
      const keys = new Set([...Object.keys(field.fields), ...Object.keys(inner)]);
      for (const innerKey of keys) {
        lines.push({ path: `${key}.${innerKey}`, label: `${humanise(key)}: ${humanise(innerKey)}`, value: plainValue(inner[innerKey]), field: field.fields[innerKey] ?? guessField(innerKey, inner[innerKey]) });
      }
      continue;
    }
    lines.push({ path: key, label: humanise(key), value: plainValue(value), field });
  }
  return lines;
}

export function valueAt(args: Record<string, unknown>, path: string): unknown {
  const [head = '', tail] = path.split('.', 2);
  const value = args[head];
  if (tail === undefined) return value;
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[tail] : undefined;
}

/** What the input shows for a value: text inputs take strings, checkboxes booleans. */
export function draftValue(line: ArgLine, value: unknown): string | boolean {
  if (line.field.kind === 'boolean') return value === true;
  return value === null || value === undefined ? '' : String(value);
}

/** Checks one edited value against its field: the message shown beside it, or undefined when it is fine. */
export function fieldProblem(field: ArgFieldView, draft: string | boolean): string | undefined {
  if (field.kind === 'choice') return typeof draft === 'string' && field.options.includes(draft) ? undefined : `Choose one of ${field.options.join(', ')}.`;
  if (field.kind === 'number') {
    const text = String(draft).trim();
    const number = Number(text);
    if (text === '' || !Number.isFinite(number)) return 'Enter a number.';
    if (field.min !== undefined && (field.exclusiveMin ? number <= field.min : number < field.min)) return field.exclusiveMin ? `Must be more than ${field.min}.` : `Must be at least ${field.min}.`;
    if (field.max !== undefined && number > field.max) return `Must be at most ${field.max}.`;
    return undefined;
  }
  if (field.kind === 'text') {
    const text = String(draft);
    if (field.required && text.trim() === '') return 'This cannot be empty.';
    if (field.maxLength !== undefined && text.length > field.maxLength) return `At most ${field.maxLength} characters.`;
  }
  return undefined;
}

/** The edited arguments, typed as their fields say (numbers as numbers, yes/no as booleans, groups as objects). */
export function editedArgs(lines: ArgLine[], drafts: Record<string, string | boolean>): PlainArgs {
  const result: PlainArgs = {};
  for (const line of lines) {
    if (line.field.kind === 'readonly' || !(line.path in drafts)) continue;
    const draft = drafts[line.path];
    const value: PlainArg = line.field.kind === 'number' ? Number(draft) : line.field.kind === 'boolean' ? draft === true : String(draft ?? '');
    const [head = '', tail] = line.path.split('.', 2);
    if (tail === undefined) result[head] = value;
    else {
      const group = result[head];
      result[head] = { ...(group && typeof group === 'object' ? group : {}), [tail]: value };
    }
  }
  return result;
}

/** A read-only tool's answer as fields when it is a JSON object (or a list of them), else undefined: it is shown as text. */
export function resultFields(text: string): { label: string; value: string }[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  const rows: { label: string; value: string }[] = [];
  const walk = (value: unknown, label: string, depth: number): void => {
    if (rows.length >= 40) return;
    if (value && typeof value === 'object' && depth < 3) {
      const entries = Array.isArray(value) ? value.map((item, index) => [String(index + 1), item] as const) : Object.entries(value);
      for (const [key, inner] of entries) walk(inner, label ? `${label} › ${Array.isArray(value) ? `#${key}` : humanise(key)}` : Array.isArray(value) ? `#${key}` : humanise(key), depth + 1);
      return;
    }
    rows.push({ label: label || 'answer', value: Array.isArray(value) ? value.map((item) => plainValue(item)).join(', ') : plainValue(value) });
  };
  walk(parsed, '', 0);
  return rows.length ? rows : undefined;
}
