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

function digitCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) count += 1;
  }
  return count;
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

/** IBAN length per country (SWIFT's registry): a checksum alone passes one random code in 97. */
const ibanLengths: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24,
  FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24,
  SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

export function ibanValid(value: string): boolean {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  if (ibanLengths[compact.slice(0, 2)] !== compact.length) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

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

const tlds =
  'com|org|net|edu|gov|info|biz|io|co|me|app|dev|shop|store|online|uk|us|ca|de|fr|es|pt|br|it|nl|be|ch|at|se|no|dk|fi|pl|ie|eu|mx|ar|jp|cn|in|au|nz|ru|cat';
const label = '[\\p{L}\\p{N}-]+';
const tldSet = new Set(tlds.split('|'));
// Letters of any script: internationalised addresses ("josé@correo.españa", "user@例え.jp").
const localChar = /[\p{L}\p{N}._%+'-]/u;
const domainAfter = /^\s*[\p{L}\p{N}-]+(?:\s*\.\s*[\p{L}\p{N}-]+)+/u;
const plainDomain = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;

/**
 * Addresses around each "@": the local part just before it, the domain just after. Anchored on the
 * "@" so a long line costs one short look either side, not a scan from every position.
 * "bob @ example . org" is taken when its top-level domain is a real one, so "me @ home. Then" stays.
 */
function emailsAroundAt(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    // Walk back over the spaces, then the local part's characters (at most 64).
    let start = at;
    while (start > 0 && start > at - 4 && /\s/.test(text[start - 1] ?? '')) start -= 1;
    const spacedBefore = start < at;
    while (start > 0 && start > at - 68 && localChar.test(text[start - 1] ?? '')) start -= 1;
    while (start < at && /[._%+'-]/.test(text[start] ?? '')) start += 1;
    if (start === at || /\s/.test(text[start] ?? '')) continue;
    const rest = text.slice(at + 1, at + 256);
    let length = 0;
    const plain = spacedBefore ? null : plainDomain.exec(rest);
    if (plain) {
      // "a@b.com." and "a@b.com.Then": drop trailing labels until the last one is a top-level domain.
      const labels = plain[0].split('.');
      while (labels.length > 2 && !/^\p{L}{2,24}$/u.test(labels.at(-1) ?? '')) labels.pop();
      if (/^\p{L}{2,24}$/u.test(labels.at(-1) ?? '')) length = labels.join('.').length;
    }
    if (!length) {
      const spaced = domainAfter.exec(rest);
      if (spaced) {
        const pieces = spaced[0].split(/(\s*\.\s*)/);
        // pieces: label, separator, label, …; keep up to the last label that is a known top-level domain.
        for (let last = pieces.length - 1; last >= 2; last -= 2) {
          if (tldSet.has((pieces[last] ?? '').toLowerCase())) {
            length = pieces.slice(0, last + 1).join('').length;
            break;
          }
        }
      }
    }
    if (length) spans.push({ start, end: at + 1 + length, value: text.slice(start, at + 1 + length) });
  }
  return spans;
}

// "john dot doe at gmail dot com", "john(at)example(dot)org", "ana [arroba] mail [punto] es".
const dotWord = '(?:\\s*[(\\[{<]\\s*(?:dot|punto|point|punkt|ponto)\\s*[)\\]}>]\\s*|\\s+(?:dot|punto|point|punkt|ponto)\\s+)';
const atWord = '(?:\\s*[(\\[{<]\\s*(?:at|arroba|arobase)\\s*[)\\]}>]\\s*|\\s+(?:at|arroba|arobase)\\s+)';
const spokenEmail = new RegExp(
  `(?<![\\p{L}\\p{N}])${label}(?:(?:${dotWord}|[._])${label})*${atWord}${label}(?:(?:${dotWord}|\\s*\\.\\s*)${label})*(?:${dotWord}|\\s*\\.\\s*)(?:${tlds})(?![\\p{L}\\p{N}])`,
  'giu',
);
// "bought it at amazon.com" is not an address: a spoken form needs a spoken dot or a bracketed at.
const spokenMark = /[(\[{<]\s*(?:at|arroba|arobase)\s*[)\]}>]|(?<![\p{L}])(?:dot|punto|point|punkt|ponto)(?![\p{L}])/iu;

const spokenAt = /(?<![\p{L}])(?:at|arroba|arobase)(?![\p{L}])/iu;

// Cheap tests first: most lines hold no "@" and no spoken "dot", and the full patterns are costly.
export const findEmails = (text: string): Span[] => {
  const spans = emailsAroundAt(text);
  if (spokenMark.test(text) && spokenAt.test(text)) spans.push(...matches(text, spokenEmail, (value) => spokenMark.test(value)));
  return longestFirst(spans);
};

/** Overlapping finds of one family: keep the longest, then the earliest. */
function longestFirst(spans: Span[]): Span[] {
  const kept: Span[] = [];
  for (const span of [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((other) => span.start < other.end && span.end > other.start)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export const findCards = (text: string): Span[] =>
  // Payment cards start with 2–6 (the industry identifier); order numbers often pass Luhn by chance.
  // Separators people type or paste: space (any width, folded by the shadow text), dash, dot, slash, underscore.
  checksummed(text, /(?<![\d+])[2-6](?:[ ._/-]?\d){12,22}/g, (value) => !/[ ._/-]$/.test(value) && luhnValid(digitsOf(value)), 13);

export const findIbans = (text: string): Span[] =>
  checksummed(text, /\b[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,34}/g, (value) => ibanValid(value), 15);

const phoneWords = 'phone|mobile|cell|tel|telephone|call me(?: on| at)?|text me(?: on| at)?|whatsapp|number|teléfono|telefono|móvil|movil|téléphone|portable|handy|handynummer|telefon|telefonnummer|telemóvel|celular|contacto';

/**
 * International and national formats: +CC or 00CC and grouped digits (a subscriber group may be
 * long: "+49 170 1234567"), (area) codes, dots or dashes. A bare run of digits is an order number
 * more often than a phone, so it needs a +, separators, or a phone word just before it.
 */
export const findPhones = (text: string): Span[] => {
  if (digitCount(text) < 7) return [];
  const grouped = matches(
    text,
    /(?<![\w+])(?:(?:\+|00)\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,5}(?:[ .-]\d{1,8}){1,5}(?![\w])|(?<![\w+])\+\d{7,15}(?!\w)/g,
    (value) => {
      const digits = digitsOf(value).length;
      const international = value.startsWith('+') || /^00[1-9]/.test(value);
      const groups = value.split(/[ .-]/).length;
      if (digits < 7 || digits > 15) return false;
      if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(value)) return false;
      if (/^\d{4}[./-]\d{1,2}[./-]\d{1,2}$/.test(value)) return false;
      return international || value.includes('(') || groups >= 3 || (groups === 2 && digits >= 9);
    },
  );
  const worded = valueAfter(text, new RegExp(`\\b(?:${phoneWords})\\b(?:\\s+(?:is|es|est|ist|é|:))?\\s*[:#]?\\s*(\\+?\\d[\\d .-]{5,18}\\d)`, 'giu'), (value) => {
    const digits = digitsOf(value).length;
    return digits >= 7 && digits <= 15;
  });
  return longestFirst([...grouped, ...worded]);
};

/** The first capture group of each match, with its offsets. */
function valueAfter(text: string, pattern: RegExp, accept: (value: string) => boolean = () => true): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    const value = match[1];
    if (match.index === undefined || !value || !accept(value)) continue;
    const start = match.index + match[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length, value });
  }
  return spans;
}

const streetTypes =
  'street|st|avenue|ave|av|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|way|place|pl|terrace|circle|cir|parkway|pkwy|highway|hwy|square|sq|trail|close|crescent|cres|grove|gardens|row|mews';
const unit = '(?:apt|apartment|suite|ste|unit|flat|fl|floor|room|#|piso|puerta|étage|etage|appartement|wohnung|whg|andar|apto)\\.?\\s*#?\\s*\\d{1,5}[A-Za-z]?(?![\\p{L}\\p{N}])';
// A street name's words: letters, or an ordinal ("1st Ave"); never a bare number, so "04 to 221 Baker St" starts at 221.
const word = "(?:\\d{1,4}(?:st|nd|rd|th)|\\p{L}[\\p{L}'.-]*)";
const capital = "\\p{Lu}[\\p{L}'-]*";
/** Each form with a cheap test that must pass before its full pattern runs. */
const addressPatterns: [RegExp, RegExp][] = [
  // "6821 1st Ave", "1420 Maple Avenue, Apt 5"
  [new RegExp(`(?:${streetTypes})`, 'i'), new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,6}[A-Za-z]?\\s+(?:${word}\\s+){1,4}(?:${streetTypes})(?![\\p{L}\\p{N}])(?:,?\\s*${unit})?`, 'giu')],
  // "12 rue de la Paix", "5 bis avenue Victor Hugo"
  [/(?:rue|avenue|boulevard|bd|place|chemin|all[ée]e|impasse|quai|cours|route|square)\s/i, new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,5}(?:\\s?(?:bis|ter))?,?\\s+(?:rue|avenue|boulevard|bd|place|chemin|allée|allee|impasse|quai|cours|route|square)\\s+(?:(?:de|du|des|la|le|l'|d')\\s*)*${capital}(?:\\s+(?:(?:de|du|des|la|le|l'|d')\\s*)*${capital}){0,3}`, 'gu')],
  // "Calle Mayor 10", "Avenida da Liberdade 245", "C/ Mayor, 3", "Rua Augusta nº 100"
  [/(?:calle|c\/|avenida|avda|av\.|plaza|paseo|camino|carrera|ronda|traves[íi]a|rua|travessa|pra[çc]a|largo|estrada|alameda)/i, new RegExp(`(?<![\\p{L}\\p{N}])(?:calle|c/|avenida|avda\\.?|av\\.|plaza|paseo|camino|carrera|ronda|travesía|rua|travessa|praça|praca|largo|estrada|alameda)(?:(?<=[/.])\\s*|\\s+)(?:(?:de|del|la|las|los|da|do|das|dos|el)\\s+)*${capital}(?:\\s+(?:(?:de|del|la|las|los|da|do|das|dos|el)\\s+)*${capital}){0,3},?\\s*(?:n[º°o]\\.?\\s*)?\\d{1,5}[A-Za-z]?(?![\\p{L}\\p{N}])`, 'giu')],
  // "Hauptstraße 5, 10115 Berlin", "Am Ring 3"? no: a street-type ending is required.
  [/(?:stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad)\s+\d/i, new RegExp(`(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}-]*(?:straße|strasse|str\\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad)\\s+\\d{1,4}\\s?[a-z]?(?![\\p{L}\\p{N}])(?:,?\\s*\\d{5}\\s+${capital})?`, 'gu')],
  // Units on their own: "Apt 4B", "Suite 300", "Flat 2".
  [/(?:apt|apartment|suite|unit|flat|appartement|wohnung|apto)/i, new RegExp(`(?<![\\p{L}\\p{N}])(?:apt|apartment|suite|unit|flat|appartement|wohnung|apto)\\.?\\s*#?\\s*\\d{1,5}[A-Za-z]?(?![\\p{L}\\p{N}])`, 'giu')],
  // "PO Box 123", "P.O. Box 4411", "Postfach 1234", "Apartado de correos 55", "Caixa Postal 12"
  [/(?:box|postfach|apartado|caixa|bo[iî]te)/i, /(?<![\p{L}\p{N}])(?:p\.?\s?o\.?\s*box|post\s+office\s+box|postfach|apartado(?:\s+de\s+correos)?|caixa\s+postal|boîte\s+postale|bo[iî]te\s+postale)\s*#?\s*\d{1,8}(?![\p{L}\p{N}])/giu],
  // UK postcodes: "SW1A 2AA", "M1 1AE" (upper case, as written on envelopes).
  [/[A-Z]\d/, /(?<![\p{L}\p{N}])(?:[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|GIR\s0AA)(?![\p{L}\p{N}])/gu],
  // Postcode and town after a comma: ", 10115 Berlin", ", 75002 Paris", ", 28013 Madrid".
  [/,\s?\d{4}/, new RegExp(`(?<=,\\s?)\\d{4,5}\\s+${capital}`, 'gu')],
  // US town, state and ZIP: "Springfield, IL 62704", ", CA 94103-1234".
  [/,\s?[A-Z]{2}\s\d{5}/, new RegExp(`(?:(?<=,\\s?)|${capital}(?:\\s${capital})?,\\s?)[A-Z]{2}\\s\\d{5}(?:-\\d{4})?(?!\\d)`, 'gu')],
];

const hasDigit = /\d/;

/** Every address form holds a number: a line without a digit is skipped at once. */
export const findAddresses = (text: string): Span[] => (hasDigit.test(text) ? longestFirst(addressPatterns.flatMap(([cheap, pattern]) => (cheap.test(text) ? matches(text, pattern) : []))) : []);

const dateValue =
  '(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th|\\.)?\\s+(?:of\\s+|de\\s+)?\\p{L}{3,10}\\.?,?\\s+(?:de\\s+)?\\d{4}|\\p{L}{3,10}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})';
const birthWords =
  "date\\s+of\\s+birth|birth\\s*date|birthday|d\\.?o\\.?b\\.?|born(?:\\s+on)?|fecha\\s+de\\s+nacimiento|nac[ií]d[oa]\\s+el|date\\s+de\\s+naissance|n[ée]e?\\s+le|geburtsdatum|geburtstag|geboren(?:\\s+am)?|data\\s+de\\s+nascimento|nascid[oa]\\s+(?:em|a)";

/** A date next to a birth word: an order date ("ordered on 03/04/2024") is not personal data. */
const birthWord = new RegExp(birthWords, 'iu');

export const findBirthDates = (text: string): Span[] =>
  !hasDigit.test(text) || !birthWord.test(text)
    ? []
    : valueAfter(text, new RegExp(`(?:${birthWords})\\s*(?:is|was|es|est|ist|é|:|=)?\\s*[:-]?\\s*(${dateValue})`, 'giu'));

const passportWords = 'passport|passeport|pasaporte|reisepass|passaporte|pass(?:port)?\\s*nr|id\\s+card|identity\\s+card|national\\s+id|dni|nie|carte\\s+d\'identit[ée]|personalausweis|ausweis(?:nummer)?|cart[aã]o\\s+de\\s+cidad[aã]o';

/** Identity documents: the number after a document word, and US social security numbers. */
const identityCue = /pass|pasaport|ausweis|\bid\b|identi|dni|nie|carte|cart[aã]o|ssn|social|\d{3}-\d{2}-\d{4}/i;

export const findIdentityNumbers = (text: string): Span[] =>
  !hasDigit.test(text) || !identityCue.test(text)
    ? []
    : longestFirst([
    ...valueAfter(
      text,
      new RegExp(`\\b(?:${passportWords})(?:\\s+(?:no\\.|no(?=[\\s:#])|number|num(?![\\p{L}\\p{N}])|nr(?:\\.|(?=[\\s:#]))|número|numero|numéro|nummer|n[º°]))?\\s*(?:(?:is|es|est|ist|é)(?=\\s)|:|#)?\\s*[:#]?\\s*([A-Z0-9][A-Z0-9-]{4,13}[A-Z0-9])\\b`, 'giu'),
      (value) => /\d/.test(value),
    ),
    ...valueAfter(text, /\b(?:ssn|social\s+security(?:\s+number)?)\s*(?:is|:|#)?\s*(\d{3}[- ]?\d{2}[- ]?\d{4})\b/giu),
    ...matches(text, /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g),
  ]);

/** Card security codes and expiry dates, after their word: "cvv 123", "CVC: 0421", "exp 08/27". */
const cardSecretCue = /cv[vc]|csc|cid|security|verification|c[óo]digo|crypto|pr[üu]f|exp|valid|caducidad|vencimiento|g[üu]ltig/i;

export const findCardSecrets = (text: string): Span[] =>
  !hasDigit.test(text) || !cardSecretCue.test(text)
    ? []
    : longestFirst([
    ...valueAfter(text, /\b(?:cvv2?|cvc2?|csc|cid|security\s+code|card\s+verification(?:\s+(?:code|value))?|c[óo]digo\s+de\s+seguridad|cryptogramme|pr[üu]fnummer|c[óo]digo\s+de\s+seguran[çc]a)\s*(?:is|es|est|ist|é|:|#|=)?\s*[:#]?\s*(\d{3,4})\b/giu),
    ...valueAfter(text, /\b(?:exp(?:iry|iration)?(?:\s+date)?|expires|valid\s+(?:thru|through|until)|caducidad|vencimiento|g[üu]ltig\s+bis|validade)\s*(?:is|:)?\s*(\d{1,2}\s?\/\s?\d{2,4})\b/giu),
  ]);

// An order word, then an optional number word: "order", "order number", "pedido nº", "numéro de commande", "Bestellnummer".
const orderWords =
  "orders?(?:\\s+(?:number|no\\.|no(?=[\\s:#])|num(?![\\p{L}\\p{N}])|nr\\.?|id|#|ref(?:erence)?))?|order[_-]?id|purchase(?:\\s+(?:number|no\\.?))?|invoice(?:\\s+(?:number|no\\.?))?|receipt(?:\\s+(?:number|no\\.?))?|confirmation\\s+(?:number|no\\.?|code)|" +
  "(?:n[úu]mero\\s+de\\s+)?pedido(?:\\s+(?:n[úu]mero|n[º°o]\\.?))?|(?:num[ée]ro\\s+de\\s+)?commande(?:\\s+(?:n[º°o]\\.?|num[ée]ro))?|bestell(?:ung|nummer|nr\\.?)(?:\\s+(?:nr\\.?|nummer))?|auftrags?(?:nummer|nr\\.?)|(?:n[úu]mero\\s+da\\s+)?encomenda|ordine";
// An id: letters and a dash allowed in front ("ORD-55123"), at least four digits in all.
const orderId = '#?\\s?[A-Za-z]{0,4}-?\\d[\\dA-Za-z-]{2,24}(?![\\dA-Za-z-])';
// "to order 2000 units" is a quantity, not an order number.
const quantityAfter = /^\s*(?:x\b|units?|pcs|pieces?|pairs?|items?|more|unidades|piezas|pares|pi[èe]ces|paires|st[üu]ck|paar|unidades)/iu;
const orderCue = /order|purchase|invoice|receipt|confirmation|pedido|commande|bestell|auftrag|encomenda|ordine|#\s?\d/i;
const orderAfterWord = new RegExp(`(?<![\\p{L}])(?:${orderWords})(?![\\p{L}])\\s*(?:(?:is|was|es|est|ist|é)(?=\\s)|:|=|-)?\\s*[:#]?\\s*(${orderId}(?:\\s*(?:,|&|and|or|y|o|et|ou|und|oder|e)\\s*${orderId})*)`, 'giu');
const hashOrder = /(?<![\p{L}\p{N}&])#\s?([A-Za-z]{0,4}-?\d{4,20})(?![\p{L}\p{N}])/gu;
const oneOrderId = /(?<![\p{L}\p{N}])[A-Za-z]{0,4}-?\d[\dA-Za-z-]{2,24}/gu;

/**
 * Order numbers a customer writes, after an order word in five languages or after "#": "order ORD-55123 and
 * ORD-55124", "pedido nº 12345", "Bestellnummer 778899". An order number points at one person, and the model
 * needs it for its tool calls: it leaves as a placeholder and is mapped back in main.
 */
export const findOrderIds = (text: string): Span[] => {
  if (!hasDigit.test(text) || !orderCue.test(text)) return [];
  const spans: Span[] = [];
  for (const group of valueAfter(text, orderAfterWord)) {
    for (const match of group.value.matchAll(oneOrderId)) {
      const value = match[0];
      if (match.index === undefined || digitCount(value) < 4) continue;
      const start = group.start + match.index;
      if (quantityAfter.test(text.slice(start + value.length, start + value.length + 12))) continue;
      spans.push({ start, end: start + value.length, value });
    }
  }
  spans.push(...matches(text, hashOrder).map((span) => {
    const value = span.value.replace(/^#\s?/, '');
    return { start: span.end - value.length, end: span.end, value };
  }));
  return longestFirst(spans);
};
