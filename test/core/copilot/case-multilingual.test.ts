import { describe, expect, it } from 'vitest';
import { detectRequest } from '../../../src-main/core/copilot/case/detect-request';
import { detectFlow } from '../../../src-main/core/copilot/abcd-flows';
import { emptyCaseState, type CaseState } from '../../../src-main/core/copilot/case/case-types';
import type { ContactIdentifiers, IdentityLookup } from '../../../src-main/core/copilot/case/identity';
import { fakeIdentityLookup } from './fake-identity-lookup';
import { planCaseActions } from '../../../src-main/core/copilot/case/plan-actions';
import { updateCaseState } from '../../../src-main/core/copilot/case/update-case';
import type { CustomerContext } from '../../../src-main/core/copilot/types';
import { createLanguageAnalyzer, extractEntities } from '../../../src-main/core/language/index';
import { glossToEnglish } from '../../../src-main/core/language/intent/gloss';

// Lines written for this test, apart from the glossary and from the conversation fixtures: other words,
// other word orders, with and without accents.
const requests: [string, string, string][] = [
  ['es', 'Buenas tardes, quisiera que me reembolsaran el abrigo, no me convence', 'refund_initiate'],
  ['es', '¿Qué pasa con mi reembolso? Devolví el paquete hace quince días', 'refund_status'],
  ['es', 'Me mudé la semana pasada, ¿puedo cambiar la dirección del envío?', 'manage'],
  ['es', 'mi paquete todavia no ha llegado y ya pasaron dos semanas', 'status'],
  ['es', 'El cupón de descuento no funciona cuando intento pagar', 'promo_code_invalid'],
  ['es', 'olvidé mi contraseña y no puedo acceder', 'recover_password'],
  ['es', 'me cobraron dos veces la suscripción', 'manage_dispute_bill'],
  ['fr', "Je souhaite être remboursé pour des chaussures qui ne me vont pas", 'refund_initiate'],
  ['fr', 'Avez-vous des nouvelles de mon remboursement ? Toujours rien sur mon compte', 'refund_status'],
  ['fr', "J'ai déménagé, il faut changer l'adresse de livraison de ma commande", 'manage'],
  ['fr', "Mon colis n'est toujours pas arrivé", 'status'],
  ['fr', 'le code promo ne marche pas au moment de payer', 'promo_code_invalid'],
  ['fr', "j'ai oublié mon mot de passe", 'recover_password'],
  ['fr', "On m'a facturé deux fois mon abonnement ce mois-ci", 'manage_dispute_bill'],
  ['de', 'Ich hätte gerne eine Rückerstattung für den Pullover', 'refund_initiate'],
  ['de', 'Was ist mit meiner Erstattung? Ich warte seit zwei Wochen', 'refund_status'],
  ['de', 'Ich bin umgezogen, bitte ändern Sie die Versandadresse', 'manage'],
  ['de', 'Mein Paket ist noch nicht angekommen', 'status'],
  ['de', 'Mein Gutschein funktioniert nicht, er wird abgelehnt', 'promo_code_invalid'],
  ['de', 'Ich habe mein Passwort vergessen und komme nicht mehr rein', 'recover_password'],
  ['de', 'Mein Abo wurde doppelt abgebucht', 'manage_dispute_bill'],
  ['pt', 'Quero meu dinheiro de volta pela camisa', 'refund_initiate'],
  ['pt', 'Meu pedido ainda não chegou', 'status'],
];

describe('requests in Spanish, French, German and Portuguese', () => {
  const analyzer = createLanguageAnalyzer();

  it.each(requests)('%s: %s → %s', (language, text, subflow) => {
    const { intent } = analyzer.analyze(text);
    expect(detectRequest(text, intent, language)?.subflow).toBe(subflow);
  });

  it('names most foreign requests with one of the general intents too, not just "unknown"', () => {
    const named = requests.filter(([, text]) => !['unknown', 'none'].includes(analyzer.analyze(text).intent.intent));
    expect(named.length / requests.length).toBeGreaterThanOrEqual(0.75);
  });

  it('glosses word by word, by Snowball stem, and splits German compounds', () => {
    expect(glossToEnglish('¿Dónde está mi paquete?', 'es')).toBe('where is my package');
    expect(glossToEnglish('Wie ist der Stand meiner Rückerstattung?', 'de')).toBe('what is the status of my refund');
    expect(glossToEnglish('die Lieferadresse', 'de')).toBe('the delivery address');
    // Snowball: inflections of a glossary word meet it.
    expect(glossToEnglish('reembolsado', 'es')).toBe('refund');
    expect(glossToEnglish('hello', 'en')).toBeNull();
  });

  it('keeps thanks, greetings and identifiers alone as non-requests', () => {
    for (const text of ['Vielen Dank für Ihre Hilfe', 'merci, bonne journée', 'hola buenas', 'mi número de pedido es 5543120098', 'Ich heiße Jonas Albrecht']) {
      const { intent } = analyzer.analyze(text);
      expect(intent.intent, text).toBe('none');
    }
  });

  it('tells the drafts the same subflow as the case: one table of subflow words', () => {
    expect(detectFlow('get_refund', 'the jacket is too small, I want to return it')?.subflow).toBe('return_size');
    expect(detectFlow('unknown', 'wie ist der Stand meiner Rückerstattung?', 'de')?.subflow).toBe('refund_status');
    expect(detectFlow('track_order', 'where is my package')?.subflow).toBe('status');
  });
});

const contacts: ContactIdentifiers[] = [
  { id: 'c-ana', name: 'Ana Ruiz', email: 'aruiz330@email.com', username: 'aruiz330', phone: '(305) 555-0101', accountId: null, zip: '33130', orderIds: ['4100200300'] },
  { id: 'c-ana-2', name: 'Ana Ruiz', email: 'ana.ruiz@example.org', username: 'anar12', phone: '(512) 555-0177', accountId: null, zip: '78704', orderIds: ['9100200300'] },
  { id: 'c-jurgen', name: 'Jurgen Weiss', email: 'jweiss802@email.com', username: 'jweiss802', phone: '(206) 555-0166', accountId: null, zip: '98101', orderIds: ['5100200300'] },
];

const lookup = (): IdentityLookup => fakeIdentityLookup(contacts);

function run(lines: [string, string][]): CaseState[] {
  const analyzer = createLanguageAnalyzer();
  let state = emptyCaseState();
  const states: CaseState[] = [];
  for (const [language, text] of lines) {
    const { intent } = analyzer.analyze(text);
    state = updateCaseState(state, { text, intent, entities: extractEntities(text), language: { code: language, confidence: 0.8 } }, { conversationId: 'conv', lookup: lookup(), now: new Date('2020-02-01T12:00:00Z'), doneTools: [], orderKnown: true });
    states.push(state);
  }
  return states;
}

const ana: CustomerContext = {
  id: 'c-ana',
  name: 'Ana Ruiz',
  email: 'aruiz330@email.com',
  username: 'aruiz330',
  phone: null,
  membership: 'gold',
  lifetimeValue: 0,
  orders: [{ id: '4100200300', status: 'delivered', total: 80, placedAt: '2020-01-10T12:00:00Z', items: ['Guess Boots'] }],
  openTickets: [],
  memory: [],
  identifiedBy: 'email',
};

describe('a customer who declines', () => {
  it.each([
    ['en', 'no thanks, leave it'],
    ['en', 'never mind, I will keep them'],
    ['en', "no, I'll keep it"],
    ['es', 'mejor no, déjelo así'],
    ['es', 'no hace falta, me las quedo'],
    ['fr', 'non merci, laissez tomber'],
    ['fr', 'finalement je vais les garder'],
    ['de', 'nein danke, lassen Sie es'],
    ['de', 'ich behalte sie doch'],
    ['pt', 'deixa pra lá, vou ficar com ela'],
  ])('%s: "%s" drops the offer, and nothing more is planned in the case', (language, text) => {
    const states = run([
      ['en', 'I want a refund for the boots I bought'],
      ['en', 'aruiz330@email.com, order 4100200300'],
      [language, text],
    ]);
    expect(planCaseActions(states[1] as CaseState, ana, new Date('2020-02-01T12:00:00Z'), '').map((plan) => plan.tool)).toContain('request_refund');
    const last = states[2] as CaseState;
    expect(last.declined).toMatchObject({ line: 2 });
    expect(planCaseActions(last, ana, new Date('2020-02-01T12:00:00Z'), text)).toEqual([]);
  });

  it('is not a decline when the line asks for something else: that is a new case', () => {
    const states = run([
      ['en', 'I want a refund for the boots I bought'],
      ['en', 'never mind that, I forgot my password'],
    ]);
    expect(states[1]?.request?.subflow).toBe('recover_password');
    expect(states[1]?.declined ?? null).toBeNull();
  });

  it('is not a decline when the line corrects the request or asks for a person', () => {
    const states = run([
      ['en', 'the jacket is too small, I want to return it'],
      ['en', 'never mind, actually it is the colour that is wrong'],
      ['en', 'no need to explain, just get me a manager'],
    ]);
    expect(states[1]?.request).not.toBeNull();
    expect(states[1]?.declined ?? null).toBeNull();
    expect(states[2]?.declined ?? null).toBeNull();
    expect(states[2]?.humanRequested).toBe(true);
  });

  it('"no thanks" after the work is done closes, and withdraws nothing', () => {
    const states = run([
      ['en', 'I want a refund for the boots I bought'],
      ['en', 'aruiz330@email.com, order 4100200300'],
      ['en', 'thanks!'],
      ['en', 'no thanks'],
    ]);
    expect(states[3]?.declined ?? null).toBeNull();
  });
});

describe('who the customer is, from the whole conversation', () => {
  it('stays claimed on a name two contacts share, says so, and is identified by a later identifier', () => {
    const states = run([
      ['es', 'quiero devolver unas botas'],
      ['es', 'Ana Ruiz'],
      ['es', 'claro, mi correo es aruiz330@email.com'],
    ]);
    expect(states[1]?.identity).toMatchObject({ status: 'claimed', customerId: null, ambiguousName: { value: 'Ana Ruiz', contacts: 2 } });
    // The name and the e-mail now agree on one contact: the two of them verify her for a return.
    expect(states[2]?.identity).toMatchObject({ status: 'verified', customerId: 'c-ana', ambiguousName: null });
  });

  it('tells two contacts of one name apart by the zip code the customer gives', () => {
    const states = run([
      ['en', 'I need to change my address'],
      ['en', 'Ana Ruiz'],
      ['en', 'my zip is 78704'],
    ]);
    expect(states[1]?.identity.status).toBe('claimed');
    expect(states[2]?.identity).toMatchObject({ status: 'identified', customerId: 'c-ana-2' });
  });

  it('finds a contact stored without accents from a name written with them', () => {
    const states = run([['de', 'Jürgen Weiß']]);
    expect(states[0]?.identity).toMatchObject({ customerId: 'c-jurgen' });
  });
});
