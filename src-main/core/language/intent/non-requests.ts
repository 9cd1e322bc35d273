import type { LabelledText } from './train';

/**
 * Lines that are not a request: a customer answering a question with an identifier, saying thanks,
 * acknowledging, chatting or closing. Bitext holds only requests, so without these the model
 * forces one of its 27 intents onto "great" or an email address. Generated from templates written
 * for this project (English, a little Spanish, French, German and Portuguese), never from the dev
 * conversations, so that the model learns the kinds of line rather than particular sentences.
 *
 * The label is `none:<kind>`; the classifier reports `none`, and the kind as the line's act.
 */
export type NonRequestKind = 'information' | 'acknowledgement' | 'small_talk' | 'closing';

export const nonRequestPrefix = 'none:';

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const maybe = (random: Random, p: number, text: string): string => (random() < p ? text : '');

const firstNames = [
  'Jane', 'John', 'Maria', 'Ahmed', 'Li', 'Priya', 'Carlos', 'Sofia', 'Lukas', 'Chloé', 'Joao', 'Ana', 'Tom', 'Olivia', 'Kenji', 'Fatima',
  'Noah', 'Emma', 'Diego', 'Amelie', 'Pedro', 'Ines', 'Marco', 'Zoe', 'Omar', 'Hannah', 'Luis', 'Camille', 'Jonas', 'Beatriz', 'Sam', 'Alex',
];
const lastNames = [
  'Smith', 'Garcia', 'Müller', 'Dubois', 'Silva', 'Nguyen', 'Khan', 'Rossi', 'Kowalski', 'Johnson', 'Fernandes', 'Martin', 'Schneider',
  'Lopez', 'Brown', 'Tanaka', 'Okafor', 'Moreau', 'Santos', 'Weber', 'Patel', 'Anderson', 'Costa', 'Lefebvre', 'Hoffmann', 'Ramirez',
];
const domains = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'example.com', 'web.de', 'orange.fr', 'proton.me', 'mail.com'];
const members = ['gold', 'silver', 'bronze', 'guest', 'platinum'];
const products = ['jeans', 'jacket', 'boots', 'shirt', 't-shirt', 'dress', 'hoodie', 'sneakers', 'coat', 'scarf', 'sweater'];
const brands = ['Calvin Klein', 'Tommy Hilfiger', 'Michael Kors', 'Guess', 'Levi', 'Zara', 'Nike'];
const colours = ['blue', 'black', 'red', 'grey', 'white', 'green', 'navy', 'beige'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const streets = ['Main St', 'Oak Avenue', 'Elm Street', 'Pine Rd', 'Maple Drive', 'Lake View Blvd', 'Cedar Lane', 'Park Ave'];

function name(random: Random): string {
  return random() < 0.3 ? pick(random, firstNames) : `${pick(random, firstNames)} ${pick(random, lastNames)}`;
}

function email(random: Random): string {
  const first = pick(random, firstNames).toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '');
  const last = pick(random, lastNames).toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '');
  const local = pick(random, [`${first}.${last}`, `${first}${last}`, `${first[0] ?? 'x'}${last}`, `${first}${Math.floor(random() * 99)}`, `${last}_${first}`]);
  return `${local}@${pick(random, domains)}`;
}

function digits(random: Random, count: number): string {
  let out = String(1 + Math.floor(random() * 9));
  while (out.length < count) out += String(Math.floor(random() * 10));
  return out;
}

function orderId(random: Random): string {
  return pick(random, [digits(random, 10), `#${digits(random, 6)}`, `ORD-${digits(random, 5)}`, `${digits(random, 7)}`, `A${digits(random, 8)}`]);
}

function username(random: Random): string {
  const first = pick(random, firstNames).toLowerCase().replace(/[^a-z]/g, '');
  return pick(random, [`${first}${digits(random, 3)}`, `${first[0] ?? 'x'}${pick(random, lastNames).toLowerCase().replace(/[^a-z]/g, '')}${digits(random, 2)}`, `${first}_${pick(random, colours)}`]);
}

function phone(random: Random): string {
  return pick(random, [`(${digits(random, 3)}) ${digits(random, 3)}-${digits(random, 4)}`, `+44 7700 ${digits(random, 6)}`, `+1 ${digits(random, 3)} ${digits(random, 3)} ${digits(random, 4)}`, `${digits(random, 3)}-${digits(random, 3)}-${digits(random, 4)}`, `+49 170 ${digits(random, 7)}`]);
}

function amount(random: Random): string {
  const value = `${1 + Math.floor(random() * 300)}.${digits(random, 2)}`;
  return pick(random, [`$${value}`, `${value} dollars`, `€${value}`, `${value}`]);
}

function date(random: Random): string {
  return pick(random, [
    `${pick(random, months)} ${1 + Math.floor(random() * 28)}`,
    `last ${pick(random, days)}`,
    `${1 + Math.floor(random() * 12)}/${1 + Math.floor(random() * 28)}/${2019 + Math.floor(random() * 6)}`,
    `in ${pick(random, months)}`,
    `${1 + Math.floor(random() * 5)} weeks ago`,
    'yesterday',
    'last week',
  ]);
}

/**
 * An identifier or amount as customers tack it onto a request ("…, order #448812", "… of $49.99"):
 * mixed into training requests so that digits and emails alone never mean "not a request".
 */
export function identifierMention(random: Random): string {
  return pick(random, [
    () => `${pick(random, [', order', ' order', ' for order', ', my order is', ' #'])} ${orderId(random)}`,
    () => ` ${pick(random, ['of', 'for', 'worth', '-'])} ${amount(random)}`,
    () => `${pick(random, [', my email is', ' - ', ' (', ' email'])} ${email(random)}${random() < 0.3 ? ')' : ''}`,
    () => `${pick(random, [', my number is', ' call me at', ' -'])} ${phone(random)}`,
    () => ` ${date(random)}`,
  ])();
}

/** English information lines: an identifier or a slot value given in answer to the agent. */
function information(random: Random): string {
  const templates: (() => string)[] = [
    () => email(random),
    () => `${pick(random, ['my email is', 'email:', "it's", 'sure,', 'the email is', 'I used', 'email address is', "it's registered under"])} ${email(random)}`,
    () => name(random),
    () => `${pick(random, ['my name is', "I'm", 'this is', 'name:', 'it is', 'the name on it is'])} ${name(random)}`,
    () => `${name(random)} ${pick(random, ['here', '', 'speaking'])}`.trim(),
    () => orderId(random),
    () => `${pick(random, ['order id', 'the order number is', "it's order", 'order #', 'order number:', 'the id is', 'reference'])} ${orderId(random)}`,
    () => `${pick(random, ['username', 'my username is', 'user:', 'login is', "it's"])} ${username(random)}`,
    () => username(random),
    () => phone(random),
    () => `${pick(random, ['my number is', 'phone:', 'you can reach me at', 'my phone number is'])} ${phone(random)}`,
    () => pick(random, members),
    () => `${pick(random, ["I'm a", 'I am a', "I'm", 'my membership is', "it's", 'i have'])} ${pick(random, members)} ${pick(random, ['member', 'membership', 'level', ''])}`.trim(),
    () => amount(random),
    () => `${pick(random, ['it was', 'it cost', 'I paid', 'the total was', 'about'])} ${amount(random)}`,
    () => date(random),
    () => `${pick(random, ['I bought it', 'I ordered it', 'it was', 'purchased', 'I got it', 'back'])} ${date(random)}`,
    () => `${pick(random, ['the', 'a', 'my', 'just the', 'one pair of', 'two'])} ${pick(random, colours)} ${pick(random, products)}`,
    () => `${pick(random, ['the', 'a'])} ${pick(random, brands)} ${pick(random, products)}`,
    () => `${digits(random, 3)} ${pick(random, streets)}`,
    () => `${pick(random, ['zip code', 'postcode', 'zip'])} ${digits(random, 5)}`,
    () => `${pick(random, ['credit card', 'paypal', 'debit card', 'gift card', 'with my visa'])}`,
    () => `${pick(random, ['no,', 'yes,', 'well,', 'um,'])} ${pick(random, ['I bought it', 'it arrived', 'I ordered it'])} ${date(random)}`,
    () => `${pick(random, ['size', 'a size', 'it was size'])} ${pick(random, ['small', 'medium', 'large', 'xl', '10', '8', '42'])}`,
    () => `${pick(random, ['both', 'just one', 'only the', 'the second one', 'all of them', 'the first one'])}`,
  ];
  return pick(random, templates)();
}

function informationOther(random: Random): string {
  return pick(random, [
    () => `${pick(random, ['mi correo es', 'mon email est', 'meine E-Mail ist', 'meu email é', 'correo:', 'e-mail:'])} ${email(random)}`,
    () => `${pick(random, ['me llamo', 'soy', 'je suis', "je m'appelle", 'ich bin', 'ich heiße', 'meu nome é', 'sou o', 'sou a'])} ${name(random)}`,
    () => `${pick(random, ['soy miembro', 'je suis membre', 'ich bin', 'sou membro'])} ${pick(random, ['gold', 'silver', 'bronze'])}`,
    () => `${pick(random, ['lo compré', "je l'ai acheté", 'ich habe es', 'comprei'])} ${pick(random, ['la semana pasada', 'en noviembre', 'le mois dernier', 'letzte Woche gekauft', 'no mês passado', 'ayer', 'hier'])}`,
  ])();
}

const englishAcks = [
  'ok', 'okay', 'k', 'kk', 'sure', 'yes', 'yeah', 'yep', 'yup', 'no', 'nope', 'got it', 'sounds good', 'great', 'perfect', 'alright', 'cool',
  'understood', 'I see', 'makes sense', 'fine', 'that works', 'will do', 'one moment', 'hold on', 'let me check', 'just a sec', 'sure thing',
  'no problem', 'of course', 'right', 'exactly', 'correct', "that's right", "that's correct", 'yes please', 'awesome', 'excellent', 'nice',
  'wonderful', 'good', 'oh ok', 'ah I see', 'fair enough', 'noted', 'done', 'ok done', 'I did that', 'it worked', 'that helps', 'brilliant',
  'sweet', 'lovely', 'yes that is it', 'yes it is', 'that one', 'not yet', 'I think so', 'maybe', 'no worries', 'sure go ahead', 'ok then',
];
const englishThanks = [
  'thanks', 'thank you', 'thx', 'ty', 'many thanks', 'thanks a lot', 'cheers', 'appreciate it', 'much appreciated', 'thank you so much',
  'thanks for your help', 'thank you for the help', 'thanks so much', 'thanks a bunch', 'great, thanks', 'ok thank you', 'perfect thanks',
  'thank you very much', 'thanks again', 'you have been very helpful', 'that was helpful, thanks', 'I appreciate your help', 'you are a star',
];
const otherAcks = [
  'vale', 'sí', 'si', 'claro', 'sí, claro', 'de acuerdo', 'perfecto', 'entendido', 'un momento', 'muy bien', 'genial', 'gracias', 'muchas gracias',
  'mil gracias', 'muchísimas gracias', "d'accord", 'oui', 'ok parfait', 'très bien', 'entendu', 'un instant', 'merci', 'merci beaucoup', 'merci bien',
  'super merci', 'parfait', 'ja', 'alles klar', 'genau', 'stimmt', 'einen Moment', 'gut', 'super', 'danke', 'danke schön', 'vielen Dank',
  'danke sehr', 'perfekt', 'verstanden', 'sim', 'certo', 'beleza', 'tá bom', 'perfeito', 'um momento', 'obrigado', 'obrigada', 'muito obrigado',
  'valeu', 'entendi', 'combinado', 'no', 'non', 'nein', 'não',
];
const englishSmallTalk = [
  'hi', 'hello', 'hey', 'good morning', 'good afternoon', 'good evening', 'hi there', 'hello there', 'hey there', 'hiya', 'howdy', 'yo',
  'how are you', 'how are you doing', "how's your day", 'hope you are well', 'hope you are doing well', "I'm good thanks, you?", 'fine thanks',
  'nice weather today', 'haha', 'lol', 'happy friday', 'sorry for the wait', 'sorry, typo', 'oops', 'my bad', 'long day', 'hmm', 'wow',
  'nice to meet you', 'good to hear', 'hello again', 'hi, I am back', 'still here', 'are you there', 'anyone there', 'sorry about that',
  'no rush', 'take your time', 'I am fine', 'not bad', 'it is raining here', 'good to know', 'interesting', 'fingers crossed',
];
const otherSmallTalk = [
  'hola', 'buenos días', 'buenas tardes', 'buenas noches', 'qué tal', '¿cómo estás?', 'bonjour', 'salut', 'bonsoir', 'ça va', 'comment allez-vous',
  'hallo', 'guten Tag', 'guten Morgen', 'guten Abend', 'moin', 'servus', 'wie geht es Ihnen', 'olá', 'oi', 'bom dia', 'boa tarde', 'boa noite',
  'tudo bem', 'como vai',
];
const englishClosings = [
  'bye', 'goodbye', 'bye bye', 'have a nice day', 'have a good one', "that's all", "that's everything", 'nothing else', 'that will be all',
  'see you', 'see ya', 'take care', 'talk later', 'thanks, bye', "that's all I needed", 'no, that is all', 'nope, all good', 'all good now',
  'have a great weekend', 'good night', 'ok bye', 'I am all set', "that's it for today", 'nothing more, thanks', 'you too', 'you too, bye',
];
const otherClosings = [
  'adiós', 'hasta luego', 'eso es todo', 'que tenga buen día', 'nada más', 'chao', 'au revoir', 'bonne journée', "c'est tout", 'bonne soirée',
  'à bientôt', 'tschüss', 'auf Wiedersehen', "das war's", 'schönen Tag noch', 'bis bald', 'tchau', 'até logo', 'é só isso', 'tenha um bom dia', 'até mais',
];

function decorate(random: Random, text: string): string {
  let out = text;
  if (random() < 0.3) out = out.charAt(0).toUpperCase() + out.slice(1);
  if (random() < 0.15) out = out.toUpperCase();
  out += maybe(random, 0.35, pick(random, ['!', '.', '!!', ' :)', '?', ' 🙂', '...']));
  return out;
}

function combine(random: Random, lists: readonly (readonly string[])[]): string {
  const first = pick(random, pick(random, lists));
  if (random() < 0.3) return `${first}${pick(random, [', ', ' ', '! ', '. '])}${pick(random, pick(random, lists))}`;
  if (random() < 0.15) return `${first} ${pick(random, firstNames)}`;
  return first;
}

/** `count` labelled non-request lines, reproducible from the seeded random. */
export function generateNonRequests(count: number, random: Random): LabelledText[] {
  const out: LabelledText[] = [];
  const kinds: [NonRequestKind, number, () => string][] = [
    ['information', 0.36, () => (random() < 0.85 ? information(random) : informationOther(random))],
    ['acknowledgement', 0.3, () => decorate(random, combine(random, random() < 0.75 ? [englishAcks, englishThanks] : [otherAcks]))],
    ['small_talk', 0.18, () => decorate(random, combine(random, random() < 0.75 ? [englishSmallTalk] : [otherSmallTalk]))],
    ['closing', 0.16, () => decorate(random, combine(random, random() < 0.75 ? [englishClosings, englishThanks] : [otherClosings]))],
  ];
  for (let index = 0; index < count; index += 1) {
    let roll = random();
    let chosen = kinds[0];
    for (const kind of kinds) {
      chosen = kind;
      roll -= kind[1];
      if (roll < 0) break;
    }
    if (!chosen) continue;
    out.push({ text: chosen[2](), intent: `${nonRequestPrefix}${chosen[0]}` });
  }
  return out;
}
