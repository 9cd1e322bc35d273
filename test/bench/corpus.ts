import { mulberry32 } from '../../src-main/core/random/mulberry32';
import type { Embedder } from '../../src-main/core/knowledge/semantic/embedder';
import type { KnowledgeArticle } from '../../src-main/core/knowledge/index';

/** A vocabulary with Zipf-distributed frequencies, like real text: a few words everywhere, most words rare. */
export function zipfWords(vocabularySize: number, seed: number): () => string {
  const random = mulberry32(seed);
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'de', 'fa', 'gu', 'pe', 'shi', 'tor', 'wen', 'bel'];
  const words = Array.from({ length: vocabularySize }, (_, index) => {
    let word = '';
    let n = index + 7;
    do {
      word += syllables[n % syllables.length];
      n = Math.floor(n / syllables.length);
    } while (n > 0);
    return word;
  });
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= vocabularySize; rank += 1) {
    total += 1 / rank;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return words[low] ?? 'ka';
  };
}

export function sentence(next: () => string, length: number): string {
  return Array.from({ length }, next).join(' ');
}

/** A deterministic random-projection embedder of the requested width, so vector search runs at real dimensions. */
/**
 * The kb benches' articles: one chunk each, so the chunk count is exact; one in `helpCentreEvery` declared
 * help-centre, so the drafts' filter has articles to find, as in a workspace (with none it measures an empty result).
 */
export function benchArticles(next: () => string, count: number, helpCentreEvery: number): KnowledgeArticle[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `a${index}`,
    title: sentence(next, 4),
    body: sentence(next, 60),
    source: 'bench',
    ...(index % helpCentreEvery === 0 ? { kind: 'help-centre' as const } : {}),
  }));
}

export function hashingEmbedder(dimensions: number): Embedder {
  const embed = (text: string): Float32Array => {
    const vector = new Float32Array(dimensions);
    for (const word of text.split(/\s+/)) {
      let hash = 2166136261;
      for (let index = 0; index < word.length; index += 1) hash = Math.imul(hash ^ word.charCodeAt(index), 16777619);
      for (let k = 0; k < 4; k += 1) {
        hash = Math.imul(hash ^ (hash >>> 13), 0x5bd1e995);
        vector[(hash >>> 0) % dimensions] = (vector[(hash >>> 0) % dimensions] ?? 0) + ((hash & 1) === 0 ? 1 : -1);
      }
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm) || 1;
    return vector.map((value) => value / norm);
  };
  return { id: `hashing-${dimensions}`, dimensions, embedDocuments: async (texts) => texts.map(embed), embedQuery: async (text) => embed(text) };
}
