/**
 * The set of letters a word uses, as 32 bits: a–z each have a bit, any other character shares one
 * of six. One edit (substitution, insertion, deletion or adjacent swap) changes at most two bits,
 * so two words whose signatures differ in more than 2·k bits are more than k edits apart: a test
 * of a few instructions that spares the edit distance for almost every word of the vocabulary.
 */
export function letterSignature(word: string): number {
  let signature = 0;
  for (let at = 0; at < word.length; at += 1) {
    const code = word.charCodeAt(at);
    signature |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6));
  }
  return signature;
}

/** Bits set in a 32-bit number. */
export function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** The fewest edits that can turn a word of signature `a` into one of signature `b`. */
export function signatureDistanceBound(a: number, b: number): number {
  return (bitCount(a ^ b) + 1) >> 1;
}
