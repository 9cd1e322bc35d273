import { francAll } from 'franc-min';

export interface DetectedLanguage {
  /** ISO 639-1 where one exists ("en", "es"), else ISO 639-3; "und" when undetermined. */
  code: string;
  /**
   * 0 … 1: how sure the detector is. Short lines that several languages share ("no", "ok", "super")
   * score low; below `reliableLanguageConfidence` a caller should keep the conversation's language.
   */
  confidence: number;
}

/** Below this, a line says too little to change the conversation's language. */
export const reliableLanguageConfidence = 0.5;

const toIso6391: Record<string, string> = {
  eng: 'en', spa: 'es', fra: 'fr', deu: 'de', ita: 'it', por: 'pt', nld: 'nl', swe: 'sv', dan: 'da', nob: 'no',
  pol: 'pl', ces: 'cs', ron: 'ro', hun: 'hu', fin: 'fi', tur: 'tr', rus: 'ru', ukr: 'uk', ell: 'el', arb: 'ar',
  heb: 'he', hin: 'hi', ben: 'bn', cmn: 'zh', jpn: 'ja', kor: 'ko', vie: 'vi', tha: 'th', ind: 'id', zlm: 'ms',
  tgl: 'tl', swh: 'sw', pes: 'fa', urd: 'ur', bul: 'bg', srp: 'sr', hrv: 'hr', slk: 'sk', cat: 'ca',
};

/**
 * The words customers use in short support lines, per language. A word listed for several
 * languages counts for each in proportion ("no": en, es, it), so it settles nothing alone.
 */
const shortLineWords: Record<string, string> = {
  en: `the my is i you it and to a of for this that please thanks thank thx hi hello hey yes yeah yep order where help can not what how
    with have was bye goodbye great sure me we your are do did just got bought want need would could no cool perfect awesome cheers morning
    evening good day nice all set right fine get am its it's i'm don't can't didn't there here when why still yet my mine our please`,
  es: `el la los las mi mis es de que y en un una por favor gracias muchas hola sí si claro pedido dónde donde ayuda no quiero tengo para con
    muy bien vale buenos buenas días dias tardes noches adiós adios hasta luego está estoy compré cuenta reembolso usted perfecto eso todo nada
    más mas correo llamo soy qué cómo como porque pero ya también necesito puedo vale genial entendido acuerdo momento`,
  fr: `le la les mon ma mes est je tu vous et de des du un une pour merci beaucoup bonjour salut bonsoir commande où ou aide oui non c'est
    pas avec très bien d'accord au revoir bonne journée soirée j'ai suis remboursement voilà parfait super entendu instant ça va mais
    aussi votre notre quoi comment pourquoi je m'appelle mail courriel adresse j'aimerais voudrais besoin`,
  de: `der die das ein eine mein meine ist ich du sie und nicht danke bitte hallo bestellung wo hilfe ja nein schön schon vielen dank gut mit
    für auf habe bin tschüss wiedersehen genau alles klar guten tag morgen abend super stimmt moment perfekt verstanden noch auch aber was
    wie warum meinen meiner hier bis bald heiße möchte brauche konto rückerstattung`,
  pt: `o a os as meu minha é eu você voce e de do da um uma para obrigado obrigada olá ola oi pedido onde ajuda sim não nao muito bem com
    tchau até ate logo tudo bom dia boa tarde noite reembolso conta comprei está certo beleza valeu perfeito entendi combinado momento
    mas também tambem quero preciso posso nome chamo sou isso`,
  it: `il lo mio mia è e di che un una per favore grazie ciao ordine dove aiuto sì si no buongiorno buonasera prego arrivederci bene
    perfetto va vorrei rimborso`,
};

const wordWeights = new Map<string, Map<string, number>>();
for (const [code, list] of Object.entries(shortLineWords)) {
  for (const word of new Set(list.split(/\s+/).filter(Boolean))) {
    const entry = wordWeights.get(word) ?? new Map<string, number>();
    entry.set(code, 1);
    wordWeights.set(word, entry);
  }
}
for (const entry of wordWeights.values()) for (const code of entry.keys()) entry.set(code, 1 / entry.size);

/** Letters that only some of the five languages write. */
const letterCues: [RegExp, Record<string, number>][] = [
  [/[ñ¿¡]/, { es: 1.5 }],
  [/[ãõ]/, { pt: 1.5 }],
  [/ß/, { de: 1.5 }],
  [/[äöü]/, { de: 1 }],
  [/[èêâîôûëœ]/, { fr: 1 }],
  [/ç/, { fr: 0.5, pt: 0.5 }],
  [/[áíóú]/, { es: 0.5, pt: 0.5 }],
  [/à/, { fr: 0.5, pt: 0.3, it: 0.2 }],
];

/** A word typed with a held key ("holaa", "merciii", "hallooo"): its last letter once, or every run of three once. */
function unstretched(word: string): string {
  const tail = word.replace(/(\p{L})\1+$/u, '$1');
  if (tail !== word && wordWeights.has(tail)) return tail;
  return word.replace(/(\p{L})\1{2,}/gu, '$1');
}

/** Scores of the stopword-and-letter model: evidence per language. */
function shortLineScores(text: string): Map<string, number> {
  const scores = new Map<string, number>();
  const lower = text.toLowerCase();
  for (const word of lower.match(/[\p{L}']+/gu) ?? []) {
    const entry = wordWeights.get(word) ?? wordWeights.get(word.replace(/'.*$/, '')) ?? wordWeights.get(unstretched(word));
    if (!entry) continue;
    for (const [code, weight] of entry) scores.set(code, (scores.get(code) ?? 0) + weight);
  }
  for (const [pattern, weights] of letterCues) {
    if (!pattern.test(lower)) continue;
    for (const [code, weight] of Object.entries(weights)) scores.set(code, (scores.get(code) ?? 0) + weight);
  }
  return scores;
}

function fromScores(scores: Map<string, number>): DetectedLanguage {
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] <= 0) return { code: 'und', confidence: 0 };
  const margin = (best[1] - (second?.[1] ?? 0)) / best[1];
  // More matching words and a clearer lead both raise confidence; one shared word stays low.
  const confidence = 0.95 * (0.4 + 0.6 * margin) * (1 - Math.exp(-1.2 * best[1]));
  return { code: best[0], confidence: margin === 0 ? Math.min(confidence, 0.3) : confidence };
}

/**
 * The language of one customer line. Long lines go to franc's trigram model; short lines, and
 * lines franc cannot settle, to a model of function words and letters for en/es/fr/de/pt (and it),
 * which knows "Sí, claro", "Merci beaucoup", "Danke!" and "obrigado".
 */
export function detectLanguage(text: string): DetectedLanguage {
  const clean = text.replace(/\{\{[^}]*\}\}/g, ' ').replace(/https?:\/\/\S+|\S+@\S+|\d+/g, ' ').trim();
  if (/[\u3040-\u30ff]/.test(clean)) return { code: 'ja', confidence: 0.9 };
  if (/[\u4e00-\u9fff]/.test(clean)) return { code: 'zh', confidence: 0.85 };
  if (/[\uac00-\ud7af]/.test(clean)) return { code: 'ko', confidence: 0.9 };
  if (!/\p{L}/u.test(clean)) return { code: 'und', confidence: 0 };
  const short = fromScores(shortLineScores(clean));
  // franc compares the text with every language it knows (milliseconds): asked only when the
  // function words leave doubt, or the text is long enough for trigrams to beat them.
  if (clean.length >= 30 && (short.confidence < 0.85 || clean.length >= 120)) {
    const [best, second] = francAll(clean, { minLength: 10 });
    if (best && best[0] !== 'und') {
      const code = toIso6391[best[0]] ?? best[0];
      const lead = 1 - (second?.[1] ?? 0);
      const confidence = Math.min(0.95, (0.5 + clean.length / 200) * (0.6 + 0.4 * Math.min(1, lead * 10)));
      // Trigrams are shaky on a sentence or two: a clear verdict of the word model wins over a hesitant franc.
      if (short.code !== code && short.confidence > confidence && clean.length < 80) return short;
      // Nor does a trigram guess at a language none of the line's words belong to ("Puedo hacer ese cambio" is not Kirundi).
      if (short.code !== code && !(code in shortLineWords) && short.confidence >= reliableLanguageConfidence && clean.length < 80) return short;
      return { code, confidence: short.code === code ? Math.max(confidence, short.confidence) : confidence };
    }
  }
  return short.code === 'und' ? { code: 'en', confidence: 0.2 } : short;
}

/**
 * The conversation's language after a new line: the line's own language when the detector is sure
 * of it (confidence ≥ `minConfidence`), otherwise the language the conversation already had.
 * "ok", "no", an order number or an email alone never switch a Spanish conversation to English.
 */
export function conversationLanguage(text: string, previous: string | null | undefined, minConfidence = reliableLanguageConfidence): DetectedLanguage {
  const detected = detectLanguage(text);
  if (!previous || previous === 'und' || detected.code === previous || detected.confidence >= minConfidence) return detected;
  return { code: previous, confidence: detected.confidence };
}
