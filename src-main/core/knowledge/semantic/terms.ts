const stopWords = new Set(
  'a an and are as at be been but by can could did do does for from had has have how i if in into is it its me my of on or our please so that the their them then there these they this to was we were what when where which who will with would you your yours im ive id dont cant'.split(' '),
);

function stemTerm(word: string): string {
  if (word.length <= 4) return word;
  for (const [suffix, replacement] of [
    ['ational', 'ate'], ['ization', 'ize'], ['ations', 'ate'], ['ation', 'ate'], ['ments', ''], ['ment', ''],
    ['ness', ''], ['ings', ''], ['ing', ''], ['edly', ''], ['ies', 'y'], ['ied', 'y'], ['ed', ''], ['ly', ''], ['es', ''], ['s', ''],
  ] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length) + replacement;
  }
  return word;
}

/** Lower-cased, accent-free, stemmed content words in any script: the vocabulary of the semantic index. */
export function terms(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return [];
  const out: string[] = [];
  for (const word of words) {
    if (stopWords.has(word) || /^\d+$/.test(word)) continue;
    out.push(stemTerm(word));
  }
  return out;
}
