import { emptyCaseState, type CaseSlotName, type CaseState, type IdentifierKind } from '../case/case-types';
import { changeSlotsIn, nameForChange } from '../case/change-values';
import { preferencePattern } from '../case/detect-request';
import { foldText } from '../case/fold-text';
import { answeredWithoutAccount, flowAnsweredWithoutAccount, verificationIdentifiers } from '../case/flows';
import { changeSlotOf, changeValueOnFile, planCaseActions } from '../case/plan-actions';
import type { Citation, CustomerContext, KnowledgeRef, Proposal, Suggestion, Turn } from '../types';
import { foldAccents, isStopWord, stemOf, words } from '../../knowledge/text/stemming';
import { isInternalText } from './internal-text';
import { conversationLanguage, givenFacts, parsePurchaseDate, type GivenFacts } from './signals';
import { fill, formatDay, formatMoney, joinAlternatives, joinList, phrase, statusWord, type DraftLanguage, type TemplateKey } from './templates';

export type DraftMove = 'ask' | 'answer' | 'confirm' | 'close';

const emptyCase = emptyCaseState();

/** A hit as the drafts see it; `kind` and `language` come from the index once it records them. */
export type DraftKnowledge = KnowledgeRef & { kind?: 'help-centre' | 'playbook'; language?: string };

export interface DraftInput {
  caseState: CaseState;
  customer: CustomerContext | null;
  knowledge: DraftKnowledge[];
  proposals: Proposal[];
  turns: Turn[];
  /** The conversation's day, for return windows; the last turn's time when absent. */
  now?: Date;
}

const returnSubflows = /^(return_|refund_initiate|refund_update)/;
/** Cases the return rule answers: a return or refund, a question on the return policy or on membership. */
const returnRuleSubflows = /^(return_|refund_initiate|refund_update|policy$|membership$)/;
/** Shipping cases whose order's delivery status is the answer. */
const deliveryStatusSubflows = new Set(['status', 'status_delivery_time', 'missing', 'status_shipping_question']);

/**
 * A help-centre source: marked so by the index, or, for sources indexed before kinds existed, one of the
 * demo's customer-facing policy pages. Anything unmarked is a playbook and never goes into a reply.
 */
export function isHelpCentre(hit: DraftKnowledge): boolean {
  if (hit.kind) return hit.kind === 'help-centre';
  return /^(policy-|help-)/.test(hit.articleId);
}

function citationOf(hit: DraftKnowledge, untranslated: boolean): Citation & { untranslated?: boolean } {
  return { articleId: hit.articleId, title: hit.title, section: hit.section, ...(hit.url ? { url: hit.url } : {}), ...(untranslated ? { untranslated: true } : {}) };
}

const tierKey: Record<string, TemplateKey> = { gold: 'tierGold', silver: 'tierSilver', bronze: 'tierBronze', guest: 'tierGuest' };
const windowDays: Record<string, number> = { silver: 183, bronze: 90, guest: 30 };
const windowKey: Record<string, TemplateKey> = { silver: 'window6m', bronze: 'window90d', guest: 'window30d' };
const otherTiers = (tier: string | null): RegExp | undefined => {
  const names = ['gold', 'silver', 'bronze', 'guest'].filter((name) => name !== tier);
  return tier ? new RegExp(`\\b(${names.join('|')})s?\\b`, 'i') : /\b(gold|silver|bronze|guest)s?\b/i;
};

function sentencesOf(text: string): string[] {
  return text
    .replace(/\*\*|__|`/g, '')
    .replace(/^#+\s.*$/gm, '')
    .replace(/^\s*(?:\d+\.|[-*])\s+/gm, '')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 20 && sentence.length < 260 && /[.!?]$/.test(sentence) && !isInternalText(sentence));
}

interface Draft {
  move: DraftMove;
  sentences: string[];
  citations: (Citation & { untranslated?: boolean })[];
  confidence: number;
}

interface Context {
  input: DraftInput;
  language: DraftLanguage;
  facts: GivenFacts;
  lines: string[];
  firstName: string | undefined;
  subflow: string | null;
  flow: string | null;
  actions: string[];
  now: Date;
  tier: string | null;
}

// A question about their own order, charge or account needs the account, whatever FAQ its words also match.
const ownAccountWords = /\b(refunds?|charged?|charges|billed|package|parcel|my orders?|my account|bought|sent (it )?back|returned|delivery|reembolso|cobr\w+|paquete|pedido|remboursement|colis|commande|erstattung|paket|bestellung|reembolso|cobrança|encomenda|arrived|llegado|llegó|pedí|arrivé|reçu|angekommen|erhalten|chegou|recebi)\b/i;

function needsIdentity(context: Context): boolean {
  const faqReading = (context.flow !== null && flowAnsweredWithoutAccount(context.flow)) || (context.subflow !== null && answeredWithoutAccount(context.subflow));
  // An FAQ reading of a line about their own order (one that has not arrived, a charge) still needs the account.
  if (faqReading) return ownAccountWords.test(context.lines.join(' '));
  return context.actions.length === 0 || context.actions.some((action) => ['pull-up-account', 'verify-identity', 'validate-purchase'].includes(action));
}

function idWord(language: DraftLanguage, kind: 'username' | 'email' | 'order_id' | 'account_id' | 'zip'): string {
  return phrase(language, kind === 'username' ? 'idUsername' : kind === 'email' ? 'idEmail' : kind === 'order_id' ? 'idOrder' : kind === 'zip' ? 'idZip' : 'idAccount');
}

type SecondIdentifier = 'email' | 'username' | 'order_id' | 'zip' | 'account_id';
const secondIdentifierOrder: SecondIdentifier[] = ['email', 'username', 'order_id', 'zip', 'account_id'];

/**
 * A full name several contacts share tells us nobody: one more identifier of the kinds the flow's
 * verification step checks (guidelines.json; pull-up-account's own when the flow has none) picks the account.
 */
function secondIdentifierQuestion(context: Context): { key: TemplateKey; text: string; identity: boolean } | undefined {
  const identity = context.input.caseState.identity;
  if (identity.status !== 'claimed' || !identity.ambiguousName) return undefined;
  const step = context.actions.includes('validate-purchase') ? 'validate-purchase' : context.actions.includes('verify-identity') ? 'verify-identity' : null;
  const accepted = new Set<IdentifierKind | 'zip'>(step ? verificationIdentifiers(step) : ['email', 'username', 'order_id']);
  const given = new Set<string>([...context.facts.identifiers, ...(identity.given ?? []).map((item) => item.kind)]);
  const wanted = secondIdentifierOrder.filter((kind) => accepted.has(kind) && !given.has(kind)).slice(0, 3);
  const kinds = wanted.length > 0 ? wanted : secondIdentifierOrder.filter((kind) => !given.has(kind)).slice(0, 3);
  const text = fill(context.language, 'askSecondIdentifier', { ids: joinAlternatives(context.language, kinds.map((kind) => idWord(context.language, kind))) });
  return text ? { key: 'askSecondIdentifier', text, identity: true } : undefined;
}

/** The one question the flow needs answered next, or undefined when nothing is missing. */
function nextQuestion(context: Context): { key: TemplateKey; text: string; identity: boolean } | undefined {
  const { language, facts, input } = context;
  const status = input.caseState.identity.status;
  const ids = facts.identifiers;
  const known = status === 'identified' || status === 'verified' || input.customer !== null;
  if (needsIdentity(context)) {
    const second = secondIdentifierQuestion(context);
    if (second) return second;
    if (!known && !ids.has('name') && !ids.has('account_id') && !ids.has('email') && !ids.has('username') && !ids.has('order_id')) {
      return { key: 'askNameOrAccount', text: phrase(language, 'askNameOrAccount'), identity: true };
    }
    // validate-purchase checks username, email and order ID; verify-identity the order ID beside the name or account (guidelines.json).
    const validating = context.actions.includes('validate-purchase');
    const verifying = validating || context.actions.includes('verify-identity');
    if (verifying && status !== 'verified') {
      const wanted: ('username' | 'email' | 'order_id')[] = validating ? ['username', 'email', 'order_id'] : ['order_id'];
      const missing = wanted.filter((kind) => !ids.has(kind));
      const have = wanted.length - missing.length;
      const enough = validating ? missing.length === 0 || (have >= 2 && ids.has('order_id')) : missing.length === 0;
      if (!enough && missing.length > 0) {
        const key: TemplateKey = context.actions.includes('validate-purchase') ? 'askValidate' : 'askVerify';
        const text = fill(language, key, { ids: joinList(language, missing.map((kind) => idWord(language, kind))) });
        if (text) return { key, text, identity: true };
      }
    }
  }
  // A new password is made once the username and the PIN or security answer are given (guidelines.json, recover_password);
  // once its ticket is on its way, there is nothing left to ask for it.
  const passwordTicket = input.proposals.some((proposal) => proposal.tool === 'create_ticket' && ['pending', 'approved', 'executed'].includes(proposal.status) && (!input.caseState.caseKey || proposal.caseKey === input.caseState.caseKey));
  if (context.subflow === 'recover_password' && !passwordTicket && !facts.identifiers.has('username')) {
    const text = fill(language, 'askVerify', { ids: idWord(language, 'username') });
    if (text) return { key: 'askVerify', text, identity: true };
  }
  if (context.subflow === 'recover_password' && !passwordTicket && facts.identifiers.has('username') && !securityGiven(context)) return { key: 'askSecurity', text: phrase(language, 'askSecurity'), identity: false };
  // A change of address or phone needs the new value; without it there is nothing to change yet.
  const change = changeWanted(context);
  if (change === 'address' && (!facts.address || changeValueOnFile('address', input.caseState, input.customer))) return { key: 'askNewAddress', text: phrase(language, 'askNewAddress'), identity: false };
  if (change === 'phone' && (!input.caseState.slots.phone || changeValueOnFile('phone', input.caseState, input.customer))) return { key: 'askNewPhone', text: phrase(language, 'askNewPhone'), identity: false };
  // A name, delivery time or payment method change waits for the value on its ticket (case/plan-actions.ts).
  const slot = changeSlotOf(context.subflow);
  const asked = slot ? newValueQuestions[slot] : undefined;
  if (slot && asked && (!input.caseState.slots[slot] || changeValueOnFile(slot, input.caseState, input.customer))) return { key: asked, text: phrase(language, asked), identity: false };
  if (context.actions.includes('membership') || (context.subflow && returnSubflows.test(context.subflow))) {
    if (!context.tier) return { key: 'askMembership', text: phrase(language, 'askMembership'), identity: false };
    // The purchase date decides a return's window only: an upgrade's or a fee's tier rule does not need it.
    if (context.tier !== 'gold' && !purchaseDay(context) && context.subflow !== null && returnSubflows.test(context.subflow)) return { key: 'askPurchaseDate', text: phrase(language, 'askPurchaseDate'), identity: false };
  }
  if (context.subflow === 'missing' && !facts.item) return { key: 'askWhichItem', text: phrase(language, 'askWhichItem'), identity: false };
  if (context.subflow && /^return_/.test(context.subflow) && withinPolicy(context) !== false) {
    if (!facts.address) return { key: 'askAddress', text: phrase(language, 'askAddress'), identity: false };
    if (!facts.returnMethod) return { key: 'askReturnMethod', text: phrase(language, 'askReturnMethod'), identity: false };
  }
  const refundWaiting = input.proposals.some((proposal) => proposal.tool === 'request_refund' && proposal.status === 'pending' && proposal.policy === 'allowed');
  const returning = context.subflow !== null && /^return_/.test(context.subflow);
  if (((context.subflow && /^(refund_initiate)$/.test(context.subflow)) || (refundWaiting && !returning)) && !facts.refundMethod) return { key: 'askRefundMethod', text: phrase(language, 'askRefundMethod'), identity: false };
  // The refund goes to a card the customer can no longer use: ask where it should go instead (guidelines, refund_status: "change method").
  if (context.subflow === 'refund_status' && !input.caseState.slots.paymentMethod && refundMethodProblem.test(context.lines.at(-1) ?? '')) return { key: 'askNewPaymentMethod', text: phrase(language, 'askNewPaymentMethod'), identity: false };
  if (context.actions.includes('notify-team') && input.caseState.lastAct === 'human_request' && !facts.phone) return { key: 'askPhone', text: phrase(language, 'askPhone'), identity: false };
  return undefined;
}

/** "That card was cancelled", "esa tarjeta la cancelé", "ma carte a expiré", "die Karte ist gesperrt": the card and what happened to it. */
const refundMethodProblem = new RegExp(
  [
    '(?=.*\\b(card|tarjeta|carte|karte|kreditkarte|cartão|cartao)\\b)',
    ".*\\b(cancel+ed|closed|expired|lost|stolen|blocked|no longer (have|use)|cancel\\w*|cerrad\\w*|caducad\\w*|vencid\\w*|perdid\\w*|perdí|robad\\w*|bloquead\\w*|clonad\\w*|ya no (la |lo )?(tengo|uso)|annulée?|fermée?|expirée?|perdue?|volée?|bloquée?|je ne l'ai plus|gekündigt|gesperrt|abgelaufen|verloren|gestohlen|cancelad\\w*|encerrad\\w*|roubad\\w*|não tenho mais)",
  ].join(''),
  'iu',
);

const newValueQuestions: Partial<Record<CaseSlotName, TemplateKey>> = { newName: 'askNewName', deliveryTime: 'askNewDeliveryTime', paymentMethod: 'askNewPaymentMethod' };

const addressWords = /\b(address|moved|dirección|direccion|mudado|mudé|adresse|déménagé|umgezogen|anschrift|endereço|mudei)\b/i;
const phoneWords = /\b(phone|teléfono|telefono|téléphone|telefon|telefonnummer|telefone|número)\b/i;

/** What the customer wants changed to a value they have still to give: a new address or phone number. */
function changeWanted(context: Context): 'address' | 'phone' | undefined {
  const { subflow, flow } = context;
  const said = context.lines.join(' ');
  if (subflow === 'manage_change_address' || (flow === 'shipping_issue' && subflow === 'manage' && (addressWords.test(said) || !phoneWords.test(said)))) return 'address';
  if (subflow === 'manage_change_phone') return 'phone';
  return undefined;
}

const securityWords = /\b(pin|answer|respuesta|réponse|antwort|resposta)\b|(?<![\d.])\d{4,6}(?![\d.])/i;

function securityGiven(context: Context): boolean {
  return Boolean(context.input.caseState.slots.details) || context.lines.slice(1).some((line) => securityWords.test(line));
}

function purchaseDay(context: Context): Date | null {
  const orderId = context.input.caseState.slots.orderId;
  const order = context.input.customer?.orders.find((item) => item.id === orderId);
  if (order?.placedAt) return new Date(order.placedAt);
  return context.facts.purchaseDate ? parsePurchaseDate(context.facts.purchaseDate, context.now) : null;
}

/** True inside the tier's return window, false outside, undefined when it cannot be told yet. */
function withinPolicy(context: Context): boolean | undefined {
  if (!context.tier) return undefined;
  if (context.tier === 'gold') return true;
  // Any level may return with the receipt or in the original packaging (guidelines: Membership Privileges).
  if (keptProof(context)) return true;
  return insideWindow(context);
}

/** True when the purchase is inside the tier's return window by its date alone, undefined when that cannot be told. */
function insideWindow(context: Context): boolean | undefined {
  const day = purchaseDay(context);
  const limit = context.tier ? windowDays[context.tier] : undefined;
  if (!day || limit === undefined) return undefined;
  return (context.now.getTime() - day.getTime()) / 86_400_000 <= limit;
}

/** The receipt or the original packaging the customer still has, which allows a return at any level. */
function keptProof(context: Context): 'receiptAllows' | 'packagingAllows' | undefined {
  const slots = context.input.caseState.slots;
  if (slots.receipt === 'yes') return 'receiptAllows';
  if (slots.packaging === 'yes') return 'packagingAllows';
  return undefined;
}

/**
 * The terms a sentence and a question share: stop words dropped and words stemmed in the conversation's
 * language, as the search does ("vous" and "chez" are no topic; "emballages" is "emballage").
 */
function termsOf(text: string, language: DraftLanguage): Set<string> {
  const terms = new Set<string>();
  for (const word of words(text)) {
    if (isStopWord(word, language) || questionWords.has(foldAccents(word))) continue;
    if (/^\d+$/.test(word)) terms.add(word);
    else if (word.length >= 3) terms.add(stemOf(word, language));
  }
  return terms;
}

/** How, how much, when: every question has them ("¿cuánto cuesta?", "en cuanto vuelve"), so they tell no topic. */
const questionWords = new Set('how much many what when where which who why cuanto cuanta cuantos cuantas cuando donde que cual como combien quand comment quel quelle quels quelles pourquoi wie viel viele wann was welche welcher warum quanto quanta quantos quantas quando onde qual porque'.split(' '));

/**
 * The help-centre sentences for this customer: their tier's rule only, in their language where the article is.
 * Every passage found is read and the best sentence wins, not the first passage with any shared word; the
 * latest line's terms count twice the line before it, which is context ("and express shipping?" after gift wrap),
 * and a sentence that shares a term with the latest line outranks every one that does not.
 */
function helpCentreSentences(context: Context, limit: number, overlapNeeded?: number): { sentences: string[]; hit: DraftKnowledge | undefined } {
  const latest = termsOf(context.lines.at(-1) ?? '', context.language);
  const before = termsOf(context.lines.length > 1 ? (context.lines.at(-2) ?? '') : '', context.language);
  // One shared word is chance ("la réponse" of a security answer and of a product FAQ); a question needs less.
  const minOverlap = overlapNeeded ?? (/\?/.test(context.lines.at(-1) ?? '') || context.lines.length <= 1 ? 1 : 2);
  // A question about the levels themselves is answered for every level, not only the customer's own.
  const exclude = context.subflow === 'membership' ? undefined : otherTiers(context.tier);
  // Once the account is known, a passage about which identifiers we ask for would ask again.
  const status = context.input.caseState.identity.status;
  const identityKnown = status === 'identified' || status === 'verified' || context.facts.identifiers.size > 0;
  // Nor for a phone number the customer has already given (the manager's call-back number).
  const phoneKnown = context.facts.phone;
  // Nor for where they saw a lower price, once they have said it.
  const priceSourceKnown = context.facts.priceSource;
  let best: { sentences: string[]; hit: DraftKnowledge; score: number } | undefined;
  for (const hit of context.input.knowledge.filter(isHelpCentre)) {
    if ((hit.language ?? 'en') !== context.language) continue;
    // The case's own article wins a tie: it answers the request the case is about.
    const own = context.subflow !== null && hit.subflows?.includes(context.subflow) ? 5 : 0;
    // An article written for another request shares words by chance ("do they run small?" and "programs running",
    // "overnight shipping" in a refund case): it needs one more, and two at least.
    const otherTopic = context.subflow !== null && hit.subflows !== undefined && hit.subflows.length > 0 && own === 0;
    const needed = otherTopic ? Math.max(2, minOverlap + 1) : minOverlap;
    const scored = sentencesOf(hit.chunkText)
      .filter((sentence) => !(exclude && exclude.test(sentence)) && !(identityKnown && identifierWords.test(sentence)) && !(phoneKnown && phoneAskWords.test(sentence)) && !(priceSourceKnown && priceSourceAskWords.test(sentence)))
      .map((sentence, index) => {
        const shared = [...termsOf(sentence, context.language)].filter((term) => latest.has(term) || before.has(term));
        const weight = shared.reduce((sum, term) => sum + (latest.has(term) ? 2 : 1), 0);
        // An answer to the latest line shares a word with it: the line before only ranks such sentences
        // ("do they shrink in the wash?" after "a question about the jeans" is not answered with the brands).
        const answersLatest = shared.some((term) => latest.has(term)) ? 1000 : 0;
        return { sentence, overlap: shared.length, score: answersLatest + weight * 10 + own - index };
      })
      .filter((entry) => entry.overlap >= needed)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    const top = scored[0]?.score;
    // Ties go to the passage the search ranked first.
    if (top !== undefined && (!best || top > best.score)) best = { sentences: scored.map((entry) => entry.sentence), hit, score: top };
  }
  if (best) return { sentences: best.sentences, hit: best.hit };
  return { sentences: [], hit: context.input.knowledge.find(isHelpCentre) };
}

/** A numbered step of a help-centre article, by its heading: "Step 2: …", "Paso 2", "Étape 2", "Schritt 2", "Passo 2". */
const stepHeading = /^(?:step|paso|étape|etape|schritt|passo)\s*(\d+)\b/i;
/** The customer says they did it: "already tried that", "ya lo hice", "déjà fait", "schon gemacht". */
const doneCue = /\b(already|tried|did|done|didn't help|no luck|nope|ya|probé|intenté|hice|déjà|essayé|fait|schon|versucht|gemacht|já|tentei|fiz)\b/i;

interface TroubleshootingStep {
  number: number;
  sentences: string[];
  terms: Set<string>;
  hit: DraftKnowledge;
}

/** The case article's numbered steps, in order, each with the terms no other step has (the problem's own words tell no step apart). */
function troubleshootingSteps(context: Context): TroubleshootingStep[] {
  const { subflow } = context;
  if (context.flow !== 'troubleshoot_site' || !subflow) return [];
  const steps = new Map<number, TroubleshootingStep>();
  for (const hit of context.input.knowledge) {
    const number = stepHeading.exec(hit.section)?.[1];
    if (!number || !isHelpCentre(hit) || (hit.language ?? 'en') !== context.language || !hit.subflows?.includes(subflow) || steps.has(Number(number))) continue;
    const sentences = sentencesOf(hit.chunkText);
    if (sentences.length > 0) steps.set(Number(number), { number: Number(number), sentences, terms: termsOf(sentences.join(' '), context.language), hit });
  }
  const ordered = [...steps.values()].sort((a, b) => a.number - b.number);
  const seen = new Map<string, number>();
  for (const step of ordered) for (const term of step.terms) seen.set(term, (seen.get(term) ?? 0) + 1);
  return ordered.map((step) => ({ ...step, terms: new Set([...step.terms].filter((term) => seen.get(term) === 1)) }));
}

/**
 * Tried already: the agent suggested it, or the customer says they did it (its words, or one of them with
 * "already"). The line that opened the case describes the problem ("every page is slow"), which shares words
 * with the first step: there only "already" and the like count.
 */
function stepTried(step: TroubleshootingStep, said: SaidTerms, opening: number): boolean {
  const shared = (terms: Set<string>): number => [...terms].filter((term) => step.terms.has(term)).length;
  if (said.agent.some((terms) => shared(terms) >= 2)) return true;
  return said.customer.some(({ terms, done }, index) => (shared(terms) >= 2 && index !== opening) || (shared(terms) >= 1 && done));
}

/** The terms of the agent's lines and of the customer's (with whether each says it was done), stemmed once for every step. */
interface SaidTerms {
  agent: Set<string>[];
  customer: { terms: Set<string>; done: boolean }[];
}

function saidTerms(context: Context): SaidTerms {
  return {
    agent: context.input.turns.filter((turn) => turn.role === 'agent').map((turn) => termsOf(turn.text, context.language)),
    customer: context.lines.map((line) => ({ terms: termsOf(line, context.language), done: doneCue.test(line) })),
  };
}

/** The customer says the problem is gone: "that worked", "fixed now", "ya funciona", "ça a marché", "hat funktioniert". */
const solvedCue =
  /\b(that worked|it worked|worked now|works now|fixed|solved|sorted|resolved|ya funciona|funcion[oó]|resuelto|arreglado|ça a marché|ça marche maintenant|c'est bon|résolu|réglé|hat funktioniert|funktioniert jetzt|geht jetzt|gelöst|funcionou|resolvido)\b/i;

/** A step the retailer takes, not the customer: "we will report it", "si nuestra web sigue lenta", "wir melden". */
const ourStep = /\b(we|our|nous|notre|nos|wir|unser\w*|nosotros|nuestr[oa]s?|podemos|nós|noss[oa]s?)\b/i;

/**
 * A line that reports how a step went: "other sites are fine", "still slow", "did that, nope", "sigue igual",
 * "toujours pareil". "Nothing happens" is not one: it is how customers describe the problem itself.
 */
const resultCue =
  /\b(fine|works?|working|worked|still|better|worse|same|nope|did|done|tried|closed|no change|sigue|funciona|igual|mejor|peor|hecho|hice|probé|cerré|toujours|marche|pareil|mieux|pire|fait|essayé|fermé|immer noch|funktioniert|gleich|besser|schlechter|gemacht|versucht|geschlossen|ainda|melhor|pior|fiz|tentei|fechei)\b/i;

/**
 * The next troubleshooting step the customer has not tried, one at a time, from the case's article in their
 * language. Where the conversation carries no agent lines (a replay, a chat whose replies are not synced), each
 * later line that reports a result answers the step drafted before it.
 */
function troubleshootingAnswer(context: Context): Draft | 'none-left' | undefined {
  const steps = troubleshootingSteps(context);
  if (steps.length === 0) return undefined;
  // "That worked, it's there now": the problem is solved, and no further step is suggested.
  if (solvedCue.test(context.lines.at(-1) ?? '')) return 'none-left';
  const opening = context.input.caseState.request?.openedAtLine ?? 0;
  const said = saidTerms(context);
  let answered = said.agent.length > 0 ? 0 : context.lines.filter((line, index) => index > opening && resultCue.test(line)).length;
  const next = steps.find((step) => {
    if (stepTried(step, said, opening)) return false;
    if (answered === 0) return true;
    answered -= 1;
    return false;
  });
  if (!next) return 'none-left';
  // A step the customer carries out asks how it went; one the retailer takes ("we will report it") is told.
  if (ourStep.test(`${next.hit.section} ${next.sentences.join(' ')}`)) return { move: 'answer', sentences: next.sentences.slice(0, 2), citations: [citationOf(next.hit, false)], confidence: 0.55 };
  return { move: 'ask', sentences: [...next.sentences.slice(0, 2), phrase(context.language, 'askStepResult')], citations: [citationOf(next.hit, false)], confidence: 0.6 };
}

const phoneAskWords = /\b(phone number|número de teléfono|teléfono|numéro de téléphone|téléphone|telefonnummer|rufnummer|número de telefone|telefone)\b/i;

const priceSourceAskWords = /\b(where you saw|dónde vio|où vous avez vu|wo sie den niedrigeren preis|onde viu)\b/i;

const identifierWords = /\b(username|user name|e-?mail|order (id|number)|account id|nombre de usuario|usuario|correo|número de pedido|nom d'utilisateur|adresse e-mail|numéro de commande|benutzername|e-mail-adresse|bestellnummer|kundennummer|nome de usuário|número do pedido)\b/i;

function money(language: DraftLanguage, amount: unknown): string | undefined {
  const value = typeof amount === 'number' ? amount : Number(amount);
  return Number.isFinite(value) && value > 0 ? formatMoney(language, value) : undefined;
}

function methodWord(language: DraftLanguage, method: string | null | undefined): string {
  const lower = (method ?? '').toLowerCase();
  if (/gift|regalo|cadeau|geschenk|presente/.test(lower)) return phrase(language, 'methodGift');
  if (/check|cheque|scheck/.test(lower)) return phrase(language, 'methodCheck');
  if (/store|credit$|saldo|avoir|guthaben|add value/.test(lower) && !/card/.test(lower)) return phrase(language, 'methodCredit');
  return phrase(language, 'methodCard');
}

/** The outcome of what the agent approved, or the offer of what waits for approval. */
function actionDraft(context: Context): Draft | undefined {
  const { language, input } = context;
  // Only what this turn brought: an offer made earlier waits on its approval card, an outcome was already told.
  const sideEffects = input.proposals.filter((proposal) => proposal.sideEffect && proposal.turn === context.lines.length);
  const done = [...sideEffects].reverse().find((proposal) => proposal.status === 'executed' || proposal.status === 'approved');
  const pending = [...sideEffects].reverse().find((proposal) => proposal.status === 'pending' && proposal.policy === 'allowed');
  const pick = done && (!pending || done.turn >= pending.turn) ? done : pending;
  if (!pick) return undefined;
  const finished = pick === done;
  const amount = money(language, pick.args.amount);
  const method = methodWord(language, typeof pick.args.method === 'string' ? pick.args.method : context.facts.refundMethod);
  let text: string | undefined;
  if (pick.tool === 'request_refund') text = fill(language, finished ? 'refundDone' : 'refundOffer', { amount, method, days: phrase(language, 'days5to10') });
  else if (pick.tool === 'escalate_to_human') text = phrase(language, finished ? 'escalateDone' : 'escalateOffer');
  else if (pick.tool === 'update_preferences') text = finished ? phrase(language, 'preferencesDone') : phrase(language, 'ticketOffer');
  else text = phrase(language, finished ? 'ticketDone' : 'ticketOffer');
  if (!text) return undefined;
  return { move: 'confirm', sentences: finished ? [text, phrase(language, 'anythingElse')] : [text], citations: [], confidence: finished ? 0.75 : 0.45 };
}

/** What the read-only tools said this turn (tracking, order status), or the CRM's status of the order in question. */
function statusSentence(context: Context): string | undefined {
  const { language, input } = context;
  const lookup = [...input.proposals].reverse().find((proposal) => !proposal.sideEffect && proposal.status === 'executed' && proposal.result);
  if (lookup?.result) {
    const first = lookup.result.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s/)[0]?.slice(0, 160).replace(/[.!?]$/, '');
    // The tool speaks English: another language gets the status it names, or nothing.
    const status = first && !isInternalText(first) ? (language === 'en' ? first : statusWord(language, first)) : undefined;
    if (status) return fill(language, 'toolSaid', { status });
  }
  const orderId = input.caseState.slots.orderId;
  const order = input.customer?.orders.find((item) => item.id === orderId) ?? (orderId ? undefined : input.customer?.orders[0]);
  return order ? fill(language, 'orderStatus', { order: order.id, status: statusWord(language, order.status) }) : undefined;
}

/** The rule that applies to this customer: their tier's window and, once the date is known, whether they are inside it. */
function policyAnswer(context: Context): Draft | undefined {
  const { language, tier } = context;
  if (!tier) return undefined;
  const english = context.language === 'en';
  // The tier's own sentence is wanted here, however few words it shares with the line.
  const source = helpCentreSentences(context, 1, 1);
  const sentences: string[] = [];
  const citations: Draft['citations'] = [];
  const tierRule = english ? source.sentences.find((sentence) => new RegExp(`\\b${tier}\\b`, 'i').test(sentence)) : undefined;
  const template = tier === 'gold' ? phrase(language, 'tierAlways') : tier === 'guest' ? phrase(language, 'guestWindow') : fill(language, 'tierWindow', { tier: phrase(language, tierKey[tier] ?? 'tierGuest'), window: windowKey[tier] ? phrase(language, windowKey[tier]) : undefined });
  const rule = tierRule ?? template;
  if (!rule) return undefined;
  sentences.push(rule);
  const inside = withinPolicy(context);
  const proof = keptProof(context);
  // Outside the window but with the receipt or the packaging: that, not the window, is why the return is allowed.
  if (inside === true && tier !== 'gold') sentences.push(proof && insideWindow(context) !== true ? phrase(language, proof) : phrase(language, 'withinWindow'));
  if (inside === false) {
    const day = purchaseDay(context);
    const date = day ? formatDay(language, day) : undefined;
    const outside = fill(language, 'outsideWindow', { date });
    const slots = context.input.caseState.slots;
    // "If you still have the receipt…" is not said to a customer who has just said they have neither.
    if (outside) sentences.push(outside, ...(slots.receipt === 'no' && slots.packaging === 'no' ? [] : [phrase(language, 'outsideOffer')]));
  }
  // Cite the article that states this tier's rule; a template rule with no such article cites nothing.
  const ruleSource = tierRule ? source.hit : context.input.knowledge.find((hit) => isHelpCentre(hit) && new RegExp(`\\b${tier}\\b`, 'i').test(hit.chunkText));
  if (ruleSource) citations.push(citationOf(ruleSource, !tierRule && (ruleSource.language ?? 'en') !== language));
  return { move: 'answer', sentences, citations, confidence: inside === undefined ? 0.45 : 0.6 };
}

const tierNames: Record<string, RegExp> = { gold: /\bgold\b/i, silver: /\bsilver\b/i, bronze: /\bbronze\b/i, guest: /\b(guests?|invitad[oa]s?|invité(e)?s?|gast|gäste|convidad[oa]s?)\b/i };

/**
 * The tier rule of a flow other than returns (guidelines.json, Membership Privileges: an upgrade, an
 * unexplained fee, a credit, a promo code): the sentence for this tier in the case's own help-centre article,
 * in the customer's language. An unexplained fee, whose article may not be among the hits, has a template.
 */
function tierRuleAnswer(context: Context): Draft | undefined {
  const { language, tier, subflow } = context;
  if (!tier || !subflow) return undefined;
  const named = tierNames[tier];
  const others = otherTiers(tier);
  for (const hit of context.input.knowledge.filter(isHelpCentre)) {
    if ((hit.language ?? 'en') !== language || !hit.subflows?.includes(subflow)) continue;
    const sentence = sentencesOf(hit.chunkText).find((text) => named?.test(text) && !(others && others.test(text)));
    if (sentence) return { move: 'answer', sentences: [sentence], citations: [citationOf(hit, false)], confidence: 0.55 };
    // A section headed for this tier ("Silver members") states its rule without naming the tier again.
    const forTier = named?.test(hit.section) && !(others && others.test(hit.section)) ? sentencesOf(hit.chunkText).slice(0, 2) : [];
    if (forTier.length > 0) return { move: 'answer', sentences: forTier, citations: [citationOf(hit, false)], confidence: 0.55 };
  }
  // A credit for an item already returned, or never bought: gold members get it at once (guidelines).
  if (/^mistimed_billing_/.test(subflow) && tier === 'gold') return { move: 'answer', sentences: [phrase(language, 'creditNowGold')], citations: [], confidence: 0.55 };
  if (subflow !== 'status_mystery_fee') return undefined;
  const text = fill(language, tier === 'gold' || tier === 'silver' ? 'feeRemoved' : 'feeStays', { tier: phrase(language, tierKey[tier] ?? 'tierGuest') });
  const article = context.input.knowledge.find((hit) => isHelpCentre(hit) && /fee|frais|gebühr|cargo|taxa/i.test(`${hit.articleId} ${hit.title}`));
  return text ? { move: 'answer', sentences: [text], citations: article ? [citationOf(article, (article.language ?? 'en') !== language)] : [], confidence: 0.55 } : undefined;
}

/** Where a refund is: the help centre's words in the customer's language, else the template with the English article cited and flagged. */
function refundStatusAnswer(context: Context): Draft {
  const found = helpCentreSentences(context, 1);
  if (found.sentences.length > 0 && found.hit && /refund|reembolso|rembourse|erstattung/i.test(found.sentences.join(' '))) {
    return { move: 'answer', sentences: found.sentences, citations: [citationOf(found.hit, false)], confidence: 0.6 };
  }
  const article = context.input.knowledge.find((hit) => isHelpCentre(hit) && /refund/i.test(`${hit.articleId} ${hit.title}`));
  const text = fill(context.language, 'refundStatus', { days: phrase(context.language, 'days5to10') }) ?? phrase(context.language, 'lookingIntoIt');
  return { move: 'answer', sentences: [text], citations: article ? [citationOf(article, (article.language ?? 'en') !== context.language)] : [], confidence: 0.5 };
}

function faqAnswer(context: Context): Draft | undefined {
  const found = helpCentreSentences(context, 2);
  if (found.sentences.length > 0 && found.hit) return { move: 'answer', sentences: found.sentences, citations: [citationOf(found.hit, false)], confidence: 0.6 };
  // No article in the customer's language: say so in their language, and cite the English source, flagged.
  const english = context.input.knowledge.find((hit) => isHelpCentre(hit) && (hit.language ?? 'en') !== context.language);
  if (english && context.language !== 'en' && context.input.caseState.request && fillerAllowed(context)) return { move: 'answer', sentences: [phrase(context.language, 'lookingIntoIt')], citations: [citationOf(english, true)], confidence: 0.3 };
  return undefined;
}

/** Close variants only: thanks is answered and the door left open; a goodbye is returned. */
function closingDrafts(context: Context, act: 'acknowledgement' | 'closing'): Draft[] {
  const { language } = context;
  if (act === 'closing') return [{ move: 'close', sentences: [phrase(language, 'goodbye')], citations: [], confidence: 0.7 }];
  return [
    { move: 'close', sentences: [phrase(language, 'youreWelcome'), phrase(language, 'anythingElse')], citations: [], confidence: 0.85 },
    { move: 'close', sentences: [phrase(language, 'youreWelcome'), phrase(language, 'goodbye')], citations: [], confidence: 0.35 },
  ];
}

function ackPrefix(context: Context): string[] {
  const { language, input } = context;
  const customerLines = context.lines.length;
  if (customerLines <= 1) return [context.firstName ? (fill(language, 'greetNamed', { name: context.firstName }) ?? phrase(language, 'greet')) : phrase(language, 'greet')];
  if (input.caseState.lastAct === 'information') return [context.firstName ? (fill(language, 'thanksNamed', { name: context.firstName }) ?? phrase(language, 'thanks')) : phrase(language, 'thanks')];
  if (input.caseState.lastAct === 'complaint') return [phrase(language, 'sorryProblem')];
  return [];
}

function contextOf(input: DraftInput): Context {
  const lines = input.turns.filter((turn) => turn.role === 'customer').map((turn) => turn.text);
  const language = conversationLanguage(lines, input.caseState.language);
  const facts = givenFacts(lines, input.caseState, input.customer);
  const lastAt = input.turns.at(-1)?.at;
  const now = input.now ?? (lastAt ? new Date(lastAt) : new Date());
  const request = input.caseState.request;
  const stepActions = input.caseState.steps.map((step) => step.action);
  const identified = input.caseState.identity.status === 'identified' || input.caseState.identity.status === 'verified';
  const firstName = identified ? (input.caseState.identity.customerName ?? input.customer?.name)?.split(' ')[0] : facts.identifiers.has('name') ? input.customer?.name.split(' ')[0] : undefined;
  const named = firstName ? firstName.charAt(0).toUpperCase() + firstName.slice(1) : undefined;
  return {
    input,
    language,
    facts,
    lines,
    firstName: named,
    subflow: request?.subflow ?? null,
    flow: request?.flow ?? null,
    actions: stepActions,
    now,
    tier: facts.membership ?? null,
  };
}

/**
 * Up to three different replies, each one move (ask, answer, confirm, close), built from the case: greet
 * only on the first line, ask the one thing the flow needs next, answer with this customer's rule, report
 * what the tools and approved actions did, and close on thanks. Every sentence is a help-centre sentence
 * (cited) or a move template, in the conversation's language.
 */
export function composeDrafts(input: DraftInput): Suggestion[] {
  const context = contextOf(input);
  const act = closingAct(context.lines.at(-1) ?? '') ?? input.caseState.lastAct;
  // On thanks or a goodbye the only reply is a closing one: anything else would answer a question nobody asked.
  // An "ok" or "oh nice" with no thanks, while the flow still needs something, is answered with the next question.
  if (act === 'acknowledgement' && !thanksWords.test(context.lines.at(-1) ?? '') && input.caseState.request && !input.caseState.resolved) {
    const next = nextQuestion(context);
    if (next && !next.identity) return finish([{ move: 'ask', sentences: [next.text], citations: [], confidence: 0.6 }, ...closingDrafts(context, act).slice(0, 1)], context, false);
  }
  if (act === 'acknowledgement' || act === 'closing') return finish(closingDrafts(context, act), context, false);
  const drafts: Draft[] = [];
  const confidenceOfCase = input.caseState.request?.confidence ?? 0.3;
  const uncertain = input.caseState.request !== null && confidenceOfCase < 0.45;
  const action = actionDraft(context);
  const question = nextQuestion(context);
  const latest = context.lines.at(-1) ?? '';
  const latestFacts = givenFacts([latest], emptyCase, null);

  // One complaint is heard and answered; a manager is promised when asked for, or when complaints pile up.
  const escalating = act === 'human_request' || (act === 'complaint' && !question && (input.caseState.complaints ?? 0) >= 2);
  if (escalating) {
    // The manager calls back: the phone number is taken with the promise (guidelines.json, notify-team "manager").
    const phone = act === 'human_request' && !context.facts.phone && !question ? phrase(context.language, 'askPhone') : undefined;
    drafts.push(phone ? { move: 'ask', sentences: [phrase(context.language, 'escalateOffer'), phone], citations: [], confidence: 0.6 } : { move: 'confirm', sentences: [phrase(context.language, 'escalateOffer')], citations: [], confidence: 0.45 });
  } else if (act === 'complaint' && !question) {
    drafts.push({ move: 'answer', sentences: [phrase(context.language, 'sorryCannotMore'), phrase(context.language, 'anythingElse')], citations: [], confidence: 0.45 });
  }
  if (action) drafts.push(action);
  // "And no more promo e-mails, please" beside the case is answered with that change, whatever else is pending.
  else if ((!question && (suppliedFacts(latestFacts, latest) || changeValueIn(context, latest))) || (input.caseState.optOut && preferencePattern.test(foldText(latest)))) {
    // The customer just gave the last thing the change needed: the offer waiting on its card is the reply now.
    const waiting = pendingOffer(context) ?? plannedOffer(context);
    if (waiting) drafts.push({ ...waiting, sentences: [...ackPrefix(context), ...waiting.sentences] });
  }
  if (question) {
    drafts.push({ move: 'ask', sentences: [...ackPrefix(context), question.text], citations: [], confidence: question.identity ? 0.68 : 0.72 });
  }
  // The rule is told when its last fact arrives (the tier, the date) or the customer asks, not on every later line.
  const freshPolicy = /\?/.test(latest) || latestFacts.membership !== null || latestFacts.purchaseDate !== null || act === 'request';
  // The return rule answers returns, refunds and policy questions; an upgrade or a fee has other tier rules.
  const ruleApplies = context.subflow === null || returnRuleSubflows.test(context.subflow);
  // "What do you get with gold?" names a level to learn about, not the customer's: the article answers it.
  const aboutLevels = context.subflow === 'membership';
  const policy = aboutLevels ? undefined : freshPolicy && ruleApplies ? policyAnswer(context) : freshPolicy ? tierRuleAnswer(context) : undefined;
  if (policy) drafts.push({ ...policy, sentences: question ? policy.sentences : [...ackPrefix(context), ...policy.sentences, phrase(context.language, 'anythingElse')] });
  const status = context.subflow && deliveryStatusSubflows.has(context.subflow) ? statusSentence(context) : undefined;
  // Where the refund is: told when asked, or when the identifiers that find it arrive, not on every later line.
  if (context.subflow === 'refund_status' && (act === 'request' || /\?/.test(latest) || latestFacts.identifiers.size > 0)) drafts.push(refundStatusAnswer(context));
  else if (status) drafts.push({ move: 'answer', sentences: [status], citations: [], confidence: 0.6 });
  // A troubleshooting case walks the article's steps: the next one not tried, and never a passage of one tried.
  const troubleshooting = troubleshootingAnswer(context);
  if (troubleshooting && troubleshooting !== 'none-left') drafts.push({ ...troubleshooting, sentences: drafts.length === 0 ? [...ackPrefix(context), ...troubleshooting.sentences] : troubleshooting.sentences });
  // An order number or a greeting given before any request is answered with "how can I help?", not a passage
  // that shares a word with it (an order, "Guten Tag" and the return window's "am Tag Ihres Kaufs").
  const nothingAsked = !input.caseState.request && (act === 'information' || (act === 'small_talk' && !/\?/.test(latest)));
  if (!nothingAsked && !troubleshooting && (!question || !needsIdentity(context) || (drafts.length < 2 && context.language === 'en'))) {
    const faq = faqAnswer(context);
    if (faq) drafts.push({ ...faq, sentences: drafts.length === 0 ? [...ackPrefix(context), ...faq.sentences] : faq.sentences });
  }
  if (drafts.length === 0) {
    if (!input.caseState.request) drafts.push({ move: 'ask', sentences: [...ackPrefix(context), phrase(context.language, context.lines.length <= 1 ? 'howCanIHelp' : 'askClarify')], citations: [], confidence: 0.35 });
    else if (fillerAllowed(context) || justIdentified(context, latestFacts)) drafts.push({ move: 'answer', sentences: [...ackPrefix(context), phrase(context.language, 'lookingIntoIt')], citations: [], confidence: 0.35 });
  }
  // Unsure what the case is about: one draft asks, in the customer's words for the topic, and it is never crowded out.
  if (uncertain && input.caseState.request) {
    const check = fill(context.language, 'uncertain', { label: topicOf(context) });
    if (check) drafts.splice(Math.min(drafts.length, 1), 0, { move: 'confirm', sentences: [check], citations: [], confidence: 0.4 });
  }
  return finish(drafts, context, uncertain);
}

const goodbyeWords = /\b(bye|goodbye|good night|have a (good|great|nice) (day|one)|adiós|adios|hasta luego|hasta pronto|chao|buen día|buen dia|au revoir|bonne (journée|soirée)|à bientôt|tschüss|tschüs|auf wiedersehen|auf wiederhören|schönen tag|tchau|até logo|até mais)\b/i;
const moreToAsk = /\b(but|also|want|need|still|pero|también|quiero|necesito|todavía|mais|aussi|veux|voudrais|encore|aber|auch|möchte|brauche|mas|quero|preciso|ainda)\b/i;
// "No, thanks" and "that's all" after "anything else?" end the chat: a goodbye, not another offer of help.
// A "no" that goes on ("no idea where to find that") answers something else.
const doneWords = /^\W*(no|nope|nop|nah|non|nein|não|nada)\b(?!\s+(idea|clue|sé|se |lo |tengo|sabía|sabia|tenho|sei|sais|ahnung))|\b(that's all|that is all|eso es todo|eso era todo|nada más|c'est tout|ce sera tout|c'était tout|das war's|das wars|das war alles|é só isso|só isso)\b/i;
const thanksWords = /\b(thanks|thank you|thank u|thx|ty|cheers|appreciate|gracias|agradezco|merci|remercie|danke|vielen dank|obrigad[oa]|agradeço)\b/i;

/**
 * A short line that only thanks or says goodbye, whatever else the case made of it: it gets a closing reply.
 * A line with a question, a number or more than a few words is left to the case.
 */
function closingAct(line: string): 'closing' | 'acknowledgement' | undefined {
  const words = line.trim().split(/\s+/).filter(Boolean).length;
  if (words === 0 || words > 9 || /[?¿\d@]/.test(line) || moreToAsk.test(line)) return undefined;
  if (goodbyeWords.test(line) || doneWords.test(line)) return 'closing';
  if (thanksWords.test(line)) return 'acknowledgement';
  return undefined;
}

/** Distinct drafts, at most one per move besides answers, at most three, with confidence scaled down on an unsure case. */
function finish(drafts: Draft[], context: Context, uncertain: boolean): Suggestion[] {
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const draft of drafts) {
    const text = draft.sentences.join(' ').replace(/\s+/g, ' ').trim();
    if (!text || seen.has(text) || out.some((existing) => existing.move === draft.move && draft.move !== 'answer' && draft.move !== 'close')) continue;
    seen.add(text);
    const scaled = uncertain ? draft.confidence * 0.7 : draft.confidence;
    out.push({
      text,
      citations: draft.citations,
      source: 'offline',
      confidence: Number(Math.max(0.05, Math.min(0.95, scaled)).toFixed(2)),
      move: draft.move,
      language: context.language,
      ...(uncertain ? { uncertain: true } : {}),
    });
    if (out.length === 3) break;
  }
  return out;
}

/** The line gives the new value of the case's change (a name, a delivery time, a payment method). */
function changeValueIn(context: Context, line: string): boolean {
  const slot = changeSlotOf(context.subflow);
  if (slot === 'newName') return nameForChange(line) !== undefined;
  const values = changeSlotsIn(context.subflow, line, []);
  // A case with no change of its own may still take one (where a refund is paid, in a refund-status case).
  return slot !== undefined ? values[slot] !== undefined : Object.keys(values).length > 0;
}

function suppliedFacts(facts: GivenFacts, line: string): boolean {
  return securityWords.test(line) || facts.address || facts.phone || facts.returnMethod || facts.refundMethod !== null || facts.identifiers.size > 0 || facts.membership !== null || facts.purchaseDate !== null;
}

/** The side effect of this case still waiting for the agent's approval, offered in the customer's language. */
function pendingOffer(context: Context): Draft | undefined {
  const caseKey = context.input.caseState.caseKey;
  const waiting = [...context.input.proposals].reverse().find((proposal) => proposal.sideEffect && proposal.status === 'pending' && proposal.policy === 'allowed' && (!caseKey || !proposal.caseKey || proposal.caseKey === caseKey));
  if (!waiting) return undefined;
  return actionDraft({ ...context, input: { ...context.input, proposals: [{ ...waiting, turn: context.lines.length }] } });
}

// Changes logged on a ticket; a refund names an amount the case policy (refunds so far) has still to pass.
const offeredBeforeProposal = new Set(['create_ticket', 'update_preferences']);

/**
 * The change this very line makes possible: the drafts are written before the proposal is made, so the
 * line that gives the last missing slot (the new address) is answered with the offer it is about to bring.
 */
function plannedOffer(context: Context): Draft | undefined {
  const { caseState, customer, proposals } = context.input;
  if (!customer) return undefined;
  const caseKey = caseState.caseKey;
  const proposed = new Set(proposals.filter((proposal) => !caseKey || !proposal.caseKey || proposal.caseKey === caseKey).map((proposal) => proposal.tool));
  const planned = planCaseActions(caseState, customer, context.now, context.lines.at(-1) ?? '').find((plan) => offeredBeforeProposal.has(plan.tool) && !proposed.has(plan.tool));
  if (!planned) return undefined;
  const proposal: Proposal = { id: 'planned', tool: planned.tool, args: planned.args, policy: 'allowed', policyReason: null, why: planned.why, sideEffect: true, status: 'pending', decisionReason: null, idempotencyKey: null, turn: context.lines.length, flow: context.actions, subflow: context.subflow };
  return actionDraft({ ...context, input: { ...context.input, proposals: [proposal] } });
}

/**
 * "I'm looking into this" says nothing new: it is offered once, on the line that opened the case, and never
 * when the agent has already said it.
 */
function fillerAllowed(context: Context): boolean {
  const request = context.input.caseState.request;
  if (!request || request.openedAtLine !== context.lines.length - 1) return false;
  const filler = phrase(context.language, 'lookingIntoIt');
  return !context.input.turns.some((turn) => turn.role === 'agent' && turn.text.includes(filler));
}

/** The line gave identifiers and the account is known, with nothing more to ask: "thank you, I'm checking now". */
function justIdentified(context: Context, latest: GivenFacts): boolean {
  const status = context.input.caseState.identity.status;
  if (latest.identifiers.size === 0 || (status !== 'identified' && status !== 'verified')) return false;
  const filler = phrase(context.language, 'lookingIntoIt');
  return !context.input.turns.some((turn) => turn.role === 'agent' && turn.text.includes(filler));
}

const topicKeys: Record<string, TemplateKey> = {
  account_access: 'topicAccountAccess',
  manage_account: 'topicManageAccount',
  order_issue: 'topicOrder',
  product_defect: 'topicReturn',
  purchase_dispute: 'topicCharge',
  shipping_issue: 'topicShipping',
  single_item_query: 'topicProduct',
  storewide_query: 'topicPolicy',
  subscription_inquiry: 'topicSubscription',
  troubleshoot_site: 'topicSite',
};

/** The case's topic as the customer would say it, in their language (the case's labels are the agent's English). */
function topicOf(context: Context): string | undefined {
  const key = context.flow ? topicKeys[context.flow] : undefined;
  if (key) return phrase(context.language, key);
  return context.language === 'en' ? context.input.caseState.request?.label.toLowerCase() : undefined;
}

/**
 * The reply that reports what the agent just approved (the refund issued, the change made), in the
 * conversation's language; undefined when nothing has been carried out on this turn.
 */
export function outcomeSuggestion(input: DraftInput, turn: number): Suggestion | undefined {
  const done = input.proposals.filter((proposal) => proposal.sideEffect && proposal.turn === turn && (proposal.status === 'executed' || proposal.status === 'approved'));
  if (done.length === 0) return undefined;
  const context = contextOf({ ...input, proposals: done });
  const draft = actionDraft(context);
  if (!draft) return undefined;
  return { text: draft.sentences.join(' '), citations: [], source: 'offline', confidence: draft.confidence, move: 'confirm', language: context.language };
}
