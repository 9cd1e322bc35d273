import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src-main/core/language/index';

const zeroWidth = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

function luhnComplete(body: number[]): string {
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) {
    let digit = body[body.length - 1 - index] ?? 0;
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return [...body, (10 - (sum % 10)) % 10].join('');
}

function ibanFor(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`;
  let remainder = 0;
  for (const char of rearranged) {
    const code = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}

const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._]{1,12}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{1,10}[a-z]$/), fc.constantFrom('com', 'org', 'co.uk', 'io', 'de'))
  .filter(([user]) => !user.includes('..'))
  .map(([user, domain, tld]) => `${user}@${domain}.${tld}`);
const phone = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 10, max: 99 }), fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1000, max: 9999 })).map(([cc, a, b, c]) => `+${cc} ${a} ${b} ${c}`),
  fc.tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b, c]) => `(${a}) ${b}-${c}`),
  fc.tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b, c]) => `${a}.${b}.${c}`),
  fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 100000000, max: 999999999 })).map(([cc, rest]) => `+${cc}${rest}`),
);
const card = fc
  .tuple(fc.constantFrom([4], [5, 1], [3, 7], [6, 0, 1, 1]), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 }), fc.constantFrom('', ' ', '-'))
  .map(([prefix, rest, separator]) => {
    const digits = luhnComplete([...prefix, ...rest].slice(0, 15));
    return digits.match(/.{1,4}/g)?.join(separator) ?? digits;
  });
const iban = fc
  // Each country's IBAN has one length (GB 22, DE 22, FR 27, NL 18, ES 24): the BBAN fills the rest.
  .tuple(fc.constantFrom(['GB', 18] as const, ['DE', 18] as const, ['FR', 23] as const, ['NL', 14] as const, ['ES', 20] as const), fc.stringMatching(/^[0-9]{23}$/), fc.boolean())
  .map(([[country, length], digits, spaced]) => {
    const value = ibanFor(country, digits.slice(0, length));
    return spaced ? (value.match(/.{1,4}/g)?.join(' ') ?? value) : value;
  });
const filler = fc.stringMatching(/^[A-Za-z ,]{0,20}$/).map((text) => ` ${text} `);

function splitWithZeroWidth(value: string, positions: number[], marks: number[]): string {
  const chars = [...value];
  positions.forEach((position, index) => {
    const at = 1 + (position % Math.max(1, chars.length - 1));
    chars[at] = `${zeroWidth[(marks[index] ?? 0) % zeroWidth.length]}${chars[at] ?? ''}`;
  });
  return chars.join('');
}

const piece = fc.oneof(email, phone, card, iban);

describe('redactor', () => {
  it('removes every generated email, phone, card and IBAN, and restore(redact(x)) === x', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, piece), { minLength: 1, maxLength: 4 }), filler, (parts, tail) => {
        const redactor = createRedactor();
        const text = parts.map(([before, value]) => before + value).join('') + tail;
        const redacted = redactor.redact(text);
        for (const [, value] of parts) expect(redacted).not.toContain(value);
        expect(redactor.restore(redacted)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('removes values split by zero-width characters, keeping no digit or address part', () => {
    fc.assert(
      fc.property(
        filler,
        piece,
        fc.array(fc.nat(40), { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(4), { minLength: 3, maxLength: 3 }),
        filler,
        (before, value, positions, marks, after) => {
          const redactor = createRedactor();
          const text = before + splitWithZeroWidth(value, positions, marks) + after;
          const redacted = redactor.redact(text);
          const visible = redacted.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
          expect(visible).not.toContain(value);
          expect(visible.replace(/⟨(EMAIL|PHONE|CARD|IBAN)_\d+⟩/g, '')).not.toMatch(/\d{4}/);
          expect(redactor.restore(redacted)).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same value the same placeholder and redacts names known from the CRM', () => {
    const redactor = createRedactor({ knownNames: ['Crystal Minh', 'Minh'] });
    const first = redactor.redact('I am Crystal Minh, mail crystal@acme.com');
    const second = redactor.redact('again: crystal@acme.com, ask for crystal   minh');
    expect(first).toBe('I am ⟨NAME_1⟩, mail ⟨EMAIL_1⟩');
    expect(second).toBe('again: ⟨EMAIL_1⟩, ask for ⟨NAME_2⟩');
    expect(redactor.restoreDeep({ to: '⟨EMAIL_1⟩', list: ['⟨NAME_1⟩'] })).toEqual({ to: 'crystal@acme.com', list: ['Crystal Minh'] });
    // A model that rewrites the brackets still gets the value back.
    expect(redactor.restore('[EMAIL_1]')).toBe('crystal@acme.com');
  });

  it('redacts street addresses and order numbers, and leaves ordinary text alone', () => {
    const redactor = createRedactor();
    const redacted = redactor.redact('Ship it to 1420 Maple Avenue, Apt 5 please; order 3209268863 was wrong');
    expect(redacted).toBe('Ship it to ⟨ADDRESS_1⟩ please; order ⟨ORDER_1⟩ was wrong');
    expect(redactor.restore(redacted)).toBe('Ship it to 1420 Maple Avenue, Apt 5 please; order 3209268863 was wrong');
  });

  it('keeps a literal placeholder typed by the customer as it was', () => {
    const redactor = createRedactor();
    for (const text of ['my mail [EMAIL_1] is a@b.com', 'my mail ⟨EMAIL_1⟩ is a@b.com']) {
      const redacted = redactor.redact(text);
      expect(redacted).not.toContain('a@b.com');
      expect(redactor.restore(redacted)).toBe(text);
    }
  });
});
