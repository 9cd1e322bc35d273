import { stripInvisible } from './normalize';

/**
 * The text without invisible characters, with compatibility forms folded (full-width "４１１１" and
 * "＠" to ASCII, no-break and thin spaces to a space), and a map from each of its positions back to
 * the original, so a match found in the clean text can be cut out of the original exactly.
 */
export interface ShadowText {
  text: string;
  /** original index of shadow position i; one extra entry for the end. */
  origin: number[];
}

const invisibleChar = /^(?:[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\u00AD]|\uDB40[\uDC00-\uDC7F])$/;

export function shadowOf(original: string): ShadowText {
  let text = '';
  const origin: number[] = [];
  for (let index = 0; index < original.length; index += 1) {
    const code = original.charCodeAt(index);
    // ASCII is never invisible nor folded: the common case skips the checks below.
    if (code < 0x80) {
      text += original[index];
      origin.push(index);
      continue;
    }
    const pair = code >= 0xd800 && code <= 0xdbff ? original.slice(index, index + 2) : original[index] ?? '';
    if (invisibleChar.test(pair) || stripInvisible(pair) === '') {
      index += pair.length - 1;
      continue;
    }
    // Folded one character at a time, so every shadow position still points at one original character.
    const folded = code < 0xa0 ? pair : pair.normalize('NFKC');
    if (folded !== pair && folded.length > 0) {
      for (const char of folded) {
        text += char;
        for (let unit = 0; unit < char.length; unit += 1) origin.push(index);
      }
    } else {
      for (let offset = 0; offset < pair.length; offset += 1) {
        text += pair[offset];
        origin.push(index + offset);
      }
    }
    index += pair.length - 1;
  }
  origin.push(original.length);
  return { text, origin };
}

/** Maps a [start, end) span of the shadow text to the original. */
export function originalSpan(shadow: ShadowText, start: number, end: number): [number, number] {
  const from = shadow.origin[start] ?? 0;
  const lastChar = shadow.origin[end - 1];
  return [from, lastChar === undefined ? from : lastChar + 1];
}
