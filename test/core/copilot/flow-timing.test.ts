import { describe, expect, it } from 'vitest';
import { detectFlow } from '../../../src-main/core/copilot/abcd-flows';
import { emptyCaseState, type CaseState, type CaseStep } from '../../../src-main/core/copilot/case/case-types';
import { flowOfSubflow, subflowActions, subflowLabel } from '../../../src-main/core/copilot/case/flows';
import { planCaseActions } from '../../../src-main/core/copilot/case/plan-actions';
import { caseForDrafts } from '../../../src-main/core/copilot/drafting/case-view';
import { composeDrafts } from '../../../src-main/core/copilot/drafting/compose';
import { phrase } from '../../../src-main/core/copilot/drafting/templates';
import { slotsIn } from '../../../src-main/core/copilot/case/slots';
import type { CustomerContext, Turn } from '../../../src-main/core/copilot/types';

// Proposals are made on the line where the flow's preconditions become true, and the drafts ask for what is missing.
const now = new Date('2020-02-20T12:00:00Z');
const turns = (...lines: string[]): Turn[] => lines.map((text) => ({ role: 'customer', text, at: now.toISOString() }));

const sophie: CustomerContext = {
  id: 'c-s',
  name: 'Sophie Marchand',
  email: 'smarchand612@email.com',
  username: 'smarchand612',
  phone: null,
  membership: 'silver',
  lifetimeValue: 200,
  orders: [{ id: '7730156284', status: 'delivered', total: 48, placedAt: '2020-01-24T00:00:00.000Z', items: ['shirt'] }],
  openTickets: [],
  memory: [],
  identifiedBy: 'email',
};

const verified = { status: 'verified' as const, customerId: sophie.id, customerName: sophie.name, matched: ['name' as const, 'email' as const, 'order_id' as const], claimed: [], conflict: null, source: 'customer' as const };

function stepsOf(subflow: string, done: string[]): CaseStep[] {
  const steps: CaseStep[] = subflowActions(subflow).map((action) => ({ action, label: action, status: done.includes(action) ? 'done' : 'todo' }));
  const next = steps.find((step) => step.status === 'todo');
  if (next) next.status = 'next';
  return steps;
}

function caseAt(subflow: string, flow: string, slots: CaseState['slots'], done: string[]): CaseState {
  return {
    ...emptyCaseState(),
    request: { flow, subflow, intent: 'x', label: subflowLabel(subflow), confidence: 0.8, openedAtLine: 0 },
    identity: verified,
    slots,
    steps: stepsOf(subflow, done),
    lastAct: 'information',
  };
}

const tools = (state: CaseState): string[] => planCaseActions(state, sophie, now, 'x').map((plan) => plan.tool);

describe('a proposal waits for the slot its arguments or policy need', () => {
  it('offers no refund for a return before the membership level is given, though the record holds one', () => {
    const before = caseAt('return_size', 'product_defect', { orderId: '7730156284' }, ['pull-up-account', 'validate-purchase']);
    expect(tools(before)).not.toContain('request_refund');
    const after = caseAt('return_size', 'product_defect', { orderId: '7730156284', membership: 'silver' }, ['pull-up-account', 'validate-purchase', 'membership']);
    expect(tools(after)).toContain('request_refund');
  });

  it('takes the membership step marked done by the agent as known', () => {
    const marked = caseAt('return_size', 'product_defect', { orderId: '7730156284' }, ['pull-up-account', 'validate-purchase', 'membership']);
    expect(tools(marked)).toContain('request_refund');
  });

  it('waits for membership in every flow that asks for it before refunding', () => {
    const cancel = caseAt('manage_cancel', 'order_issue', { orderId: '7730156284', amountCents: '4800' }, ['pull-up-account', 'verify-identity', 'shipping-status']);
    expect(tools(cancel)).not.toContain('request_refund');
    expect(tools({ ...cancel, slots: { ...cancel.slots, membership: 'silver' } })).toContain('request_refund');
  });

  for (const [subflow, flow] of [
    ['manage', 'shipping_issue'],
    ['manage_change_address', 'manage_account'],
  ] as const) {
    it(`proposes the ${subflow} ticket only once the new address is given, and carries it`, () => {
      const before = caseAt(subflow, flow, { orderId: '7730156284' }, subflowActions(subflow).filter((action) => action !== 'update-order' && action !== 'update-account'));
      expect(tools(before)).not.toContain('create_ticket');
      const after = { ...before, slots: { ...before.slots, address: '540 Maple Ave, Evanston, IL 60201' } };
      const ticket = planCaseActions(after, sophie, now, 'x').find((plan) => plan.tool === 'create_ticket');
      expect(ticket?.args.content).toContain('540 Maple Ave');
    });
  }

  it('proposes a phone change only with the new phone number', () => {
    const before = caseAt('manage_change_phone', 'manage_account', {}, ['pull-up-account', 'record-reason', 'verify-identity']);
    expect(tools(before)).not.toContain('create_ticket');
    const ticket = planCaseActions({ ...before, slots: { phone: '(617) 555-0101' } }, sophie, now, 'x').find((plan) => plan.tool === 'create_ticket');
    expect(ticket?.args.content).toContain('(617) 555-0101');
  });

  it('waits for a new number when the only phone in the case is the one on file, given to identify the customer', () => {
    const onFile = { ...sophie, phone: '(617) 555-0199' };
    const identifiedByPhone = { ...caseAt('manage_change_phone', 'manage_account', {}, ['pull-up-account', 'record-reason', 'verify-identity']), slots: { phone: '617-555-0199' } };
    expect(planCaseActions(identifiedByPhone, onFile, now, 'x').map((plan) => plan.tool)).not.toContain('create_ticket');
    const ticket = planCaseActions({ ...identifiedByPhone, slots: { phone: '(617) 555-0101' } }, onFile, now, 'x').find((plan) => plan.tool === 'create_ticket');
    expect(ticket?.args.content).toContain('(617) 555-0101');
  });

  it('asks for the new number while the only phone in the case is the one on file', () => {
    const onFile = { ...sophie, phone: '(617) 555-0199' };
    const state = { ...caseAt('manage_change_phone', 'manage_account', { phone: '617-555-0199' }, ['pull-up-account', 'record-reason', 'verify-identity']), language: 'en' as const };
    const asked = composeDrafts({ caseState: state, customer: onFile, knowledge: [], proposals: [], turns: turns('I need to change the phone number on my account', 'my number is 617-555-0199'), now });
    expect(asked.map((draft) => draft.text).join(' | ')).toContain(phrase('en', 'askNewPhone'));
    const given = composeDrafts({ caseState: { ...state, slots: { phone: '(617) 555-0101' } }, customer: onFile, knowledge: [], proposals: [], turns: turns('I need to change the phone number on my account', 'the new one is (617) 555-0101'), now });
    expect(given.map((draft) => draft.text).join(' | ')).not.toContain(phrase('en', 'askNewPhone'));
  });

  it('waits for a new address when the address in the case is the one on file', () => {
    const onFile = { ...sophie, address: '12 Elm St, Springfield, IL 62701' };
    const same = caseAt('manage_change_address', 'manage_account', { address: '12 elm st' }, ['pull-up-account', 'record-reason', 'verify-identity']);
    expect(planCaseActions(same, onFile, now, 'x').map((plan) => plan.tool)).not.toContain('create_ticket');
    const moved = planCaseActions({ ...same, slots: { address: '540 Maple Ave, Springfield, IL 62704' } }, onFile, now, 'x').find((plan) => plan.tool === 'create_ticket');
    expect(moved?.args.content).toContain('540 Maple Ave');
  });
});

describe('a name several contacts share', () => {
  const ambiguous = (subflow: string, flow: string): CaseState => ({
    ...emptyCaseState(),
    request: { flow, subflow, intent: 'x', label: subflowLabel(subflow), confidence: 0.8, openedAtLine: 0 },
    identity: { status: 'claimed', customerId: null, customerName: null, matched: [], claimed: [{ kind: 'name', value: 'Ana Ruiz' }], conflict: null, source: 'none', ambiguousName: { value: 'Ana Ruiz', contacts: 2 }, given: [{ kind: 'name', value: 'Ana Ruiz' }] },
    steps: stepsOf(subflow, []),
    lastAct: 'information',
  });
  const cases: [string, string[], RegExp][] = [
    ['en', ['my shirt is too small, I want to return it', 'Ana Ruiz'], /email address.*username.*or order ID/],
    ['es', ['la camisa me queda pequeña, quiero devolverla por favor', 'Ana Ruiz'], /correo electrónico.*nombre de usuario.* o su número de pedido/],
    ['fr', ['bonjour, la chemise que j’ai reçue est trop petite, je voudrais la retourner', 'Ana Ruiz'], /adresse e-mail.*nom d'utilisateur.* ou votre numéro de commande/],
    ['de', ['guten tag, das hemd ist mir zu klein und ich möchte es zurückgeben', 'Ana Ruiz'], /E-Mail-Adresse.*Benutzernamen.* oder Ihre Bestellnummer/],
  ];
  for (const [language, lines, wanted] of cases) {
    it(`asks for a second identifier the purchase check takes, in ${language}`, () => {
      const drafts = composeDrafts({ caseState: { ...ambiguous('return_size', 'product_defect'), language }, customer: null, knowledge: [], proposals: [], turns: turns(...lines), now });
      const ask = drafts.find((draft) => draft.text.match(wanted));
      expect(ask, drafts.map((draft) => draft.text).join(' | ')).toBeDefined();
      expect(drafts.map((draft) => draft.text).join(' ')).not.toMatch(/looking into this|je m'en occupe|lo estoy revisando|kümmere mich/i);
    });
  }

  it('asks for what the identity check takes where the flow verifies identity (the zip code among them)', () => {
    const drafts = composeDrafts({ caseState: ambiguous('manage_change_address', 'manage_account'), customer: null, knowledge: [], proposals: [], turns: turns('I moved and need to change the address on my account', 'Ana Ruiz'), now });
    expect(drafts.map((draft) => draft.text).join(' | ')).toMatch(/zip code/);
  });
});

describe('the drafts read the flow of a subflow from the one table', () => {
  it('names the same flow as case/flows.ts for a state the case node has not read', () => {
    const line = 'I moved, so I need to change the address on my account';
    const intent = 'change_shipping_address';
    const detected = detectFlow(intent, line);
    expect(detected?.subflow).toBeTruthy();
    const state = caseForDrafts({ turns: turns(line), intents: [{ intent, confidence: 0.7 }] as never, customer: null, language: 'en' });
    expect(state.request?.flow).toBe(flowOfSubflow(detected?.subflow ?? ''));
    expect(state.request?.flow).not.toBeNull();
  });
});

describe('a change whose terms depend on the membership level', () => {
  it('logs an overnight upgrade only once the level is known, and says which', () => {
    const before = caseAt('manage_upgrade', 'order_issue', { orderId: '7730156284' }, ['pull-up-account', 'verify-identity', 'shipping-status']);
    expect(tools(before)).not.toContain('create_ticket');
    const ticket = planCaseActions({ ...before, slots: { ...before.slots, membership: 'gold' } }, sophie, now, 'x').find((plan) => plan.tool === 'create_ticket');
    expect(ticket?.args.content).toContain('Membership: gold');
  });
});

describe('the line that gives the last slot', () => {
  it('keeps the whole address, city and zip with the street', () => {
    expect(slotsIn('540 Maple Ave, Evanston, IL 60201', [], [], now).address).toBe('540 Maple Ave, Evanston, IL 60201');
  });

  it('is answered with the offer of the change it makes possible, in the customer language', () => {
    for (const language of ['en', 'de'] as const) {
      const state = { ...caseAt('manage_change_address', 'manage_account', { address: '540 Maple Ave, Evanston, IL 60201' }, ['pull-up-account', 'record-reason', 'verify-identity']), language };
      const lines = language === 'en' ? ['I moved and need to change the address on my account', '540 Maple Ave, Evanston, IL 60201'] : ['guten tag, ich bin umgezogen und möchte die adresse in meinem konto ändern', '540 Maple Ave, Evanston, IL 60201'];
      const drafts = composeDrafts({ caseState: state, customer: sophie, knowledge: [], proposals: [], turns: turns(...lines), now });
      expect(drafts[0]?.text, language).toContain(phrase(language, 'ticketOffer'));
    }
  });
});
