/** Detectors shared by the entity extractor and the redactor. Each returns spans of the text it is given. */
export interface Span {
  start: number;
  end: number;
  value: string;
}

function matches(text: string, pattern: RegExp, accept: (value: string) => boolean = () => true): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    const value = match[0];
    if (match.index === undefined || !accept(value)) continue;
    spans.push({ start: match.index, end: match.index + value.length, value });
  }
  return spans;
}

export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = Number(digits[index]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return digits.length >= 13 && digits.length <= 19 && sum % 10 === 0;
}

export function ibanValid(value: string): boolean {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export const findEmails = (text: string): Span[] =>
  matches(text, /[A-Za-z0-9._%+-]+ ?@ ?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b/g);

/**
 * A greedy pattern may run into the next word or number ("GB82 … 32 A", "4111 … 1111 2024"):
 * take the longest prefix that passes the checksum instead of giving up on the match.
 */
function checksummed(text: string, pattern: RegExp, valid: (value: string) => boolean, minLength: number): Span[] {
  const spans: Span[] = [];
  const scanner = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let match = scanner.exec(text); match; match = scanner.exec(text)) {
    let accepted = 0;
    for (let end = match[0].length; end >= minLength && accepted === 0; end -= 1) {
      const value = match[0].slice(0, end);
      if (!/[ -]$/.test(value) && valid(value)) {
        spans.push({ start: match.index, end: match.index + end, value });
        accepted = end;
      }
    }
    // Rescan right after what was taken: the rest of the greedy match may hold another value.
    scanner.lastIndex = match.index + Math.max(1, accepted);
  }
  return spans;
}

export const findCards = (text: string): Span[] =>
  // Payment cards start with 2–6 (the industry identifier); order numbers often pass Luhn by chance.
  checksummed(text, /(?<![\d])[2-6](?:[ -]?\d){12,22}/g, (value) => luhnValid(digitsOf(value)), 13);

export const findIbans = (text: string): Span[] =>
  checksummed(text, /\b[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,34}/g, (value) => ibanValid(value), 15);

/**
 * International and national formats: +CC and grouped digits, (area) codes, dots or dashes.
 * A bare run of digits is an order number more often than a phone, so it needs a + or separators.
 */
export const findPhones = (text: string): Span[] =>
  matches(
    text,
    /(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,5}(?:[ .-]\d{1,5}){1,5}(?![\w])|(?<![\w+])\+\d{7,15}(?!\w)/g,
    (value) => {
      const digits = digitsOf(value).length;
      const hasPlus = value.startsWith('+');
      const groups = value.split(/[ .-]/).length;
      if (digits < 7 || digits > 15) return false;
      if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(value)) return false;
      return hasPlus || value.includes('(') || groups >= 3 || (groups === 2 && digits >= 9);
    },
  );

const streetTypes =
  'street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|way|place|pl|terrace|circle|cir|parkway|pkwy|highway|hwy|square|sq|trail|calle|rue|strasse|straße';

export const findAddresses = (text: string): Span[] =>
  matches(
    text,
    new RegExp(`\\b\\d{1,6}[A-Za-z]?\\s+(?:[A-Za-z][A-Za-z'.-]*\\s+){1,4}(?:${streetTypes})\\b(?:,?\\s*(?:apt|apartment|suite|unit|#)\\.?\\s*\\w+)?`, 'gi'),
  );
