import { describe, expect, it } from 'vitest';
import { stableChunks } from '@renderer/components/copilot/stable-chunks';

describe('stable chunks of a streaming suggestion', () => {
  const sentence = 'I have checked your order and it left the warehouse yesterday. ';
  const text = `${sentence.repeat(40)}\n${'word '.repeat(600)}`;

  it('joins back to the exact text, and keeps short texts whole', () => {
    expect(stableChunks(text).join('')).toBe(text);
    expect(stableChunks('Short reply.')).toEqual(['Short reply.']);
    expect(stableChunks('')).toEqual(['']);
  });

  it('never moves a cut as the text grows: every piece but the last stays as it was', () => {
    let previous: string[] = [];
    for (let length = 1; length <= text.length; length += 37) {
      const chunks = stableChunks(text.slice(0, length));
      expect(chunks.slice(0, previous.length - 1)).toEqual(previous.slice(0, -1));
      previous = chunks;
    }
    expect(previous.length).toBeGreaterThan(5);
  });

  it('cuts after sentences once a piece is long enough, and at a space when no sentence ends', () => {
    const chunks = stableChunks(text);
    expect(chunks[0]!.endsWith('. ')).toBe(false);
    expect(chunks[0]!.endsWith('.')).toBe(true);
    expect(chunks[0]!.length).toBeGreaterThanOrEqual(400);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(810);
  });
});
