import type { Entity } from '../../language/index';
import type { IdentifierKind } from './case-types';
import { foldText } from './fold-text';
import { lexicons } from './lexicons';

export interface SaidIdentifier {
  kind: IdentifierKind | 'zip';
  value: string;
}

/** Words that look like a two-word name but are things customers say in answer to an agent's question. */
const notNames = new Set(
  (
    'calvin klein guess tommy hilfiger michael kors boots boot shirt shirts jeans jacket jackets gold silver bronze guest ' +
    'mid late early last next this store mail drop off center premium express credit debit card gift paper check add value ' +
    'in by at on to for from the a an my your and or of is it that there nope yes no ok okay thanks thank you hello hi hey sure ' +
    'por correo tienda en la el de nada mas gracias pedido usuario merci oui non bonjour danke nein hallo ja pedido cep obrigado sim nao ' +
    'order id username email phone zip code account number great perfect cool nice sweet super size color colour stain refund return ' +
    'at work home then later now here there this that these those what when where why how who with without about after before ' +
    'time second first third again still also too very just really one two three some any all every nothing something ' +
    'do did done does doing go going gone get got getting have has had having be been being am are was were will would can could should ' +
    'me we us our they them their he she his her its i im umgezogen und ich bin eu sou je suis soy estoy esta est sont sind ist war ' +
    'lol haha noted ugh hmm ok okay yeah yep nah wow oh ah sorry please wait hang sec moment ' +
    'ago vor hace il ha faz days weeks months years day week month year dias semanas meses anos jours semaines mois ans tage wochen monate jahre tagen monaten ' +
    'drei zwei vier dos tres cuatro deux trois quatre duas member miembro membre mitglied membro cliente client kunde customer level nivel niveau stufe ' +
    'oro plata bronce argent silber prata ouro gast invitado invite convidado'
  ).split(' '),
);

/** Every word of the act lexicons: "ah que bom" or "mil gracias" is never a name. */
const lexiconWords = new Set(Object.values(lexicons).flatMap((lexicon) => Object.values(lexicon).flatMap((phrases: string[]) => phrases.flatMap((phrase) => phrase.split(' ')))));

function nameLike(candidate: string): boolean {
  const words = foldText(candidate).split(' ');
  return words.length >= 2 && words.length <= 3 && words.every((word) => word.length >= 2 && !notNames.has(word) && !lexiconWords.has(word) && !/\d/.test(word));
}

const namePhrase = /(?:my name is|name's|i am|i'm|this is|it's|soy|me llamo|mi nombre es|je suis|je m'appelle|mon nom est|ich bin|ich heisse|ich heiße|mein name ist|meu nome e|meu nome é|sou o|sou a|eu sou)\s+([\p{L}'-]+(?:\s+[\p{L}'-]+){1,2})/iu;

/** A line that is only a name ("tamsin greaves", "João Carvalho"), or a name after "my name is". */
export function nameIn(text: string): { value: string; explicit: boolean } | undefined {
  const trimmed = text.trim().replace(/[.!,]+$/, '');
  const explicit = namePhrase.exec(trimmed);
  if (explicit?.[1]) {
    const value = explicit[1].replace(/[.!,]+$/, '');
    return nameLike(value) ? { value, explicit: true } : undefined;
  }
  if (!/^[\p{L}'-]+(?:\s+[\p{L}'-]+){1,2}$/u.test(trimmed)) return undefined;
  return nameLike(trimmed) ? { value: trimmed, explicit: false } : undefined;
}

const usernameShape = /(?<![\w@.])([a-z][a-z._-]{2,24}\d{2,6})(?![\w@])/gi;
const accountIdShape = /(?<![\w@.])([A-Z0-9]{10})(?![\w@])/g;
const zipShape = /(?<![\w.-])(\d{5})(?![\w-]|\.\d)/g;
// A sentence's full stop may follow; a decimal point or another digit group may not.
const orderIdShape = /(?<![\w.+-])#?(\d{8,12})(?![\w-]|[.,]\d)/g;
const phoneShape = /(?<![\w])(\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})(?![\w])/g;

/** Every identifier a customer line gives: as an agent reads "obrennan772, obrennan772@email.com, 3925018476". */
export function identifiersIn(text: string, entities: Entity[]): SaidIdentifier[] {
  const found: SaidIdentifier[] = [];
  const add = (kind: SaidIdentifier['kind'], value: string): void => {
    const clean = value.trim();
    if (clean && !found.some((item) => item.kind === kind && item.value.toLowerCase() === clean.toLowerCase())) found.push({ kind, value: clean });
  };
  let rest = text;
  for (const entity of entities) {
    if (entity.type === 'email') add('email', entity.value.replace(/\s+/g, ''));
  }
  rest = rest.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ');
  for (const match of rest.matchAll(phoneShape)) {
    const digits = (match[1] ?? '').replace(/\D/g, '');
    if (digits.length === 10 && /[\s.()-]/.test(match[1] ?? '')) add('phone', digits);
  }
  for (const entity of entities) if (entity.type === 'phone' && entity.value.replace(/\D/g, '').length >= 10 && /[\s.()-]/.test(entity.value)) add('phone', entity.value.replace(/\D/g, '').slice(-10));
  const withoutPhones = rest.replace(phoneShape, (match) => (/[\s.()-]/.test(match) ? ' ' : match));
  for (const match of withoutPhones.matchAll(orderIdShape)) add('order_id', match[1] ?? '');
  for (const match of rest.matchAll(accountIdShape)) if (/[A-Z]/.test(match[1] ?? '') && /\d/.test(match[1] ?? '')) add('account_id', match[1] ?? '');
  for (const match of rest.matchAll(usernameShape)) add('username', (match[1] ?? '').toLowerCase());
  for (const match of withoutPhones.matchAll(zipShape)) add('zip', match[1] ?? '');
  const name = nameIn(text);
  if (name) add('name', name.value);
  else if (found.length > 0) {
    // "Glenn Takahashi. order # is 8830152746", "Jonas Becker, Bestellnummer …": a bare name heading a line of identifiers.
    const lead = /^\s*([^.,;:!?\n]+)[.,;:]\s*\S/u.exec(text)?.[1];
    const leading = lead ? nameIn(lead) : undefined;
    if (leading) add('name', leading.value);
  }
  return found;
}
