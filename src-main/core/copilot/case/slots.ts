import type { Entity } from '../../language/index';
import type { CaseSlots } from './case-types';
import { foldText } from './fold-text';
import { nameIn, type SaidIdentifier } from './identifiers';
import { conjunctionOnly, membershipWords } from './membership-words';

/**
 * Each level's word, and where it names the level in a line of any length: after "as" ("I just ordered as a
 * guest", "ich hab nur als Gast bestellt"), or opening the line ("Bronze. And I want the 15 dollars back").
 */
const membershipCues = membershipWords.map(([pattern, level]) => {
  const word = pattern.source.replace(/\\b/g, '');
  return {
    pattern,
    level,
    asLevel: new RegExp(`\\b(as a|as|como|comme|en tant qu.?|als|i'm|im|i am|soy|je suis|ich bin|sou)\\s+(${word})`),
    opensWith: new RegExp(`^\\W*(${word})\\s*[.,;:!-]`),
  };
});

export const monthNames: [RegExp, number][] = [
  [/\b(january|jan|enero|janvier|januar|janeiro)\b/, 0],
  [/\b(february|feb|febrero|fevrier|februar|fevereiro)\b/, 1],
  [/\b(march|mar|marzo|mars|marz|marco)\b/, 2],
  [/\b(april|apr|abril|avril)\b/, 3],
  [/\b(may|mayo|mai|maio)\b/, 4],
  [/\b(june|jun|junio|juin|juni|junho)\b/, 5],
  [/\b(july|jul|julio|juillet|juli|julho)\b/, 6],
  [/\b(august|aug|agosto|aout)\b/, 7],
  [/\b(september|sept|sep|septiembre|septembre|setembro)\b/, 8],
  [/\b(october|oct|octubre|octobre|oktober|outubro)\b/, 9],
  [/\b(november|nov|noviembre|novembre|novembro)\b/, 10],
  [/\b(december|dec|diciembre|decembre|dezember|dezembro)\b/, 11],
];

const unitDays: [RegExp, number][] = [
  [/^(day|days|dia|dias|jour|jours|tag|tage|tagen)$/, 1],
  [/^(week|weeks|semana|semanas|semaine|semaines|woche|wochen)$/, 7],
  [/^(month|months|mes|meses|mois|monat|monate|monaten)$/, 30],
  [/^(year|years|ano|anos|an|ans|annee|annees|jahr|jahre|jahren)$/, 365],
];

const numberWords: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, couple: 2, few: 3,
  un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six_: 6,
  ein: 1, eine: 1, einem: 1, einer: 1, zwei: 2, drei: 3, vier: 4, funf: 5, sechs: 6, um: 1, uma: 1, duas: 2, quatro_: 4,
};

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "mid november", "3 weeks ago", "about a month and a half ago", "hace dos semanas", "vor 3 Wochen", "2019-11-18". */
export function purchaseDateIn(text: string, now: Date): string | undefined {
  const folded = foldText(text);
  const iso = /\b(20\d{2})-(\d{2})-(\d{2})\b/.exec(folded);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const agoMarker = /\b(ago|hace|il y a|vor|ha|faz|atras)\b/.test(folded);
  if (agoMarker) {
    // The count is a number or a number word: "hace mucho ... la semana pasada" counts nothing.
    const match = [...folded.matchAll(/\b(\d+|[a-z]+)\s+(?:and a half\s+)?(day|days|week|weeks|month|months|year|years|dia|dias|semana|semanas|mes|meses|jour|jours|semaine|semaines|mois|an|ans|tag|tage|tagen|woche|wochen|monat|monate|monaten|jahr|jahre|jahren|ano|anos)\b/g)].find((found) => found[1] !== undefined && (/^\d+$/.test(found[1]) || numberWords[found[1]] !== undefined));
    if (match?.[1] && match[2]) {
      const count = /^\d+$/.test(match[1]) ? Number(match[1]) : (numberWords[match[1]] ?? 1);
      const unit = unitDays.find(([pattern]) => pattern.test(match[2] ?? ''))?.[1] ?? 1;
      const half = /and a half|y medio|et demi|einhalb|e meio/.test(folded) ? 0.5 : 0;
      return isoDay(new Date(now.getTime() - (count + half) * unit * 86_400_000));
    }
  }
  for (const [pattern, month] of monthNames) {
    if (month === 4 && !/\b(in|en|em|im|on|of|de|el|le|mid|early|late)\s+(may|mayo|mai|maio)\b/.test(folded)) continue;
    if (month === 2 && /\bmar\b/.test(folded) && !/\b(march|marzo|mars|marz|marco)\b/.test(folded)) continue;
    if (!pattern.test(folded)) continue;
    const dayMatch = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(folded.replace(/\b20\d{2}\b/, ''));
    const day = dayMatch ? Number(dayMatch[1]) : /\b(early|beginning|debut|principios|anfang|inicio)\b/.test(folded) ? 5 : /\b(late|end|fin|finales|ende|final)\b/.test(folded) ? 25 : 15;
    const yearMatch = /\b(20\d{2})\b/.exec(folded);
    let year = yearMatch ? Number(yearMatch[1]) : now.getUTCFullYear();
    const candidate = new Date(Date.UTC(year, month, Math.min(day, 28)));
    if (!yearMatch && candidate.getTime() > now.getTime()) year -= 1;
    return isoDay(new Date(Date.UTC(year, month, Math.min(day, 28))));
  }
  // After the month names: "bought in September, kept in its box until last week" was bought in September.
  if (/\b(yesterday|ayer|hier|gestern|ontem)\b/.test(folded)) return isoDay(new Date(now.getTime() - 86_400_000));
  if (/\b(last week|la semana pasada|la semaine derniere|letzte woche|semana passada)\b/.test(folded)) return isoDay(new Date(now.getTime() - 7 * 86_400_000));
  if (/\b(last month|el mes pasado|le mois dernier|letzten monat|mes passado)\b/.test(folded)) return isoDay(new Date(now.getTime() - 30 * 86_400_000));
  return undefined;
}

// Thrown away counts as a no: "the box went in the recycling", "la caja acabó en la basura", "die Verpackung ist im Altpapier".
const negation = /\b(no|not|never|don't|dont|didn't|didnt|haven't|havent|nunca|pas|jamais|kein|keine|keinen|nicht|nao|sin|sans|ohne|sem|lost|threw|thrown|tossed|binned|trash|garbage|recycl\w*|tire|perdi|basura|reciclaje|jete|jetee|perdu|poubelle|recyclage|weggeworfen|weggeschmissen|entsorgt|mull|altpapier|verloren|joguei|lixo|reciclagem)\b/;

/** Never opened or worn: the item is as it came, in its packaging. */
const unopened = /\b(unopened|never (been )?(opened|worn)|still sealed|sin abrir|sin estrenar|sin usar|jamais (ouvert|porte)e?s?|pas (encore )?ouvert|ungeoffnet|originalverpackt|nie getragen|sem abrir|nunca usad[oa])\b/;
/** Every mention of `unopened` on a line, for the clause reading to see one word. */
const unopenedEverywhere = new RegExp(unopened.source, 'g');
/** "and the box too": the clause says nothing of its own and takes the answer of the one before. */
const likewise = /\b(too|also|either|as well|tambien|tampoco|aussi|non plus|auch|ebenfalls|tambem)\b/;

/**
 * Yes or no about a topic (the receipt, the packaging), read in the clause that names it: "I know it's been
 * a while but it was in its box, I still have the receipt" is a yes, though "no" appears elsewhere on the line.
 */
function yesNoAbout(folded: string, topic: RegExp): 'yes' | 'no' | undefined {
  const clauses = folded.replace(unopenedEverywhere, ' unopened ').split(/[.,;:!?]+|\b(?:but|pero|mais|aber|mas|and|y|et|und|e)\b/);
  let answer: 'yes' | 'no' | undefined;
  let before: 'yes' | 'no' | undefined;
  for (const clause of clauses) {
    if (!clause?.trim()) continue;
    const own: 'yes' | 'no' = negation.test(clause) ? 'no' : 'yes';
    if (topic.test(clause)) {
      const here = own === 'yes' && before === 'no' && likewise.test(clause) ? 'no' : own;
      if (here === 'no') return 'no';
      answer = 'yes';
    }
    before = own;
  }
  return answer;
}

const refundMethods: [RegExp, string][] = [
  [/\b(gift ?card|tarjeta de regalo|carte cadeau|gutschein|geschenkkarte|cartao presente|vale presente)\b/, 'gift card'],
  [/\b(paper check|cheque|check by mail|scheck)\b/, 'paper check'],
  [/\b(add value|store credit|account credit|credito en la cuenta|credit sur le compte|guthaben|credito na conta)\b/, 'add value'],
  [/\b(credit card|tarjeta de credito|carte de credit|carte bancaire|kreditkarte|cartao de credito)\b/, 'credit card'],
];

const brands = /\b(calvin klein|calvin_klein|guess|tommy hilfiger|tommy_hilfiger|michael kors|michael_kors)\b/;
const items = /\b(boots?|shirts?|jeans|jackets?|botas|camisa|camisas|chaqueta|chamarra|vaqueros|bottes|chemise|veste|blouson|stiefel|hemd|jacke|jeanshose|camisa|jaqueta|casaco)\b/;

/**
 * Slot values in one information line. `asked` is what the open case still needs, so a bare "52" is read as
 * an amount only when an amount is wanted, and a bare five-digit number as a zip.
 */
export function slotsIn(text: string, entities: Entity[], said: SaidIdentifier[], now: Date): CaseSlots {
  const folded = foldText(text);
  const slots: CaseSlots = {};
  for (const { pattern, level, asLevel, opensWith } of membershipCues) {
    if (pattern.test(folded) && (folded.split(' ').length <= 6 || asLevel.test(folded) || opensWith.test(folded) || /\b(member|membre|miembro|mitglied|membro|membership|level|nivel|niveau|status)\b/.test(folded))) {
      if (conjunctionOnly(folded, level)) continue;
      slots.membership = level;
      break;
    }
  }
  const date = purchaseDateIn(text, now);
  if (date) slots.purchaseDate = date;
  // French "reçu" is also "received" ("j'ai reçu une chemise"): it is the receipt only after an article.
  const receipt = yesNoAbout(folded, /\b(receipt|recibo|ticket de compra|factura|(le|mon|un|du|votre|ce|d'un|l'|sans) ?recu|(le|mon|du|un|ce|sans|el|mi|sin) ticket|ticket de caisse|quittung|kassenbon|beleg|recibo|nota fiscal)\b/);
  if (receipt) slots.receipt = receipt;
  const packaging = yesNoAbout(folded, /\b(original (packaging|box|packing)|(in|still in) (the|its|their) (box|packaging)|tags? (still )?on|empaque original|embalaje original|caja original|emballage (d'origine|original)|boite d'origine|originalverpackung|originalkarton|embalagem original|caixa original|(en|in) (su|la|sa|la) (caja|boite|emballage)|(l'|sans |dans l'|mon |son |el |sin )(emballage|embalaje|empaque)|(die|der|ohne) (verpackung|karton)|(im|in der) (karton|verpackung|schachtel))\b/);
  if (packaging) slots.packaging = packaging;
  // Never opened or worn: the item is still as it came, in its packaging ("sin abrir", "ungeöffnet").
  else if (unopened.test(folded)) slots.packaging = 'yes';
  const money = entities.find((entity) => entity.type === 'amount')?.value ?? /(?:^|\s)\$\s?(\d+(?:[.,]\d{1,2})?)\b/.exec(text)?.[1] ?? /^\s*(\d{1,4}(?:[.,]\d{1,2})?)\s*(?:\$|€|dollars?|usd|euros?)?\s*$/i.exec(text)?.[1];
  if (money) {
    const value = Number(money.replace(/[^\d.,]/g, '').replace(',', '.'));
    if (Number.isFinite(value) && value > 0) slots.amountCents = String(Math.round(value * 100));
  }
  for (const [pattern, method] of refundMethods) {
    if (pattern.test(folded)) {
      slots.refundMethod = method;
      break;
    }
  }
  // The street the entity finds, with the city, state and zip that follow it on the line: the whole address.
  const street = entities.find((entity) => entity.type === 'address')?.value;
  const line = /\b\d{2,6}\s+[\p{L}\d .'-]{3,40}\b(?:st|street|ave|avenue|rd|road|dr|drive|ln|lane|blvd|way|ct|court|pl|place|calle|rue|strasse|rua)\b[^\n]*/iu.exec(text)?.[0];
  const address = line && (!street || line.includes(street)) ? line : street;
  if (address) slots.address = address.trim().replace(/[.!]+$/, '');
  const brand = brands.exec(folded)?.[1];
  const item = items.exec(folded)?.[1];
  if (brand || item) slots.product = [brand?.replace('_', ' '), item].filter(Boolean).join(' ');
  const explicitName = nameIn(text)?.explicit === true;
  for (const identifier of said) {
    if (identifier.kind === 'order_id') slots.orderId = identifier.value;
    if (identifier.kind === 'email') slots.email = identifier.value;
    if (identifier.kind === 'username') slots.username = identifier.value;
    if (identifier.kind === 'phone') slots.phone = identifier.value;
    if (identifier.kind === 'account_id') slots.accountId = identifier.value;
    // A bare name is kept only once it matched the account (identity.ts); an explicit one is kept as said.
    if (identifier.kind === 'name' && explicitName) slots.fullName = identifier.value;
    if (identifier.kind === 'zip') slots.zip = identifier.value;
  }
  // A bare amount that is really a zip or an order id is not money.
  if (slots.amountCents && (slots.zip || slots.orderId) && !/[$€]|dollar|euro|usd/i.test(text)) delete slots.amountCents;
  return slots;
}
