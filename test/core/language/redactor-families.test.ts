import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src-main/core/language/index';

/** Every letter and digit of `value` is gone from the redacted text, and restore gives the text back. */
function expectRedacted(text: string, value: string, kind?: string): void {
  const redactor = createRedactor();
  const redacted = redactor.redact(text);
  expect(redacted, text).not.toContain(value);
  const spans = redactor.locate(text);
  const start = text.indexOf(value);
  for (let at = start; at < start + value.length; at += 1) {
    if (!/[\p{L}\p{N}]/u.test(text[at] ?? '')) continue;
    expect(spans.some((span) => span.start <= at && at < span.end), `${text} @${at}`).toBe(true);
  }
  if (kind) expect(spans.some((span) => span.kind === kind && span.start <= start && span.end >= start + value.length), `${text} as ${kind}`).toBe(true);
  expect(redactor.restore(redacted)).toBe(text);
}

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

const fullWidth = (text: string): string => text.replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
const digitString = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((digits) => digits.join(''));
const capitalised = fc.constantFrom('Maple', 'Oak', 'Victor Hugo', 'Mayor', 'Liberdade', 'Augusta', 'Sunset', 'Kingsway', 'Cedar', 'Paix', 'Constitución');
const sentence = (value: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('', 'please use ', 'it is ', 'mi dato: ', 'voilà : ', 'bitte: '), value, fc.constantFrom('', ' thanks', ', ok?', ' por favor', '.')).map(([before, item, after]) => ({ text: `${before}${item}${after}`, value: item }));

const cards = fc
  .tuple(fc.constantFrom([4], [5, 1], [5, 5], [2, 2, 2, 1], [6, 0, 1, 1]), digitString(14, 14), fc.constantFrom(' ', '-', '.', '/', '_', '\u00a0', '\u2009', '\u202f', ''), fc.boolean())
  .map(([prefix, rest, separator, wide]) => {
    const digits = luhnComplete([...prefix, ...[...rest].map(Number)].slice(0, 15));
    const grouped = digits.match(/.{1,4}/g)?.join(separator) ?? digits;
    return wide ? fullWidth(grouped) : grouped;
  });

const phones = fc.oneof(
  fc.tuple(fc.constantFrom('+49', '0049', '+44', '0044', '+34', '+33', '+351', '+1'), fc.integer({ min: 100, max: 999 }), digitString(6, 8)).map(([cc, area, rest]) => `${cc} ${area} ${rest.replace(/^0/, '5')}`),
  fc.tuple(fc.constantFrom('+44 7700', '+49 170', '+49 30'), digitString(6, 8)).map(([head, rest]) => `${head} ${rest.replace(/^0/, '9')}`),
  fc.tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 1000, max: 9999 }), fc.constantFrom('-', '.', ' ')).map(([a, b, c, s]) => `(${a}) ${b}${s}${c}`),
);

const word = fc.stringMatching(/^[a-z][a-z0-9]{1,9}$/);
const tld = fc.constantFrom('com', 'org', 'net', 'de', 'fr', 'es', 'io', 'co.uk');
const emails = fc.oneof(
  fc.tuple(word, word, word, tld).map(([a, b, domain, end]) => `${a} dot ${b} at ${domain} dot ${end.replace('.', ' dot ')}`),
  fc.tuple(word, word, tld, fc.constantFrom('(at)', '[at]', '{at}', ' (at) ')).map(([a, domain, end, at]) => `${a}${at}${domain}(dot)${end.replace('.', '(dot)')}`),
  fc.tuple(word, word, tld).map(([a, domain, end]) => `${a} @ ${domain} . ${end.replace('.', ' . ')}`),
  fc.tuple(word, word, tld).map(([a, domain, end]) => `${a}＠${domain}.${end}`),
  fc.tuple(fc.constantFrom('josé', 'müller', 'chloé.m', 'joão'), fc.constantFrom('correo.españa', 'bücher', 'exämple', '例え'), tld).map(([a, domain, end]) => `${a}@${domain}.${end}`),
);

const addresses = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('1st', '2nd', '5th', 'Maple', 'Oak Tree', 'Lake View'), fc.constantFrom('Ave', 'Avenue', 'St', 'Street', 'Road', 'Blvd', 'Drive', 'Lane')).map(([n, name, type]) => `${n} ${name} ${type}`),
  fc.tuple(fc.constantFrom('Apt', 'Apartment', 'Suite', 'Unit', 'Flat'), fc.integer({ min: 1, max: 999 }), fc.constantFrom('', 'A', 'B')).map(([unit, n, letter]) => `${unit} ${n}${letter}`),
  fc.tuple(fc.constantFrom('SW1A 2AA', 'EC1A 1BB', 'W1A 0AX', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT')).map(([code]) => code),
  fc.tuple(fc.constantFrom('Haupt', 'Linden', 'Berliner ', 'Goethe'), fc.constantFrom('straße', 'strasse', 'weg', 'platz', 'allee'), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 10000, max: 99999 }), fc.constantFrom('Berlin', 'München', 'Köln')).map(([a, b, n, zip, city]) => `${a.trim()}${b} ${n}, ${zip} ${city}`),
  fc.tuple(fc.integer({ min: 1, max: 200 }), fc.constantFrom('rue', 'avenue', 'boulevard', 'place'), fc.constantFrom('de la ', 'du ', 'des ', ''), capitalised).map(([n, type, article, name]) => `${n} ${type} ${article}${name}`),
  fc.tuple(fc.constantFrom('Calle', 'Avenida', 'Plaza', 'Rua', 'Avenida da'), capitalised, fc.integer({ min: 1, max: 400 })).map(([type, name, n]) => `${type} ${name} ${n}`),
  fc.tuple(fc.constantFrom('PO Box', 'P.O. Box', 'Postfach', 'Apartado'), fc.integer({ min: 1, max: 99999 })).map(([box, n]) => `${box} ${n}`),
);

const dateOfBirth = fc
  .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1930, max: 2008 }), fc.constantFrom('/', '.', '-'))
  .map(([d, m, y, s]) => `${String(d).padStart(2, '0')}${s}${String(m).padStart(2, '0')}${s}${y}`);
const birthWord = fc.constantFrom('date of birth', 'DOB:', 'born on', 'birthday', 'fecha de nacimiento', 'date de naissance', 'Geburtsdatum', 'data de nascimento');
const spelledDate = fc
  .tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom('January', 'March', 'Sept.', 'marzo', 'mars', 'März'), fc.integer({ min: 1930, max: 2008 }))
  .map(([d, month, y]) => `${d} ${month} ${y}`);

const passportWord = fc.constantFrom('passport number', 'passport no.', 'passport #', 'número de pasaporte', 'pasaporte', 'numéro de passeport', 'Reisepass Nr.', 'Personalausweis', 'DNI', 'ID card');
const documentNumber = fc
  .tuple(fc.stringMatching(/^[A-Z]{0,2}$/), digitString(6, 9), fc.stringMatching(/^[A-Z]?$/))
  .map(([head, digits, tail]) => `${head}${digits}${tail}`);
const securityWord = fc.constantFrom('cvv', 'CVV2', 'cvc', 'CVC:', 'security code', 'card verification code', 'código de seguridad', 'cryptogramme', 'Prüfnummer');
const securityCode = fc.oneof(digitString(3, 3), digitString(4, 4));

const orderWord = fc.constantFrom('order', 'order number', 'order no.', 'order #', 'pedido', 'pedido nº', 'numéro de commande', 'commande', 'Bestellnummer', 'Bestellung Nr.', 'encomenda');
const orderNumber = fc.oneof(digitString(5, 12).map((digits) => `7${digits}`), fc.tuple(fc.constantFrom('ORD-', 'A', 'SO-', ''), digitString(4, 8)).map(([head, digits]) => `${head}${digits}`));

/** Ordinary support text in four languages, built from the pieces that look most like personal data. */
const ordinary = fc.oneof(
  fc.tuple(fc.constantFrom('size', 'talla', 'taille', 'Größe'), fc.integer({ min: 2, max: 48 })).map(([w, n]) => `I need ${w} ${n} instead`),
  fc.tuple(fc.integer({ min: 1, max: 365 }), fc.constantFrom('days', 'días', 'jours', 'Tage', 'hours', 'weeks')).map(([n, unit]) => `you said ${n} ${unit} for returns`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('shirts', 'pairs of socks', 'items', 'camisas', 'vestes', 'Paar Schuhe')).map(([n, things]) => `I bought ${n} ${things}`),
  fc.tuple(fc.constantFrom('$', '€', '£'), fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 99 })).map(([cur, whole, cents]) => `it was ${cur}${whole}.${String(cents).padStart(2, '0')} in the end`),
  fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2019, max: 2026 })).map(([d, m, y]) => `I placed it on ${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`),
  fc.tuple(fc.constantFrom('gold', 'silver', 'bronze', 'platinum'), fc.integer({ min: 2010, max: 2026 })).map(([tier, year]) => `I'm a ${tier} member since ${year}`),
  fc.constantFrom('I walked down the street to the store', 'the avenue shop was closed', 'take the road to the mall', 'our place is small', 'the court ruled in my favour', 'we live on the square', 'la calle estaba cerrada', 'la rue était fermée', 'die Straße war gesperrt'),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `tracking says ${a} to ${a + b} business days`),
  fc.tuple(fc.integer({ min: 1, max: 50 }), fc.constantFrom('units', 'pieces', 'pairs')).map(([n, unit]) => `I want to order ${n} ${unit}`),
);

describe('redaction of every family the review found in clear', () => {
  it('cards with any separator, no-break or thin spaces, or full-width digits (Luhn-checked)', () => {
    fc.assert(fc.property(sentence(cards), ({ text, value }) => expectRedacted(text, value, 'CARD')), { numRuns: 300 });
  });

  it('phones with long digit groups, 00 prefixes and national forms', () => {
    fc.assert(fc.property(sentence(phones), ({ text, value }) => expectRedacted(text, value, 'PHONE')), { numRuns: 300 });
    for (const value of ['+49 170 1234567', '+44 7700 900123', '0049 170 1234567']) expectRedacted(`call me on ${value} please`, value, 'PHONE');
    expectRedacted('my number is 07700900123', '07700900123', 'PHONE');
  });

  it('spoken, spaced, bracketed, full-width and internationalised emails', () => {
    fc.assert(fc.property(sentence(emails), ({ text, value }) => expectRedacted(text, value, 'EMAIL')), { numRuns: 300 });
    for (const value of ['john dot doe at gmail dot com', 'john(at)example(dot)org', 'bob @ example . org', 'ana＠correo.es', 'josé@correo.españa.es']) expectRedacted(`write to ${value} thanks`, value, 'EMAIL');
  });

  it('street addresses in English, French, Spanish, Portuguese and German, units, postcodes and PO boxes', () => {
    fc.assert(fc.property(sentence(addresses), ({ text, value }) => expectRedacted(text, value, 'ADDRESS')), { numRuns: 300 });
    for (const value of ['6821 1st Ave', 'Apt 4B', 'SW1A 2AA', 'Hauptstraße 5, 10115 Berlin', '12 rue de la Paix', 'Calle Mayor 10', 'PO Box 123']) expectRedacted(`send it to ${value} please`, value, 'ADDRESS');
  });

  it('dates of birth next to a birth word, in five languages', () => {
    fc.assert(fc.property(birthWord, dateOfBirth, (words, date) => expectRedacted(`my ${words} ${date}`, date, 'DOB')), { numRuns: 200 });
    expectRedacted('I was born on March 3, 1985', 'March 3, 1985', 'DOB');
  });

  it('spelled-out dates of birth', () => {
    fc.assert(fc.property(birthWord, spelledDate, (words, date) => expectRedacted(`my ${words} ${date}`, date, 'DOB')), { numRuns: 200 });
  });

  it('passport and identity document numbers after their word, in five languages', () => {
    fc.assert(
      fc.property(passportWord, documentNumber, (words, number) => {
        expectRedacted(`my ${words} ${number} thanks`, number, 'ID');
      }),
      { numRuns: 300 },
    );
  });

  it('card security codes after their word', () => {
    fc.assert(fc.property(securityWord, securityCode, (words, code) => expectRedacted(`the ${words} ${code} ok`, code, 'CVV')), { numRuns: 300 });
  });

  it('order numbers a customer types, after an order word in five languages or a #', () => {
    fc.assert(fc.property(orderWord, orderNumber, (words, number) => expectRedacted(`my ${words} ${number} has not arrived`, number, 'ORDER')), { numRuns: 300 });
    expectRedacted('order ORD-55123 and ORD-55124 both came', 'ORD-55124', 'ORDER');
    expectRedacted('where is #448812?', '448812', 'ORDER');
  });

  it('each card separator the review found: no-break space, thin space, dot, slash, underscore, full-width digits', () => {
    for (const separator of ['\u00a0', '\u2009', '\u202f', '.', '/', '_']) {
      const value = ['4111', '1111', '1111', '1111'].join(separator);
      expectRedacted(`my card is ${value} ok`, value, 'CARD');
    }
    expectRedacted('card ４１１１ １１１１ １１１１ １１１１ thanks', '４１１１ １１１１ １１１１ １１１１', 'CARD');
  });

  it('ordinary text stays untouched (fast-check): sizes, days, counts, prices, order dates, tiers, street words in prose', () => {
    const redactor = createRedactor();
    fc.assert(
      fc.property(ordinary, (text) => {
        expect(redactor.redact(text)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('passport and identity numbers, card security codes and expiry dates', () => {
    expectRedacted('passport number X1234567', 'X1234567', 'ID');
    // A number that starts with the letters of "Nr" is the number, not the abbreviation (a fast-check find).
    expectRedacted('mi número de pasaporte NR000000 gracias', 'NR000000', 'ID');
    expectRedacted('numéro de passeport 18AB12345', '18AB12345', 'ID');
    expectRedacted('my ssn is 078-05-1120', '078-05-1120', 'ID');
    expectRedacted('cvv 123', '123', 'CVV');
    expectRedacted('the CVC is 0421, exp 08/27', '0421', 'CVV');
    expectRedacted('the CVC is 0421, exp 08/27', '08/27', 'CVV');
  });

  it('leaves ordinary support text untouched: sizes, counts, prices, order dates, ticket and item numbers', () => {
    const redactor = createRedactor();
    const ordinary = [
      'I need size 10, not 8',
      'you said 90 days for returns',
      'I ordered 3 shirts for $89.99 on 03/04/2024',
      'it arrived on March 3, 2024',
      'ticket 55123 is late by 4 days',
      'I bought it at amazon.com',
      'the promo code SAVE20 did not work at 10:30',
      'Pedí la talla 38 el 12 de marzo',
      'we are on floor 3',
    ];
    for (const text of ordinary) expect(redactor.redact(text)).toBe(text);
  });

  it("redacts the customer's own CRM phone, address, email and order ids as literals, and maps them back", () => {
    const redactor = createRedactor();
    redactor.addKnownValues({ phones: ['+1 (415) 555-0199'], addresses: ['742 Evergreen Terrace, Springfield, OR 97403'], emails: ['crys@acme.com'], orderIds: ['3209268863'] });
    redactor.addKnownValues({ orderIds: ['3209268863'] });
    const redacted = redactor.redact('call 4155550199 or 415 555 0199, I am at 742 evergreen terrace; Crys@Acme.com; order 3209268863');
    expect(redacted).toBe('call ⟨PHONE_1⟩ or ⟨PHONE_2⟩, I am at ⟨ADDRESS_1⟩; ⟨EMAIL_1⟩; order ⟨ORDER_1⟩');
    expect(redactor.restoreDeep({ orderId: '⟨ORDER_1⟩', to: '[EMAIL_1]' })).toEqual({ orderId: '3209268863', to: 'Crys@Acme.com' });
  });
});
