import { newStemmer, type Stemmer } from 'snowball-stemmers';

/**
 * The one stemmer of the knowledge index: Snowball, in the article's own language for what is indexed
 * and in the conversation's language for a query. Both search legs and the vocabulary use these terms,
 * and the full-text index is built from them with no stemming of its own.
 */
const snowballByLanguage: Record<string, string> = {
  en: 'english', es: 'spanish', fr: 'french', de: 'german', pt: 'portuguese', it: 'italian', nl: 'dutch',
  sv: 'swedish', da: 'danish', no: 'norwegian', nb: 'norwegian', fi: 'finnish', hu: 'hungarian', ro: 'romanian',
  ru: 'russian', tr: 'turkish', ar: 'arabic', ca: 'catalan', cs: 'czech', ga: 'irish', sl: 'slovene', eu: 'basque',
  hy: 'armenian', ta: 'tamil',
};

/** A word in another script than the text's language is stemmed by the language of its script, if any. */
const scriptLanguages: [RegExp, string][] = [
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Tamil}/u, 'ta'],
];
const latin = /\p{Script=Latin}/u;

const stopList = (list: string): Set<string> => new Set(list.split(' ').map(foldAccents));
const stopWordsByLanguage: Record<string, Set<string>> = {
  en: stopList(
    'a an and are as at be been but by can could did do does for from had has have how i if in into is it its me my of on or our please so such that the their them then there these they this to was we were what when where which who will with would you your yours im ive id dont cant no not',
  ),
  es: stopList('a al algo como con de del el en es esta este esto ha la las lo los me mi mis no o para pero por que se si su sus te tu un una uno y ya yo'),
  fr: stopList('a au aux avec ce ces dans de des du elle en est et il je la le les leur ma mais me mes mon ne nous on ou par pas pour que qui sa se ses son sur ta te tes ton tu un une vos votre vous y'),
  de: stopList('aber als am an auch auf aus bei bin bis das dass dem den der des die du ein eine einem einen einer es für hat ich ihr im in ist ja kann mein meine mit nicht noch nur oder sie sind so und uns von was wie wir zu zum zur'),
  pt: stopList('a ao as com como da das de do dos e é em eu isso isto mas me meu minha na nao não no nos o os ou para pela pelo por que se seu sua um uma você'),
};

/**
 * How customers frame a request ("I need assistance with…", "could you help me…") says nothing about
 * which article answers it, while help articles use the same words everywhere ("we are here to help"):
 * left in, they pull every request towards the article that says "assist" most.
 */
const requestWordsByLanguage: Record<string, Set<string>> = {
  en: stopList('help helps helping helped assist assistance assisting need needs needed want wants wanted wanna like know tell would could should may might must let hello hi hey thanks thank'),
  es: stopList('ayuda ayudar ayudame necesito quiero quisiera gustaria puedo puede podria hola gracias saber'),
  fr: stopList('aide aider aidez besoin veux voudrais souhaite peux pouvez pourriez bonjour merci savoir'),
  de: stopList('hilfe helfen brauche möchte will würde kann können könnten hallo danke wissen bitte'),
  pt: stopList('ajuda ajudar preciso quero gostaria posso pode poderia ola olá obrigado obrigada saber'),
};

const stemmers = new Map<string, Stemmer | null>();
function stemmerFor(language: string): Stemmer | null {
  let stemmer = stemmers.get(language);
  if (stemmer === undefined) {
    const algorithm = snowballByLanguage[language];
    stemmer = algorithm ? newStemmer(algorithm) : null;
    stemmers.set(language, stemmer);
  }
  return stemmer;
}

/** Stemming costs microseconds a word and texts repeat their words: remembered per language, bounded. */
const stemCache = new Map<string, Map<string, string>>();
const maxCachedPerLanguage = 200_000;

function stemWord(word: string, language: string): string {
  let cache = stemCache.get(language);
  if (!cache) stemCache.set(language, (cache = new Map()));
  const known = cache.get(word);
  if (known !== undefined) return known;
  let stemLanguage = language;
  if (!latin.test(word)) stemLanguage = scriptLanguages.find(([script]) => script.test(word))?.[1] ?? language;
  const stemmer = stemmerFor(stemLanguage);
  // Snowball knows each language's accented suffixes, so accents are folded only after stemming.
  const stem = foldAccents(stemmer ? stemmer.stem(word) : word);
  if (cache.size >= maxCachedPerLanguage) cache.clear();
  cache.set(word, stem);
  return stem;
}

export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** The language codes this module stems; others are indexed as plain lower-cased words. */
export function hasStemmer(language: string): boolean {
  return snowballByLanguage[language] !== undefined;
}

/** Lower-cased words of a text in any script; placeholders like {{Order Number}} are not words. */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/\{\{[^}]*\}\}/g, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function isStopWord(word: string, language: string): boolean {
  const folded = foldAccents(word);
  if ((requestWordsByLanguage[language] ?? requestWordsByLanguage.en)?.has(folded)) return true;
  return (stopWordsByLanguage[language] ?? stopWordsByLanguage.en)?.has(folded) ?? false;
}

/** The stem of one lower-cased word in `language`, accents folded. */
export function stemOf(word: string, language = 'en'): string {
  return stemWord(word, language);
}

/** Indexed terms of a text: stop words dropped, the rest stemmed in `language`; numbers kept. */
export function analyze(text: string, language = 'en'): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (word.length > 40 || isStopWord(word, language)) continue;
    out.push(/^\d+$/.test(word) ? word : stemWord(word, language));
  }
  return out;
}

/** The full-text leg's terms: the same as the semantic model's, numbers included (order numbers, sizes). */
export const fullTextTerms = analyze;
