const minChunk = 400;
const maxChunk = 800;

/**
 * Cuts a growing text into pieces whose boundaries never move as more text arrives: after a sentence end
 * once a piece has 400 characters, or at a space once it has 800. Shown as blocks, only the last piece
 * changes while a suggestion streams, so the browser lays out the new words, not the whole text again.
 */
export function stableChunks(text: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  for (let index = start + minChunk; index < text.length - 1; index++) {
    const char = text[index];
    const next = text[index + 1];
    const sentenceEnd = (char === '.' || char === '!' || char === '?') && (next === ' ' || next === '\n');
    const longEnough = index - start >= maxChunk && char === ' ';
    if (char === '\n' || sentenceEnd || longEnough) {
      chunks.push(text.slice(start, index + 1));
      start = index + 1;
      index = start + minChunk - 1;
    }
  }
  chunks.push(text.slice(start));
  return chunks;
}
