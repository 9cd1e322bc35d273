import type { Entity } from '../../language/index';
import type { CaseSlots } from './case-types';
import { foldText } from './fold-text';
import { nameIn } from './identifiers';
import { monthNames } from './slots';

/**
 * The new value a change ticket carries, read from the customer's words in the five languages: the new
 * name, the new delivery day or time, the new payment method. A value the customer names as the current
 * one ("it is scheduled for the morning", "I paid by card, can I use PayPal instead?") is not the new one.
 */

interface Span {
  start: number;
  end: number;
  value: string;
}

/** The name the customer wants on the account, said as the new one ("change my name to …", "my new name is …"). */
const newNamePhrase =
  /(?:change (?:it|my (?:last |first |sur)?name|the name)(?: on (?:my|the) account)? to|(?:it )?(?:should|must) (?:be|read)|new (?:last |first |sur)?name (?:is|will be|would be|should be)|(?:it|my name) is now|cambiar(?:lo)? (?:mi nombre |mi apellido |el nombre )?(?:a|por)|mi nuevo (?:nombre|apellido) (?:es|sera)|deberia ser|debe ser|(?:changer|modifier|remplacer) (?:mon nom |mon prenom |le nom )?(?:en|pour|par)|mon nouveau (?:nom|prenom) (?:est|sera)|devrait etre|doit etre|mein neuer (?:name|nachname|vorname) (?:ist|lautet)|(?:sollte|soll|muss) (?:so )?(?:lauten|heissen)|(?:namen|nachnamen|vornamen) (?:in|auf|zu)|mudar (?:meu nome |o nome |meu sobrenome )?para|meu novo (?:nome|sobrenome) (?:e|sera))\s*[:"“]?\s*([\p{L}'-]+(?:\s+[\p{L}'-]+){0,2})/u;

/** Words that end a name written on a line ("… to Jane Doe please", "… en Martin, merci", "… in Anna Berg ändern"). */
const afterName = new Set(
  'please thanks thank por favor gracias merci svp s il vous plait bitte danke obrigado obrigada instead en lugar statt anstatt au lieu and y et und e but pero mais aber mas now ahora maintenant jetzt agora andern aendern geandert umandern andert lauten heissen sein thx'.split(' '),
);
const surnameCue = /\b(last ?name|surname|family name|apellido|nom de famille|nachname|familienname|sobrenome|first name|prenom|vorname|nombre de pila)\b/;

/** The new name said as such; one word only where the line says which part of the name it is ("my last name should be Berg"). */
export function newNameIn(text: string): string | undefined {
  const folded = foldText(text);
  const match = newNamePhrase.exec(folded);
  if (!match?.[1] || match.index === undefined) return undefined;
  const kept: string[] = [];
  for (const word of match[1].split(/\s+/)) {
    if (afterName.has(word)) break;
    kept.push(word);
  }
  const candidate = kept.join(' ');
  const start = match.index + match[0].length - match[1].length;
  const original = originalWords(text, folded, start, kept.length) ?? candidate;
  if (kept.length === 1) return surnameCue.test(folded) && /^[\p{L}'-]{2,}$/u.test(candidate) ? original : undefined;
  return nameIn(original) ? original : undefined;
}

/** The `count` words of `text` that start where `folded` (its folded form) has offset `start`. */
function originalWords(text: string, folded: string, start: number, count: number): string | undefined {
  // foldText may collapse spaces and fold ß to ss: count words, not characters.
  const before = folded.slice(0, start).split(/\s+/).filter(Boolean).length;
  const words = text.trim().split(/\s+/);
  const taken = words.slice(before, before + count).map((word) => word.replace(/^["“(]+|[.,!?;:"”)]+$/g, ''));
  return taken.length === count && taken.every(Boolean) ? taken.join(' ') : undefined;
}

/**
 * The name in a line of a name-change case: said as the new name, or a bare name ("Jane Doe"), which is the
 * new one or the current one given to identify (the caller compares it with the record).
 */
export function nameForChange(text: string): string | undefined {
  return newNameIn(text) ?? nameIn(text)?.value ?? leadingName(text) ?? trailingName(text);
}

/** A bare name as the line's last sentence, after an apology or a correction ("sorry, with a z. Elena Marquez Soto"). */
function trailingName(text: string): string | undefined {
  const last = text.split(/[.!?;:\n]/).map((part) => part.trim()).filter(Boolean).at(-1);
  if (!last || last === text.trim()) return undefined;
  const found = nameIn(last);
  return found && !found.explicit ? found.value : undefined;
}

/** A bare name as the line's first sentence, more following it ("Katharina Brandt. And please, no more e-mails"). */
function leadingName(text: string): string | undefined {
  const first = /^\s*([^.!?;:\n]+)[.!?;:\n]\s*\S/u.exec(text)?.[1];
  const found = first ? nameIn(first) : undefined;
  return found && !found.explicit ? found.value : undefined;
}

const dayParts =
  /\b(early morning|late morning|morning|afternoon|evening|night|noon|midday|weekend|(?:por|en) la (?:manana|tarde|noche)|a la (?:manana|tarde|noche)|al mediodia|mediodia|fin de semana|(?:le |dans la |en )?(?:matin(?:ee)?|apres-midi|soir(?:ee)?)|midi|week-end|(?:am |in der )?(?:vormittag|nachmittag|abend|morgen(?= ?(?:statt|anstatt|$|[.,!?])))|morgens|vormittags|nachmittags|abends|mittags|wochenende|de manha|a tarde|a noite|manha|noite|fim de semana)\b/g;
const weekdays =
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|segunda|terca|quarta|quinta|sexta)(?:-feira)?\b/g;
const relativeDays =
  /\b(tomorrow|day after tomorrow|today|tonight|next week|this week|next (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|manana(?<!(?:por|en|a) la manana)|pasado manana|hoy|la semana que viene|la proxima semana|la semana proxima|demain|apres-demain|aujourd'hui|ce soir|la semaine prochaine|(?<!am |in der |den )morgen(?= (?:fruh|vormittag|nachmittag|abend)| ?$|[.,!?]| (?:statt|anstatt|bitte|liefern|kommen|zustellen))|ubermorgen|heute|nachste woche|kommende woche|amanha|hoje|semana que vem|proxima semana)\b/g;
const clockTimes = /\b(?:(?:after|before|between|by|around|despues de las|antes de las|entre las|a partir de las|apres|avant|entre|vers|nach|vor|ab|zwischen|gegen|depois das|antes das)\s+)?\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.|h\d{0,2}|uhr|heures?|horas?)(?:\s?(?:-|to|and|y|et|und|e|a|bis)\s?\d{1,2}(?::\d{2})?\s?(?:am|pm|h\d{0,2}|uhr|heures?|horas?)?)?/g;

function monthDates(folded: string): Span[] {
  const spans: Span[] = [];
  for (const [pattern] of monthNames) {
    const global = new RegExp(`(?:\\b(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?:of\\s+|de\\s+)?)?${pattern.source}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?`, 'g');
    for (const match of folded.matchAll(global)) {
      if (match.index === undefined || (!match[1] && !match[match.length - 1])) continue;
      spans.push({ start: match.index, end: match.index + match[0].length, value: match[0] });
    }
  }
  return spans;
}

/** Words that make what follows (in the same clause) the delivery as it stands, not as the customer wants it. */
const currentCue =
  /\b(scheduled|supposed|due|set for|planned|booked|currently|right now|expected|estimated|says|said|was (?:going|coming)|is (?:coming|arriving)|programad[oa]|previst[oa]|fijad[oa]|actualmente|prevue?|programmee?|actuellement|geplant|vorgesehen|angekundigt|terminiert|aktuell|derzeit|agendad[oa]|marcad[oa])\b/;
const newCue = /\b(instead|rather|change|move|reschedule|could|can|would|prefer|better|want|like|need|en su lugar|mejor|cambiar|mover|puede|podria|quiero|prefiero|plutot|changer|deplacer|pouvez|pourrait|je voudrais|je prefere|stattdessen|lieber|andern|verschieben|kann|konnte|mochte|besser|em vez|prefiro|mudar|pode|poderia|quero)\b/;
const insteadOf = /\b(instead of|rather than|en lugar de|en vez de|au lieu d[eu]|plutot que|statt|anstatt|em vez d[eo]|ao inves d[eo])\s*$/;

/** `foldText` of the line with, for each folded character, where it came from: a value is returned as written. */
function foldWithOffsets(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = /\s/.test(char) ? (folded.endsWith(' ') || folded === '' ? '' : ' ') : foldText(char) || (/[\p{M}]/u.test(char) ? '' : char.toLowerCase());
    for (const part of piece) {
      folded += part;
      from.push(index);
    }
    index += char.length;
  }
  while (folded.endsWith(' ')) {
    folded = folded.slice(0, -1);
    from.pop();
  }
  return { folded, from };
}

/** The delivery day and time the customer asks for, in the line's words ("in the evening", "Friday", "le 3 mars"). */
export function deliveryTimeIn(text: string, entities: Entity[]): string | undefined {
  const { folded, from } = foldWithOffsets(text);
  const spans: Span[] = [];
  const add = (span: Span): void => {
    if (spans.some((other) => span.start < other.end && span.end > other.start)) return;
    spans.push(span);
  };
  for (const entity of entities) {
    if (entity.type !== 'date' || /\b(yesterday|last)\b/i.test(entity.value)) continue;
    const at = folded.indexOf(foldText(entity.value));
    if (at >= 0) add({ start: at, end: at + foldText(entity.value).length, value: foldText(entity.value) });
  }
  for (const pattern of [clockTimes, relativeDays, weekdays, dayParts]) {
    for (const match of folded.matchAll(pattern)) if (match.index !== undefined) add({ start: match.index, end: match.index + match[0].length, value: match[0] });
  }
  for (const span of monthDates(folded)) add(span);
  const wanted = spans.filter((span) => isWanted(folded, span)).sort((a, b) => a.start - b.start);
  if (wanted.length === 0) return undefined;
  // "Friday evening", "demain matin": neighbouring parts are one value; a later, separate one is a correction.
  const groups: Span[][] = [];
  for (const span of wanted) {
    const last = groups.at(-1);
    const previous = last?.at(-1);
    if (last && previous && span.start - previous.end <= 8) last.push(span);
    else groups.push([span]);
  }
  const chosen = groups.at(-1) ?? [];
  const first = chosen[0];
  const last = chosen.at(-1);
  if (!first || !last) return undefined;
  const start = from[first.start] ?? 0;
  const end = (from[last.end - 1] ?? text.length - 1) + 1;
  return text.slice(start, end).trim();
}

function isWanted(folded: string, span: Span): boolean {
  const clauseStart = Math.max(folded.lastIndexOf(',', span.start), folded.lastIndexOf('.', span.start), folded.lastIndexOf(' but ', span.start), folded.lastIndexOf(' pero ', span.start), folded.lastIndexOf(' mais ', span.start), folded.lastIndexOf(' aber ', span.start), folded.lastIndexOf(' mas ', span.start), 0);
  const before = folded.slice(clauseStart, span.start);
  const after = folded.slice(span.end, span.end + 25);
  if (insteadOf.test(before)) return false;
  if (/^\s*(instead|en su lugar|plutot|stattdessen|em vez disso)\b/.test(after)) return true;
  // German puts the participle last: "ist für morgens geplant".
  if (/^\s*(?:[\p{L}.]+\s+){0,2}?(geplant|vorgesehen|angekundigt|terminiert|eingeplant)\b/u.test(after)) return false;
  return !(currentCue.test(before) && !newCue.test(before));
}

const paymentMethods: [RegExp, string][] = [
  [/\b(pay ?pal)\b/, 'PayPal'],
  [/\b(apple pay)\b/, 'Apple Pay'],
  [/\b(google pay)\b/, 'Google Pay'],
  [/\b(gift ?card|tarjeta (?:de )?regalo|carte[- ]cadeau|gutschein|geschenkkarte|cartao[- ]presente|vale[- ]presente)\b/, 'gift card'],
  [/\b(debit card|tarjeta de debito|carte de debit|debitkarte|ec-karte|girocard|cartao de debito)\b/, 'debit card'],
  [/\b(credit card|tarjeta de credito|carte de credit|carte bancaire|carte bleue|kreditkarte|cartao de credito|visa|mastercard|amex|american express)\b/, 'credit card'],
  [/\b(bank transfer|wire transfer|transferencia(?: bancaria)?|virement(?: bancaire)?|uberweisung|bankuberweisung|lastschrift|sepa)\b/, 'bank transfer'],
  [/\b(cash on delivery|contra ?reembolso|paiement a la livraison|nachnahme|pagamento na entrega)\b/, 'cash on delivery'],
  [/\b(store credit|account credit|credito (?:en|na) (?:la )?(?:tienda|cuenta|conta)|avoir|guthaben)\b/, 'store credit'],
  [/\b(pix|boleto)\b/, 'Pix / boleto'],
  [/\b(card|tarjeta|carte|karte|cartao)\b/, 'card'],
];

const currentMethodCue =
  /\b(paid (?:with|by|using|via)|used|currently|right now|on file|from|instead of|rather than|charged (?:to|on)|pague con|pagado con|en lugar de|en vez de|actualmente|de|paye (?:avec|par)|au lieu d[eu]|actuellement|bezahlt (?:mit|per|uber)|statt|anstatt|von|aktuell|paguei com|em vez d[eo]|atualmente)\s+(?:(?:my|the|a|mi|la|el|una|mon|ma|la|une|meine[rn]?|die|der|einer?|meu|minha|o|um|uma)\s+)?$/;

/** The payment method the customer wants to use now ("switch to PayPal", "con tarjeta de regalo", "per Überweisung"). */
export function paymentMethodIn(text: string): string | undefined {
  const folded = foldText(text);
  const found: { start: number; end: number; method: string }[] = [];
  for (const [pattern, method] of paymentMethods) {
    const global = new RegExp(pattern.source, 'g');
    for (const match of folded.matchAll(global)) {
      if (match.index === undefined) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && end > other.start)) continue;
      found.push({ start, end, method });
    }
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.start - b.start);
  const wanted = found.filter((item) => {
    const before = folded.slice(Math.max(0, item.start - 40), item.start);
    const after = folded.slice(item.end, item.end + 25);
    if (/^\s*(instead|en su lugar|plutot|stattdessen|em vez disso)\b/.test(after)) return true;
    return !currentMethodCue.test(before);
  });
  return wanted.at(-1)?.method;
}

/** Words that ask for a refund to go somewhere else than where it is going. */
const refundElsewhereCue =
  /\b(instead|rather|other|another|different|change|switch|move|send (it|them|the (money|refund)) to|prefer|otr[oa]s?|cambi\w*|mand\w*|envi\w*|en su lugar|en vez|prefier\w*|prefiero|autre|changer|envoy\w*|verse\w*|plutot|au lieu|andere\w*|andern|wechseln|schick\w*|senden|uberweis\w*|stattdessen|lieber|outr[oa]s?|mudar|trocar|em vez)\b/;

/** The change slots a line of a change case gives (the name is compared with the record by the caller). */
export function changeSlotsIn(subflow: string | null, text: string, entities: Entity[]): CaseSlots {
  const slots: CaseSlots = {};
  if (subflow === 'status_delivery_time') {
    const when = deliveryTimeIn(text, entities);
    if (when) slots.deliveryTime = when;
  }
  if (subflow === 'status_payment_method' || subflow === 'manage_payment_method') {
    const method = paymentMethodIn(text);
    if (method) slots.paymentMethod = method;
  }
  if (subflow === 'refund_status') {
    // "To the card?" asks about the refund as it stands; "can you send it to my PayPal instead?" says where it
    // should go (guidelines, refund_status: a customer who does not like the method gets it changed).
    const method = paymentMethodIn(text);
    if (method && method !== 'card' && refundElsewhereCue.test(foldText(text))) slots.paymentMethod = method;
  }
  return slots;
}
