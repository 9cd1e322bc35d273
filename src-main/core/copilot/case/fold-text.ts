/** Lower case, accents folded, apostrophes straightened: one form for the multilingual lexicons to match. */
export function foldText(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a folded line (letters, digits, apostrophes inside words). */
export function wordsOf(folded: string): string[] {
  return folded.match(/[\p{L}\d][\p{L}\d']*/gu) ?? [];
}
