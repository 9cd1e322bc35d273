import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src-main/core/language/index';
import { emptyCaseState, type CaseState, type CaseStep } from '../../../src-main/core/copilot/case/case-types';
import { deliveryTimeIn, newNameIn, paymentMethodIn } from '../../../src-main/core/copilot/case/change-values';
import { subflowActions, subflowLabel } from '../../../src-main/core/copilot/case/flows';
import type { ContactIdentifiers } from '../../../src-main/core/copilot/case/identity';
import { planCaseActions } from '../../../src-main/core/copilot/case/plan-actions';
import { updateCaseState } from '../../../src-main/core/copilot/case/update-case';
import { composeDrafts } from '../../../src-main/core/copilot/drafting/compose';
import { draftTask } from '../../../src-main/core/copilot/drafting/llm-brief';
import { phrase, type DraftLanguage } from '../../../src-main/core/copilot/drafting/templates';
import type { CustomerContext, Turn } from '../../../src-main/core/copilot/types';
import { fakeIdentityLookup } from './fake-identity-lookup';

// A name, delivery-time or payment-method change waits for its new value, carries it, and the drafts ask for it.
const now = new Date('2020-01-20T12:00:00Z');
const contacts: ContactIdentifiers[] = [{ id: 'c-noor', name: 'Noor Haddad', email: 'nhaddad914@email.com', username: 'nhaddad914', phone: '(313) 402-8816', accountId: null, zip: '48126', orderIds: ['1385920467'] }];
const noor: CustomerContext = {
  id: 'c-noor',
  name: 'Noor Haddad',
  email: 'nhaddad914@email.com',
  username: 'nhaddad914',
  phone: '(313) 402-8816',
  membership: 'gold',
  lifetimeValue: 250,
  orders: [{ id: '1385920467', status: 'processing', total: 97, placedAt: '2020-01-09T12:00:00.000Z', items: ['Tommy Hilfiger Boots'] }],
  openTickets: [],
  memory: [],
  identifiedBy: 'name',
};

function run(lines: string[], language = 'en'): CaseState {
  let state = emptyCaseState();
  for (const text of lines) {
    state = updateCaseState(state, { text, intent: undefined, entities: extractEntities(text), language: { code: language, confidence: 0.6 } }, { conversationId: 'conv', lookup: fakeIdentityLookup(contacts, null), now, doneTools: [], orderKnown: true });
  }
  return state;
}

const ticketOf = (state: CaseState) => planCaseActions(state, noor, now, 'x').find((plan) => plan.tool === 'create_ticket');

describe('the new value a change is about, in the customer words', () => {
  it.each([
    ['Can it come in the evening instead?', 'evening'],
    ['can you deliver it on Friday evening?', 'Friday evening'],
    ['could it come on March 15 instead of March 10', 'March 15'],
    ['la entrega está prevista por la mañana, ¿puede ser por la tarde?', 'por la tarde'],
    ['¿puede llegar mañana por la tarde?', 'mañana por la tarde'],
    ['el 15 de marzo mejor', '15 de marzo'],
    ['la livraison est prévue le matin, je préfère le soir', 'le soir'],
    ['pouvez-vous livrer le 3 mars ?', '3 mars'],
    ['die Lieferung ist für morgens geplant, geht es abends?', 'abends'],
    ['können Sie am 15. März liefern?', '15. März'],
  ])('delivery: %s → %s', (text, wanted) => {
    expect(deliveryTimeIn(text, extractEntities(text))).toBe(wanted);
  });

  it.each([
    "Hello, my delivery is scheduled for the morning but I'm at work then",
    'my order was supposed to arrive on monday',
    'la entrega está prevista por la mañana',
    'ma livraison est prévue le matin',
    'die Lieferung ist für morgens geplant',
  ])('delivery as it stands is not the new time: %s', (text) => {
    expect(deliveryTimeIn(text, extractEntities(text))).toBeUndefined();
  });

  it.each([
    ['I need to change my name to Jane Doe please', 'Jane Doe'],
    ['my last name should be Berg', 'Berg'],
    ['quiero cambiar mi nombre a María López', 'María López'],
    ['je voudrais changer mon nom en Camille Martin', 'Camille Martin'],
    ['mein neuer Nachname ist Berg', 'Berg'],
    ['it should be fine', undefined],
  ])('name: %s → %s', (text, wanted) => {
    expect(newNameIn(text)).toBe(wanted);
  });

  it.each([
    ['I paid with credit card but want to use PayPal', 'PayPal'],
    ['can I switch from card to paypal', 'PayPal'],
    ['I paid by credit card', undefined],
    ['quiero pagar con tarjeta de regalo en lugar de tarjeta de crédito', 'gift card'],
    ['je voudrais payer par virement au lieu de la carte bancaire', 'bank transfer'],
    ['lieber per PayPal statt Kreditkarte', 'PayPal'],
  ])('payment method: %s → %s', (text, wanted) => {
    expect(paymentMethodIn(text)).toBe(wanted);
  });
});

describe('a change ticket waits for its new value and carries it', () => {
  const deliveries: [string, string[], string][] = [
    ['en', ["Hello, my delivery is scheduled for the morning but I'm at work then", 'Noor Haddad', '1385920467'], 'Can it come in the evening instead?'],
    ['es', ['hola, la entrega de mi pedido está prevista por la mañana pero no estaré en casa', 'Noor Haddad', '1385920467'], '¿puede llegar por la tarde?'],
    ['fr', ['bonjour, ma livraison est prévue le matin mais je ne serai pas chez moi', 'Noor Haddad', '1385920467'], 'est-ce possible le soir plutôt ?'],
    ['de', ['hallo, meine Lieferung ist für morgens geplant, aber ich bin nicht zu Hause', 'Noor Haddad', '1385920467'], 'kann sie abends kommen?'],
  ];
  for (const [language, before, wish] of deliveries) {
    it(`a delivery-time change (${language}) on the line that gives the new time, not the time as scheduled`, () => {
      const verified = run(before, language);
      expect(verified.request?.subflow).toBe('status_delivery_time');
      expect(verified.identity.status).toBe('verified');
      expect(ticketOf(verified)).toBeUndefined();
      const given = run([...before, wish], language);
      expect(ticketOf(given)?.args.content).toContain(`New delivery time: ${given.slots.deliveryTime ?? '?'}`);
      expect(given.slots.deliveryTime).toBeTruthy();
    });
  }

  it('a name change waits for a name other than the one on the account, given to identify the customer', () => {
    const identified = run(['I need to change the name on my account', 'Noor Haddad', 'nhaddad914@email.com', '1385920467']);
    expect(identified.request?.subflow).toBe('manage_change_name');
    expect(identified.identity.status).toBe('verified');
    expect(ticketOf(identified)).toBeUndefined();
    const given = run(['I need to change the name on my account', 'Noor Haddad', 'nhaddad914@email.com', '1385920467', 'it should be Noor Smith']);
    expect(ticketOf(given)?.args.content).toContain('New name: Noor Smith');
  });

  it('keeps a new name said before the current one the customer identifies with', () => {
    const state = run(['I got married and need to change my name to Noor Smith', 'Noor Haddad', 'nhaddad914@email.com', '1385920467']);
    expect(ticketOf(state)?.args.content).toContain('New name: Noor Smith');
  });

  it('a payment-method change waits for the method to use, not the one paid with', () => {
    const start = ['quiero cambiar el método de pago de mi pedido', 'Noor Haddad', '1385920467'];
    expect(ticketOf(run([...start, 'pagué con tarjeta de crédito'], 'es'))).toBeUndefined();
    expect(ticketOf(run([...start, 'pagué con tarjeta de crédito', 'con tarjeta de regalo'], 'es'))?.args.content).toContain('New payment method: gift card');
  });
});

describe('the drafts ask for the new value while the ticket waits for it', () => {
  const turns = (...lines: string[]): Turn[] => lines.map((text) => ({ role: 'customer', text, at: now.toISOString() }));
  function stepsOf(subflow: string): CaseStep[] {
    return subflowActions(subflow).map((action) => ({ action, label: action, status: ['pull-up-account', 'verify-identity', 'record-reason', 'shipping-status'].includes(action) ? 'done' : 'todo' }));
  }
  const verifiedCase = (subflow: string, flow: string, slots: CaseState['slots'], language: DraftLanguage): CaseState => ({
    ...emptyCaseState(),
    request: { flow, subflow, intent: 'x', label: subflowLabel(subflow), confidence: 0.8, openedAtLine: 0 },
    identity: { status: 'verified', customerId: noor.id, customerName: noor.name, matched: ['name', 'order_id'], claimed: [], conflict: null, source: 'customer' },
    slots,
    steps: stepsOf(subflow),
    lastAct: 'information',
    language,
  });
  const cases: [string, string, 'newName' | 'deliveryTime' | 'paymentMethod', string, 'askNewName' | 'askNewDeliveryTime' | 'askNewPaymentMethod', DraftLanguage, string[]][] = [
    ['manage_change_name', 'manage_account', 'newName', 'Noor Smith', 'askNewName', 'en', ['I need to change the name on my account', 'Noor Haddad', '1385920467']],
    ['status_delivery_time', 'order_issue', 'deliveryTime', 'por la tarde', 'askNewDeliveryTime', 'es', ['hola, quiero cambiar la hora de entrega de mi pedido', 'Noor Haddad', '1385920467']],
    ['status_payment_method', 'order_issue', 'paymentMethod', 'bank transfer', 'askNewPaymentMethod', 'fr', ['je voudrais changer le moyen de paiement de ma commande', 'Noor Haddad', '1385920467']],
    ['manage_payment_method', 'manage_account', 'paymentMethod', 'PayPal', 'askNewPaymentMethod', 'de', ['ich möchte die Karte in meinem Konto ändern', 'Noor Haddad', '1385920467']],
  ];
  for (const [subflow, flow, slot, value, key, language, lines] of cases) {
    it(`asks for the ${slot} of a ${subflow} in ${language}, and no more once it is given`, () => {
      const asked = composeDrafts({ caseState: verifiedCase(subflow, flow, {}, language), customer: noor, knowledge: [], proposals: [], turns: turns(...lines), now });
      expect(asked.map((draft) => draft.text).join(' | ')).toContain(phrase(language, key));
      const given = composeDrafts({ caseState: verifiedCase(subflow, flow, { [slot]: value }, language), customer: noor, knowledge: [], proposals: [], turns: turns(...lines, value), now });
      expect(given.map((draft) => draft.text).join(' | ')).not.toContain(phrase(language, key));
    });
  }

  it('asks for the new name while the only name in the case is the one on file', () => {
    const asked = composeDrafts({ caseState: verifiedCase('manage_change_name', 'manage_account', { newName: 'Noor Haddad' }, 'en'), customer: noor, knowledge: [], proposals: [], turns: turns('I need to change the name on my account', 'Noor Haddad'), now });
    expect(asked.map((draft) => draft.text).join(' | ')).toContain(phrase('en', 'askNewName'));
  });
});

describe('the model is told which new value the change waits for', () => {
  const redactor = { redact: (text: string) => text } as unknown as Parameters<typeof draftTask>[1];
  const brief = (state: CaseState) => draftTask({ caseState: state, customer: noor, knowledge: [], proposals: [], turns: [], language: 'en', offline: [] }, redactor);
  it('names the missing delivery time, and says nothing once it is given', () => {
    const waiting = run(["Hello, my delivery is scheduled for the morning but I'm at work then", 'Noor Haddad', '1385920467']);
    expect(brief(waiting)).toContain("without the customer's new delivery day or time");
    expect(brief(run(["Hello, my delivery is scheduled for the morning but I'm at work then", 'Noor Haddad', '1385920467', 'Can it come in the evening instead?']))).not.toContain('The change cannot be made');
  });

  it('names the missing new name while the only name given is the one on file', () => {
    expect(brief(run(['I need to change the name on my account', 'Noor Haddad']))).toContain("without the customer's new name");
  });
});
