import { stripInvisible } from '../../language/normalize';

export const maxResultChars = 8_000;
const maxItems = 50;

/** Control characters other than tab and newline, and bidi overrides, hide or reorder text. */
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export interface ToolOutput {
  /** Plain text, cleaned and capped: the only form that reaches the agent or (after redaction) an LLM. */
  text: string;
  isError: boolean;
  truncated: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text a tool result cannot use to hide instructions or smuggle data out through rendering. */
export function cleanUntrustedText(text: string): string {
  return stripInvisible(text.normalize('NFC'))
    .replace(controls, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '[image removed]')
    .replace(/<\/?[a-z][^>]*>/gi, '');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (key, item: unknown) => (key === '__proto__' ? undefined : item)) ?? '';
  } catch {
    return '[unserialisable structured result]';
  }
}

function itemText(item: unknown): string {
  if (!isRecord(item)) return '';
  if (item.type === 'text' && typeof item.text === 'string') return item.text;
  if (item.type === 'resource' && isRecord(item.resource) && typeof item.resource.text === 'string') return item.resource.text;
  if (item.type === 'resource_link' && typeof item.uri === 'string') return `[link: ${typeof item.name === 'string' ? item.name : ''} ${item.uri}]`;
  if (item.type === 'image' || item.type === 'audio') return `[${item.type} omitted]`;
  return '';
}

/**
 * Whatever a server answered, turned into bounded plain text. It never throws: a malformed answer
 * becomes a short explanation, so one bad server cannot take the copilot down.
 */
export function readToolOutput(result: unknown): ToolOutput {
  if (!isRecord(result)) return { text: 'The tool returned no readable result.', isError: true, truncated: false };
  const parts: string[] = [];
  let budget = maxResultChars * 2;
  if (Array.isArray(result.content)) {
    for (const item of result.content.slice(0, maxItems)) {
      if (budget <= 0) break;
      const text = itemText(item).slice(0, budget);
      budget -= text.length;
      if (text) parts.push(text);
    }
  }
  if (parts.length === 0 && result.structuredContent !== undefined) parts.push(safeJson(result.structuredContent).slice(0, maxResultChars * 2));
  if (parts.length === 0 && 'toolResult' in result) parts.push(safeJson(result.toolResult).slice(0, maxResultChars * 2));
  const cleaned = cleanUntrustedText(parts.join('\n'));
  const truncated = cleaned.length > maxResultChars;
  return {
    text: truncated ? `${cleaned.slice(0, maxResultChars)}\n[truncated]` : cleaned || '(empty result)',
    isError: result.isError === true,
    truncated,
  };
}
