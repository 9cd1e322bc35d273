import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src-main/core/language/index';
import { checkCasePolicy, type CasePolicyContext } from '../../../src-main/core/copilot/case/case-policy';
import { emptyCaseState, type CaseState } from '../../../src-main/core/copilot/case/case-types';
import type { ContactIdentifiers, IdentityLookup } from '../../../src-main/core/copilot/case/identity';
import { fakeIdentityLookup } from './fake-identity-lookup';
import { planCaseActions } from '../../../src-main/core/copilot/case/plan-actions';
import { returnAllowed } from '../../../src-main/core/copilot/case/return-window';
import { updateCaseState } from '../../../src-main/core/copilot/case/update-case';
import type { CustomerContext, Proposal } from '../../../src-main/core/copilot/types';

const contacts: ContactIdentifiers[] = [
  { id: 'c-ines', name: 'Ines Duarte', email: 'iduarte512@email.com', username: 'iduarte512', phone: '(212) 555-0143', accountId: 'KD83JS02LQ', zip: '10025', orderIds: ['5120938476'] },
  { id: 'c-ines-2', name: 'Ines Duarte', email: 'ines.d@example.org', username: 'inesd77', phone: '(415) 555-0199', accountId: 'PQ02MZ88XA', zip: '94110', orderIds: ['7001122334'] },
  { id: 'c-bram', name: 'Bram Visser', email: 'bvisser221@email.com', username: 'bvisser221', phone: '(617) 555-0110', accountId: null, zip: '02139', orderIds: ['3301992847'] },
];

const lookup = (threadContact: string | null = null): IdentityLookup => fakeIdentityLookup(contacts, threadContact);

function run(lines: string[], options: { thread?: string | null; now?: Date } = {}): CaseState[] {
  let state = emptyCaseState();
  const states: CaseState[] = [];
  for (const text of lines) {
    state = updateCaseState(state, { text, intent: undefined, entities: extractEntities(text), language: { code: 'en', confidence: 0.5 } }, { conversationId: 'conv', lookup: lookup(options.thread ?? null), now: options.now ?? new Date('2020-03-01T12:00:00Z'), doneTools: [], orderKnown: true });
    states.push(state);
  }
  return states;
}

describe('what a customer line does', () => {
  it.each([
    ['thank you so much!', 'acknowledgement'],
    ['muchas gracias', 'acknowledgement'],
    ['merci beaucoup', 'acknowledgement'],
    ['vielen dank', 'acknowledgement'],
    ['valeu, obrigada', 'acknowledgement'],
    ['good morning', 'small_talk'],
    ['buenos días', 'small_talk'],
    ['I need to speak to a supervisor now', 'human_request'],
    ['quiero hablar con el gerente', 'human_request'],
    ['je veux parler à un responsable', 'human_request'],
    ['ich möchte mit Ihrem Vorgesetzten sprechen', 'human_request'],
    ['quero falar com um supervisor', 'human_request'],
    ['the sweater I got is way too small, can I send it back?', 'request'],
    ['el pantalón tiene una mancha, quiero devolverlo', 'request'],
    ["j'ai oublié mon mot de passe", 'request'],
    ['in meinem paket fehlt ein artikel', 'request'],
    ['esqueci minha senha', 'request'],
  ])('%s → %s', (text, act) => {
    expect(run([text])[0]?.lastAct).toBe(act);
  });

  it('reads identifiers and slot values given after a request as information, in any language', () => {
    const states = run(['hola, la chaqueta tiene el color equivocado y quiero devolverla', 'iduarte512', 'mi correo es iduarte512@email.com', 'pedido 5120938476', 'soy silver']);
    expect(states.map((state) => state.lastAct)).toEqual(['request', 'information', 'information', 'information', 'information']);
    expect(states.at(-1)?.request?.subflow).toBe('return_color');
    expect(states.at(-1)?.slots).toMatchObject({ orderId: '5120938476', email: 'iduarte512@email.com', membership: 'silver' });
  });

  it('opens no case on thanks, small talk, or an identifier with no case open', () => {
    const states = run(['thanks!', 'iduarte512@email.com', 'nice weather today']);
    expect(states.every((state) => state.request === null)).toBe(true);
    expect(states[1]?.lastAct).toBe('information');
    // The identifier still identifies the customer, but nothing is planned without a case.
    expect(states[1]?.identity).toMatchObject({ status: 'identified', customerId: 'c-ines' });
    const customer = { id: 'c-ines', name: 'Ines Duarte', email: null, username: null, phone: null, membership: 'gold', lifetimeValue: 0, orders: [], openTickets: [], memory: [], identifiedBy: 'email' } satisfies CustomerContext;
    for (const state of states) expect(planCaseActions(state, customer, new Date(), 'x')).toEqual([]);
  });

  it('builds the confidence of the request over the turns that agree with it', () => {
    const states = run(['my refund still has not arrived', 'where is my refund? it has been weeks']);
    expect(states[0]?.request?.subflow).toBe('refund_status');
    expect(states[1]?.request?.confidence ?? 0).toBeGreaterThan(states[0]?.request?.confidence ?? 1);
  });
});

describe('who the customer is', () => {
  it('identifies an unlinked visitor from a strong identifier, never from a name two contacts share, and verifies with a second one', () => {
    const byName = run(['the jeans are too big, I want to return them', 'Ines Duarte']);
    expect(byName[1]?.identity.customerId).toBeNull();
    expect(byName[1]?.identity.status).not.toBe('identified');
    const states = run(['the jeans are too big, I want to return them', 'username iduarte512', 'order 5120938476', 'Ines Duarte']);
    expect(states[1]?.identity).toMatchObject({ status: 'identified', customerId: 'c-ines', source: 'customer' });
    expect(states[1]?.steps.find((step) => step.action === 'validate-purchase')?.status).toBe('next');
    expect(states[2]?.identity).toMatchObject({ status: 'verified', customerId: 'c-ines' });
    expect(states[2]?.steps.find((step) => step.action === 'validate-purchase')?.status).toBe('done');
    // The name two contacts share now matches the one found: it is kept among the matched identifiers.
    expect(states[3]?.identity.matched).toEqual(expect.arrayContaining(['name', 'username', 'order_id']));
  });

  it('keeps a linked thread on its contact: another contact\'s identifiers only warn', () => {
    const states = run(['my email is iduarte512@email.com, refund my order 5120938476'], { thread: 'c-bram' });
    const identity = states[0]?.identity;
    expect(identity?.customerId).toBe('c-bram');
    expect(identity?.source).toBe('thread');
    expect(identity?.conflict).toMatch(/another contact/);
    expect(identity?.claimed.map((item) => item.kind)).toEqual(expect.arrayContaining(['email', 'order_id']));
  });

  it('never switches a customer found from what they said to another contact named later', () => {
    const states = run(['I want a refund', 'bvisser221@email.com', 'actually it is iduarte512@email.com']);
    expect(states[2]?.identity.customerId).toBe('c-bram');
    expect(states[2]?.identity.conflict).toMatch(/another contact/);
  });
});

describe('the retailer\'s policy', () => {
  const now = new Date('2020-03-01T12:00:00Z');
  it('counts return windows per membership level to the conversation\'s day', () => {
    expect(returnAllowed({ membership: 'gold', purchaseDate: '2018-01-01', now }).allowed).toBe(true);
    expect(returnAllowed({ membership: 'silver', purchaseDate: '2019-10-01', now }).allowed).toBe(true);
    expect(returnAllowed({ membership: 'silver', purchaseDate: '2019-06-01', receipt: 'no', packaging: 'no', now }).allowed).toBe(false);
    expect(returnAllowed({ membership: 'bronze', purchaseDate: '2019-12-15', now }).allowed).toBe(true);
    expect(returnAllowed({ membership: 'bronze', purchaseDate: '2019-11-15', receipt: 'no', packaging: 'no', now }).allowed).toBe(false);
    expect(returnAllowed({ membership: 'bronze', purchaseDate: '2019-11-15', receipt: 'yes', now }).allowed).toBe(true);
    expect(returnAllowed({ membership: 'guest', purchaseDate: '2020-02-10', now }).allowed).toBe(true);
    expect(returnAllowed({ membership: 'guest', purchaseDate: '2020-01-10', now }).allowed).not.toBe(true);
  });

  const customer: CustomerContext = {
    id: 'c-ines',
    name: 'Ines Duarte',
    email: 'iduarte512@email.com',
    username: 'iduarte512',
    phone: null,
    membership: 'bronze',
    lifetimeValue: 100,
    orders: [{ id: '5120938476', status: 'delivered', total: 80, placedAt: '2019-06-01T10:00:00Z', items: ['jeans'] }],
    openTickets: [],
    memory: [],
    identifiedBy: 'username',
  };

  function context(caseState: CaseState, proposals: Proposal[] = [], outboxCents = 0): CasePolicyContext {
    return { caseState, customer, now, proposals, refundedCents: () => outboxCents };
  }
  const refund = (amount: number) => ({ customerId: 'c-ines', orderId: '5120938476', amount, reason: 'r' });

  it('does not propose a refund outside the window, and blocks one the model asks for, saying why', () => {
    const states = run(['these jeans are too big, I want to return them', 'iduarte512', 'iduarte512@email.com 5120938476', "no receipt and no box, I threw them away"]);
    const last = states.at(-1) as CaseState;
    expect(last.identity.status).toBe('verified');
    expect(planCaseActions(last, customer, now, 'x').map((plan) => plan.tool)).not.toContain('request_refund');
    const blocked = checkCasePolicy('request_refund', refund(80), context(last), null);
    expect(blocked).toMatchObject({ allowed: false });
    expect(blocked.allowed ? '' : blocked.reason).toMatch(/outside the 90 days window/);
  });

  it('answers a refund-status question with a lookup, never a refund', () => {
    const states = run(['has my refund been processed yet?', 'iduarte512 and iduarte512@email.com']);
    const last = states.at(-1) as CaseState;
    const plans = planCaseActions(last, customer, now, 'x').map((plan) => plan.tool);
    expect(plans).toContain('lookup_orders');
    expect(plans).not.toContain('request_refund');
    expect(checkCasePolicy('request_refund', refund(10), context(last), null)).toMatchObject({ allowed: false });
  });

  it('adds up refunds of one order across proposals and the outbox, never past its total', () => {
    const states = run(['I want a refund for my jeans', 'iduarte512, iduarte512@email.com, order 5120938476']);
    const last = states.at(-1) as CaseState;
    const pending = { id: 'p1', tool: 'request_refund', args: refund(50), status: 'pending' } as unknown as Proposal;
    expect(checkCasePolicy('request_refund', refund(30), context(last, [pending]), null)).toMatchObject({ allowed: true });
    expect(checkCasePolicy('request_refund', refund(30.01), context(last, [pending]), null)).toMatchObject({ allowed: false });
    // 20.00 already in the outbox (sent or waiting) and 50.00 pending: only 10.00 is left.
    expect(checkCasePolicy('request_refund', refund(10), context(last, [pending], 2000), null)).toMatchObject({ allowed: true });
    expect(checkCasePolicy('request_refund', refund(10.01), context(last, [pending], 2000), null)).toMatchObject({ allowed: false });
    // A rejected proposal no longer counts; the proposal being re-checked does not count against itself.
    expect(checkCasePolicy('request_refund', refund(80), context(last, [{ ...pending, status: 'rejected' }]), null)).toMatchObject({ allowed: true });
    expect(checkCasePolicy('request_refund', refund(80), context(last, [pending]), 'p1')).toMatchObject({ allowed: true });
  });

  it('needs the identity the flow requires: verified for a refund, identified for an escalation', () => {
    const states = run(['I want a refund for my jeans, get me a manager', 'iduarte512']);
    const last = states.at(-1) as CaseState;
    expect(last.identity.status).toBe('identified');
    expect(checkCasePolicy('request_refund', refund(10), context(last), null)).toMatchObject({ allowed: false });
    expect(checkCasePolicy('escalate_to_human', { customerId: 'c-ines', reason: 'manager' }, context(last), null)).toMatchObject({ allowed: true });
  });
});

describe('a correction of the last digits of a number given before', () => {
  it.each([
    ['en', 'wait no sorry its 0110 at the end, i always flip those'],
    ['es', 'perdón, termina en 0110'],
    ['fr', 'pardon, les derniers chiffres sont 0110'],
    ['de', 'sorry, am Ende 0110'],
  ])('%s: splices the tail into the phone given before', (_language, correction) => {
    const states = run(['i need to change the phone number on my account', 'bvisser221@email.com', '617 555 0101', correction]);
    const phones = states.at(-1)?.identity.given?.filter((item) => item.kind === 'phone').map((item) => item.value);
    expect(phones).toEqual(['6175550110']);
  });

  it('corrects an order id when the tail is shorter than it, and leaves a lone number alone', () => {
    const states = run(['my boots arrived with a stain, I want to return them', 'order 3301992874', 'oops it ends in 47']);
    expect(states.at(-1)?.slots.orderId).toBe('3301992847');
    const untouched = run(['my boots arrived with a stain, I want to return them', 'order 3301992874', 'I paid 47 for them']);
    expect(untouched.at(-1)?.slots.orderId).toBe('3301992874');
  });
});

describe('a follow-up question inside a product FAQ', () => {
  it.each([
    ['es', 'hola una pregunta rapida sobre los vaqueros de guess', 'vale y si los quiero mas cortos, cuanto cuesta el arreglo del bajo?'],
    ['en', 'quick question about your guess jeans, do they shrink?', 'ok and how much does it cost to have them hemmed?'],
    ['fr', 'une question sur les jeans guess, ils rétrécissent au lavage ?', "et combien coûte l'ourlet ?"],
  ])('%s: stays the product case', (_language, opening, followUp) => {
    const states = run([opening, followUp]);
    expect(states[0]?.request?.subflow).toBe('jeans');
    expect(states.at(-1)?.request?.subflow).toBe('jeans');
  });

  it('opens the other topic when the customer says it is another question', () => {
    const states = run(['quick question about your guess jeans, do they shrink?', 'another question: how much is gift wrapping?']);
    expect(states.at(-1)?.request?.subflow).toBe('pricing');
  });
});
