import { describe, expect, it } from 'vitest';
import { emptyCaseState, type CaseState, type CaseStep } from '../../../src-main/core/copilot/case/case-types';
import { answerOffline } from '../../../src-main/core/copilot/drafting/ask';
import { composeDrafts, outcomeSuggestion, type DraftInput, type DraftKnowledge } from '../../../src-main/core/copilot/drafting/compose';
import { isInternalText } from '../../../src-main/core/copilot/drafting/internal-text';
import { cutAtWord, handoffNoteText, summarizeCase, summaryText } from '../../../src-main/core/copilot/drafting/summary';
import type { CustomerContext, Proposal, Turn } from '../../../src-main/core/copilot/types';
import { detectLanguage } from '../../../src-main/core/language/index';
import type { KnowledgeHit } from '../../../src-main/core/knowledge/types';

// Hand-built cases: the composer is a pure function of the case, the customer, the knowledge, the proposals and the turns.
const day = '2020-03-01T12:00:00.000Z';
const turns = (...lines: string[]): Turn[] => lines.map((text) => ({ role: 'customer', text, at: day }));
const steps = (actions: string[], done = 0): CaseStep[] => actions.map((action, index) => ({ action, label: action.replace(/-/g, ' '), status: index < done ? 'done' : index === done ? 'next' : 'todo' }));
const returnFlow = ['pull-up-account', 'validate-purchase', 'membership', 'enter-details', 'update-order'];

function caseOf(patch: Partial<CaseState>): CaseState {
  return {
    ...emptyCaseState(),
    request: { flow: 'product_defect', subflow: 'return_size', intent: 'get_refund', label: 'Return (wrong size)', confidence: 0.8, openedAtLine: 0 },
    steps: steps(returnFlow),
    lastAct: 'request',
    ...patch,
  };
}

const nadia: CustomerContext = {
  id: 'c-1',
  name: 'Nadia Keller',
  email: 'nkeller@example.com',
  username: 'nkeller88',
  phone: null,
  membership: 'bronze',
  lifetimeValue: 300,
  orders: [{ id: '5550001112', status: 'delivered', total: 94, placedAt: '2019-07-01T00:00:00.000Z', items: ['jeans'] }],
  openTickets: [],
  memory: [],
  identifiedBy: 'email',
};

const identified = (status: 'identified' | 'verified' = 'identified') => ({ status, customerId: nadia.id, customerName: nadia.name, matched: ['name' as const], claimed: [], conflict: null, source: 'customer' as const });

const refundsArticle: DraftKnowledge = {
  articleId: 'policy-returns',
  title: 'Returns',
  section: 'Who can return',
  snippet: '',
  score: 0.05,
  kind: 'help-centre',
  language: 'en',
  chunkText: 'Gold members can return items at any time. Silver members can return items within 6 months of purchase. Bronze members can return items within 90 days of purchase. Guests can return items within 30 days of purchase.',
};
const playbook: DraftKnowledge = {
  articleId: 'playbook-initiate-refund',
  title: 'Initiate Refund',
  section: 'Steps',
  snippet: '',
  score: 0.09,
  kind: 'playbook',
  chunkText: 'The customer wants to return an item. Pull up Account: ask for the full name using [Pull up Account]. If nothing works, just apologize and end the conversation.',
};

function input(patch: Partial<DraftInput>): DraftInput {
  return { caseState: caseOf({}), customer: null, knowledge: [refundsArticle, playbook], proposals: [], turns: turns('Hi, the jeans I got are too big, can I return them?'), now: new Date(day), ...patch };
}

function proposal(patch: Partial<Proposal>): Proposal {
  return { id: 'p1', tool: 'request_refund', args: { customerId: nadia.id, orderId: '5550001112', amount: 94, reason: 'wrong size' }, policy: 'allowed', policyReason: null, why: '', sideEffect: true, status: 'pending', decisionReason: null, idempotencyKey: null, turn: 1, flow: [], subflow: null, ...patch };
}

describe('drafts composed from the case', () => {
  it('greets on the first line only and asks for the account first, in one question', () => {
    const [first] = composeDrafts(input({}));
    expect(first?.move).toBe('ask');
    expect(first?.text).toMatch(/^Hello/);
    expect(first?.text).toMatch(/full name or account ID\?$/);
    expect(first?.text.match(/\?/g)).toHaveLength(1);
    const later = composeDrafts(input({ caseState: caseOf({ identity: identified(), lastAct: 'information', acts: ['request', 'information'] }), turns: turns('Hi, the jeans I got are too big, can I return them?', 'Nadia Keller'), customer: nadia }));
    expect(later.every((draft) => !/^(hello|hi)\b/i.test(draft.text))).toBe(true);
    // Identified by name: next, the identifiers that validate the purchase, and only those not yet given.
    expect(later[0]?.text).toContain('username, email address and order ID');
    expect(later[0]?.text).not.toMatch(/full name/);
  });

  it('never asks again for an identifier the customer gave, and moves on to the membership level', () => {
    const caseState = caseOf({ identity: identified('verified'), lastAct: 'information', steps: steps(returnFlow, 2) });
    const drafts = composeDrafts(input({ caseState, customer: nadia, turns: turns('the jeans are too big, can I return them?', 'Nadia Keller', 'nkeller88, nkeller@example.com, 5550001112') }));
    expect(drafts[0]?.text).toMatch(/membership level/);
    expect(drafts.some((draft) => /username|e-?mail|order ID/i.test(draft.text))).toBe(false);
  });

  it("answers with this customer's tier rule only, and says when the purchase is outside the window", () => {
    const caseState = caseOf({ identity: identified('verified'), lastAct: 'information', slots: { membership: 'bronze', orderId: '5550001112' }, steps: steps(returnFlow, 3) });
    const drafts = composeDrafts(input({ caseState, customer: nadia, turns: turns('the jeans are too big, can I return them?', 'Nadia Keller', 'nkeller88 nkeller@example.com 5550001112', 'bronze') }));
    const answer = drafts.find((draft) => draft.move === 'answer');
    expect(answer?.text).toMatch(/Bronze members can return items within 90 days/);
    expect(answer?.text).toMatch(/outside that window/);
    expect(answer?.text).not.toMatch(/gold|silver|guest/i);
    expect(answer?.citations.map((citation) => citation.articleId)).toEqual(['policy-returns']);
  });

  it('never puts playbook text, step names or talk about "the customer" in a draft', () => {
    const drafts = composeDrafts(input({ knowledge: [playbook], caseState: caseOf({ request: { flow: 'storewide_query', subflow: 'policy', intent: null, label: 'Policy question', confidence: 0.8, openedAtLine: 0 }, steps: [] }) }));
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      expect(isInternalText(draft.text), draft.text).toBe(false);
      expect(draft.citations.some((citation) => citation.articleId.startsWith('playbook'))).toBe(false);
    }
    expect(isInternalText('Part of the Product Defect playbook: refunds and returns.')).toBe(true);
    expect(isInternalText('The customer wants to manage their address.')).toBe(true);
  });

  it('writes a Spanish conversation in Spanish, and flags an English source it draws on', () => {
    const caseState = caseOf({ language: 'es', identity: identified('verified'), lastAct: 'information', slots: { membership: 'gold' }, steps: steps(returnFlow, 3) });
    const drafts = composeDrafts(input({ caseState, customer: nadia, turns: turns('Hola, quiero devolver unos vaqueros, me quedan grandes', 'Nadia Keller', 'nkeller88 nkeller@example.com 5550001112', 'gold') }));
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      expect(draft.language).toBe('es');
      expect(detectLanguage(draft.text).code, draft.text).toBe('es');
    }
    const answer = drafts.find((draft) => draft.move === 'answer');
    expect(answer?.text).toContain('Como miembro Gold');
    expect(answer?.citations[0]).toMatchObject({ articleId: 'policy-returns', untranslated: true });
  });

  it('keeps the language of the conversation when a short line could be English', () => {
    const drafts = composeDrafts(input({ caseState: caseOf({ lastAct: 'information' }), turns: turns('Bonjour, je voudrais retourner une veste, la couleur ne va pas du tout', 'ok') }));
    expect(drafts[0]?.language).toBe('fr');
  });

  it('closes warmly on thanks and asks if there is anything else', () => {
    const drafts = composeDrafts(input({ caseState: caseOf({ lastAct: 'acknowledgement', identity: identified() }), customer: nadia, turns: turns('can I return the jeans?', 'Nadia Keller', 'Got it, thanks!') }));
    expect(drafts[0]?.move).toBe('close');
    expect(drafts[0]?.text).toMatch(/anything else/);
  });

  it("reports what the agent approved, and what a lookup returned", () => {
    const caseState = caseOf({ identity: identified('verified'), lastAct: 'information' });
    const done = outcomeSuggestion(input({ caseState, customer: nadia, proposals: [proposal({ status: 'executed', args: { customerId: nadia.id, orderId: '5550001112', amount: 94, reason: 'size', method: 'credit card' } })], turns: turns('can I return the jeans?') }), 1);
    expect(done?.text).toBe("I've issued a refund of $94.00 to your credit card; it shows within 5–10 business days. Is there anything else I can help you with?");
    const tracking = caseOf({ request: { flow: 'shipping_issue', subflow: 'status', intent: 'track_order', label: 'Where is my order', confidence: 0.8, openedAtLine: 0 }, identity: identified('verified'), steps: steps(['pull-up-account', 'shipping-status'], 1), lastAct: 'information' });
    const lookup = proposal({ id: 'carrier', tool: 'carrier__track', sideEffect: false, status: 'executed', result: 'Delivered to the front door. Signed by: nobody.' });
    const drafts = composeDrafts(input({ caseState: tracking, customer: nadia, proposals: [lookup], turns: turns('where is my parcel?', 'nkeller88 nkeller@example.com 5550001112') }));
    expect(drafts.some((draft) => draft.text.includes('Delivered to the front door'))).toBe(true);
  });

  it('gives at most three different drafts, each with its move, and says when the case is uncertain', () => {
    const drafts = composeDrafts(input({ caseState: caseOf({ request: { flow: 'product_defect', subflow: 'return_size', intent: null, label: 'Return (wrong size)', confidence: 0.3, openedAtLine: 0 } }) }));
    expect(drafts.length).toBeLessThanOrEqual(3);
    expect(new Set(drafts.map((draft) => draft.text)).size).toBe(drafts.length);
    expect(drafts.every((draft) => draft.move && draft.uncertain)).toBe(true);
    expect(drafts.some((draft) => draft.move === 'confirm' && /is this about a return or a refund\?/.test(draft.text))).toBe(true);
  });
});

describe('case summary and hand-off note', () => {
  it('shows an approved refund as done, and the next step as pending', () => {
    const caseState = caseOf({ identity: identified('verified'), slots: { orderId: '5550001112' }, steps: steps(returnFlow, 3) });
    const summary = summarizeCase({ caseState, customer: nadia, proposals: [proposal({ status: 'executed' })], turns: turns('can I return the jeans?'), language: 'en' });
    expect(summary.wants).toBe('Return (wrong size)');
    expect(summary.identity).toMatch(/^verified: Nadia Keller/);
    expect(summary.done.join()).toContain('refund of $94.00 on order 5550001112, approved and sent');
    expect(summary.pending.join()).toContain('next step: enter details');
    expect(summaryText(summary).split('\n').map((line) => line.split(':')[0])).toEqual(['Wants', 'Identity', 'Facts', 'Done', 'Pending']);
  });

  it('writes the whole hand-off note and never cuts a word', () => {
    const long = `${'my order never arrived and nobody answers '.repeat(20)}please call me`;
    const note = handoffNoteText({ caseState: caseOf({ identity: identified() }), customer: nadia, proposals: [], turns: turns('where is my order', long), language: 'en' }, ['The customer asked for a person.']);
    expect(note).toMatch(/^Wants: .*\nIdentity: .*\nFacts: .*\nDone: .*\nPending: .*\nWhy handed over: .*\nLast messages: /);
    const quoted = /"([^"]*)"$/.exec(note)?.[1] ?? '';
    expect(quoted.endsWith('…')).toBe(true);
    expect(long.startsWith(quoted.slice(0, -1))).toBe(true);
    expect(long.charAt(quoted.length - 1)).toMatch(/\s/);
    expect(cutAtWord('alpha beta gamma', 12)).toBe('alpha beta…');
  });
});

describe('the summary of a foreign-language case', () => {
  it("is written for the agent in the app's English, names the customer's language, and quotes the customer verbatim", () => {
    const caseState = caseOf({ language: 'de', identity: identified('verified'), request: { flow: 'shipping_issue', subflow: 'manage', intent: null, label: 'Change shipping address', confidence: 0.8, openedAtLine: 0 }, slots: { address: '2207 Elm St, Cambridge, MA 02139' } });
    const lines = turns('hallo, ich bin umgezogen und meine bestellung geht noch an die alte adresse', '2207 Elm St, Cambridge, MA 02139');
    const summary = summarizeCase({ caseState, customer: nadia, proposals: [proposal({ tool: 'create_ticket', args: { subject: 'Change the shipping address' }, status: 'pending' })], turns: lines, language: 'de' });
    expect(summary.wants).toBe('Change shipping address');
    expect(summary.facts).toContain('language: German');
    expect(summary.pending.join()).toContain('ticket "Change the shipping address", waiting for approval');
    const note = handoffNoteText({ caseState, customer: nadia, proposals: [], turns: lines, language: 'de' }, ['The agent transferred the chat.']);
    expect(note).toContain('"hallo, ich bin umgezogen und meine bestellung geht noch an die alte adresse"');
    // Nothing of a customer-facing draft leaks into the agent's note.
    expect(note).not.toMatch(/Können Sie|Danke, Nadia/);
  });
});

describe('ask the copilot, offline', () => {
  const hit = (article: DraftKnowledge): KnowledgeHit => ({ ...article, kind: article.kind ?? "playbook", kindOrigin: "declared", language: article.language ?? "en", highlights: [] });
  it('answers a policy question from the help centre, with the source', () => {
    const answer = answerOffline("what's the return window for gold members?", null, [hit(playbook), hit(refundsArticle)]);
    expect(answer.answer).toContain('Gold members can return items at any time.');
    expect(answer.sources[0]).toMatchObject({ kind: 'help-centre', articleId: 'policy-returns' });
  });

  it('answers a question about this conversation from the case', () => {
    const summary = summarizeCase({ caseState: caseOf({ identity: identified('verified') }), customer: nadia, proposals: [proposal({ status: 'executed' })], turns: turns('refund please'), language: 'en' });
    const answer = answerOffline('did we already refund this order?', summary, []);
    expect(answer.answer).toMatch(/^Yes: refund of \$94\.00 on order 5550001112/);
    expect(answer.sources[0]).toEqual({ kind: 'case', title: 'This conversation' });
    const none = answerOffline('did we already refund this order?', summarizeCase({ caseState: caseOf({}), customer: null, proposals: [], turns: turns('hi'), language: 'en' }), []);
    expect(none.answer).toMatch(/^No,/);
  });
});

describe('a price-match question already answered', () => {
  const priceMatch: DraftKnowledge = {
    articleId: 'hc-price-match-en',
    title: 'Price match',
    section: 'How it works',
    snippet: '',
    score: 0.05,
    kind: 'help-centre',
    language: 'en',
    chunkText: 'We do not match the prices of other stores. Tell us where you saw the lower price: at another store, or on our site on another day.',
  };
  const priceCase = (lines: string[]): DraftInput =>
    input({
      caseState: caseOf({ request: { flow: 'purchase_dispute', subflow: 'bad_price_competitor', intent: null, label: 'Bad price competitor', confidence: 0.8, openedAtLine: 0 }, steps: steps(['pull-up-account', 'record-reason']), lastAct: lines.length > 1 ? 'information' : 'request', acts: lines.map((_, index) => (index === 0 ? 'request' : 'information')) }),
      knowledge: [priceMatch],
      turns: turns(...lines),
    });

  it('is not asked where the lower price was once the customer said it (another site, a competitor)', () => {
    for (const lines of [
      ['I paid $128 for these boots and the same pair is $89 on another site. Can you match the lower price?'],
      ['why is the price lower?', 'I saw it at a competitor, the price was lower'],
    ]) {
      const drafts = composeDrafts(priceCase(lines));
      expect(drafts.some((draft) => /where you saw the lower price/.test(draft.text))).toBe(false);
    }
  });

  it('still asks where when they have not said it', () => {
    const drafts = composeDrafts(priceCase(['why is the price lower than what I paid?']));
    expect(drafts.some((draft) => /where you saw the lower price/.test(draft.text))).toBe(true);
  });
});

describe('troubleshooting, one step at a time', () => {
  const step = (language: string, section: string, chunkText: string): DraftKnowledge => ({ articleId: `hc-slow-website-${language}`, title: 'Slow website', section, snippet: '', score: 0, kind: 'help-centre', language, subflows: ['slow_speed'], chunkText });
  const english = [
    step('en', 'Step 1: Check another website', 'Try opening another website. If every website is slow, the problem is most likely your internet connection.'),
    step('en', 'Step 2: Close other tabs and programs', 'Close the other tabs in your browser and any programs you are not using.'),
    step('en', 'Step 3: Log out and log back in', 'Log out of your AcmeBrands account, then log back in.'),
    step('en', 'Step 4: We report the problem', 'If our website is still slow, we will report it to our website team so they can fix it.'),
  ];
  const spanish = [
    step('es', 'Paso 1: Pruebe otra web', 'Intente abrir otra página web. Si todas las webs van lentas, lo más probable es que sea su conexión a internet.'),
    step('es', 'Paso 2: Cierre otras pestañas y programas', 'Cierre las demás pestañas del navegador y los programas que no esté usando.'),
  ];
  const slowCase = (turnList: Turn[], knowledge: DraftKnowledge[], language = 'en'): DraftInput =>
    input({
      caseState: caseOf({ request: { flow: 'troubleshoot_site', subflow: 'slow_speed', intent: null, label: 'Slow speed', confidence: 0.8, openedAtLine: 0 }, steps: steps(['try-again', 'log-out-in']), lastAct: turnList.filter((turn) => turn.role === 'customer').length > 1 ? 'information' : 'request', language }),
      knowledge,
      turns: turnList,
    });
  const agent = (text: string): Turn => ({ role: 'agent', text, at: day });
  const customer = (text: string): Turn => ({ role: 'customer', text, at: day });

  it('drafts the first step, then the next one the customer has not tried', () => {
    const first = composeDrafts(slowCase([customer('your website is so slow today, every page takes a minute to load')], english));
    expect(first[0]?.text).toMatch(/Try opening another website/);
    const second = composeDrafts(slowCase([customer('your website is so slow today'), agent('Could you try opening a different website?'), customer('other sites are fine')], english));
    expect(second.some((draft) => /Close the other tabs/.test(draft.text))).toBe(true);
    expect(second.some((draft) => /another website/.test(draft.text))).toBe(false);
  });

  it('skips a step the customer says they did, and suggests none once all are tried', () => {
    const skipped = composeDrafts(slowCase([customer('your website is so slow today'), agent('Could you try opening a different website?'), customer('other sites are fine, and I already closed all my tabs and programs')], english));
    expect(skipped.some((draft) => /Log out of your AcmeBrands account/.test(draft.text))).toBe(true);
    expect(skipped.some((draft) => /Close the other tabs/.test(draft.text))).toBe(false);
    const all = composeDrafts(slowCase([customer('your website is so slow'), agent('Try opening a different website.'), customer('others are fine'), agent('Close your other tabs and programs.'), customer('done'), agent('Log out of your account and log back in.'), customer('did that'), agent("I'll report it to our website team."), customer('still slow')], english));
    expect(all.some((draft) => /Try opening|Close the other|Log out of|report it/.test(draft.text))).toBe(false);
  });

  it('without the agent lines, each reply that reports a result answers the step drafted before it', () => {
    const drafts = composeDrafts(slowCase([customer('your website is so slow today'), customer('other sites are fine'), customer('ok, everything closed, a little better but still slow')], english));
    expect(drafts[0]?.text).toMatch(/Log out of your AcmeBrands account/);
  });

  it('suggests no further step once the customer says it worked', () => {
    const drafts = composeDrafts(slowCase([customer('your website is so slow today'), customer('other sites are fine'), customer('ok that worked, pages load fast now')], english));
    expect(drafts.some((draft) => /Close the other|Log out of|report it/.test(draft.text))).toBe(false);
  });

  it("drafts the step in the customer's language", () => {
    const drafts = composeDrafts(slowCase([customer('hola, su página web va lentísima hoy, cada página tarda un minuto')], [...english, ...spanish], 'es'));
    expect(drafts[0]?.text).toMatch(/Intente abrir otra página web/);
  });
});

describe('the passage a question is answered with', () => {
  const passage = (articleId: string, section: string, chunkText: string, subflows: string[]): DraftKnowledge => ({ articleId, title: articleId, section, snippet: '', score: 0, kind: 'help-centre', language: 'fr', subflows, chunkText });
  const twoFactor = passage('hc-two-factor-reset-fr', 'Protéger votre compte', 'Nous vous enverrons aussi un lien avec nos bonnes pratiques pour sécuriser votre compte.', ['reset_2fa']);
  const giftWrap = passage('hc-pricing-faq-fr', 'Emballage cadeau', "Nous proposons l'emballage cadeau et la broderie du nom sur de nombreux articles.", ['pricing']);
  const express = passage('hc-pricing-faq-fr', 'Livraison express en 24 h', 'Passer une commande en livraison express en 24 h coûte 20 $.', ['pricing']);
  const pricingCase = (lines: string[]): DraftInput =>
    input({
      caseState: caseOf({ request: { flow: 'storewide_query', subflow: 'pricing', intent: null, label: 'Pricing', confidence: 0.8, openedAtLine: 0 }, steps: steps(['search-faq']), lastAct: 'request', language: 'fr' }),
      knowledge: [twoFactor, giftWrap, express],
      turns: turns(...lines),
    });

  it('is not a passage that shares only a function word ("vous") with the question', () => {
    const drafts = composeDrafts(pricingCase(["Bonsoir, c'est combien l'emballage cadeau chez vous ?"]));
    expect(drafts[0]?.text).toMatch(/emballage cadeau/);
    expect(drafts.some((draft) => /bonnes pratiques/.test(draft.text))).toBe(false);
  });

  it('answers the latest question, the line before being context', () => {
    const drafts = composeDrafts(pricingCase(["c'est combien l'emballage cadeau ?", 'ok. et la livraison express en 24h ça coûte combien ?']));
    expect(drafts[0]?.text).toMatch(/livraison express en 24 h coûte 20/);
  });
});

describe('a follow-up question inside a product case', () => {
  const section = (sectionName: string, chunkText: string): DraftKnowledge => ({ articleId: 'hc-jeans-en', title: 'Our jeans', section: sectionName, snippet: '', score: 0, kind: 'help-centre', language: 'en', subflows: ['jeans'], chunkText });
  const brands = section('Brands we sell', 'We sell jeans from Calvin Klein, Guess, Michael Kors and Tommy Hilfiger.');
  const care = section('Washing and care', 'Every item carries a label with its washing and drying instructions.');

  it('is answered from what the latest line asks, not from the words of the line that opened the case', () => {
    const jeansCase = input({
      caseState: caseOf({ request: { flow: 'single_item_query', subflow: 'jeans', intent: null, label: 'Jeans', confidence: 0.8, openedAtLine: 0 }, steps: steps(['search-faq']), lastAct: 'request' }),
      knowledge: [brands, care],
      turns: turns('a quick question about the guess jeans', 'do they shrink when washing them?'),
    });
    const drafts = composeDrafts(jeansCase);
    expect(drafts[0]?.text).toMatch(/washing and drying instructions/);
    expect(drafts[0]?.text).not.toMatch(/Calvin Klein/);
  });
});

describe('a greeting before any request', () => {
  it('is answered with how can I help, not with a passage that shares one of its words', () => {
    const returnWindow: DraftKnowledge = { articleId: 'hc-refunds-by-membership-de', title: 'Rückgabe', section: 'Frist', snippet: '', score: 0.05, kind: 'help-centre', language: 'de', subflows: ['return_size'], chunkText: 'Die Rückgabefrist beginnt am Tag Ihres Kaufs.' };
    const drafts = composeDrafts(input({ caseState: caseOf({ request: null, steps: [], lastAct: 'small_talk', language: 'de' }), knowledge: [returnWindow], turns: turns('Guten Tag') }));
    expect(drafts.map((draft) => draft.text).join(' ')).not.toMatch(/Rückgabefrist/);
    expect(drafts[0]?.move).toBe('ask');
  });
});
