import { detectLanguage } from '../../language/index';
import type { CaseSlots, CaseState, IdentifierKind } from '../case/case-types';
import { foldText } from '../case/fold-text';
import { conjunctionOnly, membershipWords } from '../case/membership-words';
import { priceSourceWords } from '../case/request-patterns';
import type { CustomerContext } from '../types';
import { draftLanguages, isDraftLanguage, type DraftLanguage } from './templates';

/**
 * What the customer's own lines already settle, read from their words in any of the demo's languages.
 * The case state says the same where its node has filled it; reading both means a slot the case node
 * missed is still never asked for twice.
 */
export interface GivenFacts {
  identifiers: Set<IdentifierKind>;
  membership: string | null;
  purchaseDate: string | null;
  address: boolean;
  returnMethod: boolean;
  refundMethod: string | null;
  item: string | null;
  phone: boolean;
  /** Where they saw the lower price (another shop, our site another day): a price-match case has it. */
  priceSource: boolean;
}

/** Each tier's word, and the line opening with it ("Bronze. And …"), which names the tier however long it goes on. */
const tierCues = membershipWords.map(([pattern, tier]) => [pattern, tier, new RegExp(`^\\W*(${pattern.source.replace(/\\b/g, '')})\\b\\s*[.,;:!-]`)] as const);

const monthPattern =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|jun(e)?|jul(y)?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)\b/i;
const relativeDate = /\b(\d+\s+(days?|weeks?|months?)\s+ago|last (week|month|year)|yesterday|hace \d+|il y a \d+|vor \d+|há \d+)\b|\b\d{1,2}[/-]\d{1,2}([/-]\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b/i;

const monthIndex: Record<string, number> = {
  jan: 0, ene: 0, jav: 0, fev: 1, feb: 1, fév: 1, mar: 2, mär: 2, apr: 3, abr: 3, avr: 3, may: 4, mai: 4, mayo: 4, mai_: 4,
  jun: 5, jui: 6, jul: 6, aug: 7, ago: 7, aoû: 7, sep: 8, set: 8, oct: 9, okt: 9, out: 9, nov: 10, dec: 11, dic: 11, déc: 11, dez: 11,
};

function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower.startsWith('juin') || lower.startsWith('jun')) return 5;
  if (lower.startsWith('juil')) return 6;
  if (lower.startsWith('janv')) return 0;
  return monthIndex[lower.slice(0, 3)];
}

/** The purchase date as a day, when the words give one: "mid november" is the last 15 November before `now`. */
export function parsePurchaseDate(text: string, now: Date): Date | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
  const ago = /\b(\d+)\s+(day|week|month)s?\s+ago\b/i.exec(text);
  if (ago) {
    const days = Number(ago[1]) * (ago[2]?.toLowerCase() === 'day' ? 1 : ago[2]?.toLowerCase() === 'week' ? 7 : 30);
    return new Date(now.getTime() - days * 86_400_000);
  }
  const month = monthPattern.exec(text);
  if (month) {
    const index = monthOf(month[0]);
    if (index === undefined) return null;
    const day = /\b(early|début|principios|anfang|início)\b/i.test(text) ? 5 : /\b(late|end|fin|finales|ende|final)\b/i.test(text) ? 25 : 15;
    let year = now.getUTCFullYear();
    const yearMatch = /\b(20\d{2})\b/.exec(text);
    if (yearMatch) year = Number(yearMatch[1]);
    else if (Date.UTC(year, index, day) > now.getTime()) year -= 1;
    return new Date(Date.UTC(year, index, day));
  }
  return null;
}

// Words that make a short line something other than a name: products, tiers, answers, common words.
const notNameWords = new Set(
  'yes no nope yeah ok okay sure thanks thank you please hi hello hey the a an my is it and or in on by for to of at with gold silver bronze guest boots jeans shirt jacket guess calvin klein tommy hilfiger michael kors mail store credit card gift check great good fine perfect cool sweet nothing still not yet sí si no gracias hola vale por favor correo tienda oui non merci bonjour poste magasin ja nein danke hallo bitte post sim não obrigado obrigada olá correio loja buenas ah que bom super ça marche'.split(' '),
);

/** A line that is only a person's name, as customers answer "your full name?": two or three words, none of them common. */
function looksLikeName(line: string): boolean {
  const parts = line.trim().replace(/[.!]$/, '').split(/\s+/);
  if (parts.length < 2 || parts.length > 3) return false;
  return parts.every((part) => /^[a-zà-ÿ'-]{2,}$/i.test(part) && !notNameWords.has(part.toLowerCase()));
}

export function givenFacts(customerLines: string[], caseState: CaseState, customer: CustomerContext | null): GivenFacts {
  const identifiers = new Set<IdentifierKind>(caseState.identity.matched);
  for (const claim of caseState.identity.claimed) identifiers.add(claim.kind);
  const slots: CaseSlots = caseState.slots;
  if (slots.orderId) identifiers.add('order_id');
  if (slots.email) identifiers.add('email');
  if (slots.username) identifiers.add('username');
  if (slots.fullName) identifiers.add('name');
  if (slots.accountId) identifiers.add('account_id');
  if (slots.phone) identifiers.add('phone');
  if (customer?.identifiedBy === 'name') identifiers.add('name');
  let membership = slots.membership ?? null;
  let purchaseDate = slots.purchaseDate ?? null;
  let address = Boolean(slots.address);
  let returnMethod = false;
  let refundMethod = slots.refundMethod ?? null;
  let item = slots.product ?? null;
  let phone = Boolean(slots.phone);
  let priceSource = false;
  const names = customer ? customer.name.toLowerCase().split(/\s+/).filter((part) => part.length > 1) : [];
  for (const line of customerLines) {
    const lower = line.toLowerCase();
    if (/[^\s@]+@[^\s@]+\.\w+/.test(line)) identifiers.add('email');
    if (/(?<![\d.$])#?\d{8,12}\b/.test(line)) identifiers.add('order_id');
    if (/\b[a-z]{3,}\d{2,}\b/i.test(line.replace(/[^\s@]+@[^\s@]+/g, ''))) identifiers.add('username');
    if (/\b(my name is|i am|i'm|this is|me llamo|mi nombre es|je m'appelle|je suis|ich heiße|mein name ist|meu nome é|eu sou)\s+[a-zà-ÿ]+/i.test(line)) identifiers.add('name');
    // The customer's own name, as the CRM knows it, written out (first and last).
    if (names.length >= 2 && names.every((part) => lower.includes(part))) identifiers.add('name');
    if (/\b(account id|id de cuenta|identifiant|kundennummer|id da conta)\b.*\w{5,}/i.test(line) || /\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,12}\b/.test(line)) identifiers.add('account_id');
    if (looksLikeName(line)) identifiers.add('name');
    if (/\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}/.test(line)) {
      identifiers.add('phone');
      phone = true;
    }
    const words = lower.split(/\s+/).filter(Boolean).length;
    // "Bronze. And I want my money back": a line that opens with the tier names it, however long it goes on.
    const folded = foldText(line);
    if (priceSourceWords.test(folded)) priceSource = true;
    for (const [pattern, tier, opensWith] of tierCues) if (pattern.test(folded) && !conjunctionOnly(folded, tier) && (words <= 6 || /\b(member|miembro|membre|mitglied|membro)\b/.test(folded) || opensWith.test(folded))) membership ??= tier;
    if (!purchaseDate && (monthPattern.test(line) || relativeDate.test(line))) purchaseDate = line.trim().slice(0, 60);
    if (/\d{2,6}\s+[a-zà-ÿ0-9]+.*\b(st|street|ave|avenue|rd|road|dr|drive|ln|lane|blvd|way|ct|circle|pl|calle|rue|straße|strasse|rua)\b|\b\d{5}\b.*[a-z]{2}|[a-z]{2}\s+\d{5}\b/i.test(line)) address = true;
    if (/\b(by mail|mail it|in store|drop[- ]?off|por correo|en tienda|par la poste|en magasin|point de dépôt|per post|im geschäft|abgabestelle|annahmestelle|paketshop|filiale|centro de entrega|punto de entrega|par courrier|point relais|en boutique|pelo correio|na loja|ponto de entrega)\b/i.test(line)) returnMethod = true;
    const method = /\b(credit card|store credit|gift card|paper check|cheque|check|tarjeta|saldo|carte|avoir|kreditkarte|guthaben|geschenkkarte|scheck|cartão|crédito)\b/i.exec(line);
    if (method) refundMethod ??= method[0].toLowerCase();
    const product = /\b(boots?|jeans|shirts?|jackets?|botas|vaqueros|camisa|chaqueta|bottes|chemise|veste|stiefel|hemd|jacke|camisa|jaqueta)\b/i.exec(line);
    if (product) item ??= product[0].toLowerCase();
  }
  return { identifiers, membership, purchaseDate, address, returnMethod, refundMethod, item, phone, priceSource };
}

/**
 * The conversation's language: the one most of the customer's words are in (long lines count more), so a
 * one-word "gold" does not flip a Spanish chat; the case's reading when the lines give nothing to go on.
 */
const greetingHints: [RegExp, DraftLanguage][] = [
  [/^\s*(buenas|buenos días|hola)\b/i, 'es'],
  [/^\s*(bonjour|bonsoir|salut)\b/i, 'fr'],
  [/^\s*(hallo|guten (tag|morgen|abend)|servus|moin)\b/i, 'de'],
  [/^\s*(olá|oi|bom dia|boa (tarde|noite))\b/i, 'pt'],
];

// Function words settle what trigram statistics get wrong on identifiers ("username hwagner412" reads as German).
const functionWords: Record<DraftLanguage, RegExp> = {
  en: /\b(the|my|is|it|and|to|of|can|i|you|your|was|with|for|this|that|please|thanks|order|arrived)\b/gi,
  es: /\b(el|la|los|las|mi|es|y|de|que|por|para|con|una|un|quiero|gracias|pedido|hola|no)\b/gi,
  fr: /\b(le|la|les|mon|ma|est|et|de|que|pour|avec|une|un|je|merci|commande|bonjour|pas)\b/gi,
  de: /\b(der|die|das|mein|meine|ist|und|zu|von|mit|für|ein|eine|ich|danke|bestellung|hallo|nicht)\b/gi,
  pt: /\b(o|a|os|as|meu|minha|é|e|de|que|para|com|uma|um|eu|obrigad[oa]|pedido|olá|não)\b/gi,
};

function byFunctionWords(line: string): { code: DraftLanguage; hits: number; runnerUp: number } {
  const counts = draftLanguages.map((code) => ({ code, hits: line.match(functionWords[code])?.length ?? 0 })).sort((a, b) => b.hits - a.hits);
  return { code: counts[0]?.code ?? 'en', hits: counts[0]?.hits ?? 0, runnerUp: counts[1]?.hits ?? 0 };
}

// Lines are detected once: every turn re-reads the conversation's first lines.
const detected = new Map<string, { code: string; confidence: number }>();
function detectOnce(line: string): { code: string; confidence: number } {
  let found = detected.get(line);
  if (!found) {
    const words = line.replace(/\S*\d\S*|\S+@\S+/g, ' ');
    found = detectLanguage(words);
    const vote = byFunctionWords(words);
    if (vote.code !== found.code && vote.hits >= 3 && vote.hits >= 2 * vote.runnerUp) found = { code: vote.code, confidence: 0.7 };
    if (detected.size > 5000) detected.clear();
    detected.set(line, found);
  }
  return found;
}

export function conversationLanguage(customerLines: string[], caseLanguage: string): DraftLanguage {
  const weight = new Map<string, number>();
  // The language is settled by the opening lines; the latest few can still show a switch.
  const lines = customerLines.length > 20 ? [...customerLines.slice(0, 15), ...customerLines.slice(-5)] : customerLines;
  for (const line of lines) {
    const hint = greetingHints.find(([pattern]) => pattern.test(line));
    const guess = hint ? { code: hint[1], confidence: 0.8 } : detectOnce(line);
    if (!isDraftLanguage(guess.code)) continue;
    const letters = line.replace(/[^a-zà-ÿ]/gi, '').length;
    weight.set(guess.code, (weight.get(guess.code) ?? 0) + guess.confidence * Math.min(letters, 80));
  }
  // With nothing to go on, the case's own reading (or English).
  let best: DraftLanguage = isDraftLanguage(caseLanguage) ? caseLanguage : 'en';
  let bestWeight = 0;
  for (const [code, value] of weight) {
    if (value > bestWeight && isDraftLanguage(code)) {
      best = code;
      bestWeight = value;
    }
  }
  return best;
}
