/** Zero-width and invisible format characters, including Unicode tag characters used to hide text. */
const invisible = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\u00AD]|\uDB40[\uDC00-\uDC7F]/g;

export function stripInvisible(text: string): string {
  return text.replace(invisible, '');
}

/** Lower case, no accents, no invisible characters, single spaces: the form the intent model sees. */
export function normalizeForModel(text: string): string {
  return stripInvisible(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\{\{[^}]*\}\}/g, ' slot ')
    .replace(/[’`´]/g, "'")
    .replace(/\d+/g, '0')
    .replace(/[^a-z0' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
