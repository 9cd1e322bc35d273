import { synonymsOf } from './concepts';
import { identifierMention } from './non-requests';

const keyboardNeighbours: Record<string, string> = {
  a: 'qs', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k',
  m: 'n', n: 'bm', o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc', y: 'tu', z: 'x',
};

function typo(word: string, random: () => number): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = random();
  if (kind < 0.3) return word.slice(0, at) + word.slice(at + 1);
  if (kind < 0.55) return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  const neighbours = keyboardNeighbours[word[at] ?? ''] ?? 'e';
  const replacement = neighbours[Math.floor(random() * neighbours.length)] ?? 'e';
  if (kind < 0.8) return word.slice(0, at) + replacement + word.slice(at + 1);
  return word.slice(0, at) + replacement + word.slice(at);
}

// How people write in a chat box; applied to whole words, lower case.
const colloquial: [RegExp, string][] = [
  [/\byou\b/g, 'u'], [/\byour\b/g, 'ur'], [/\bplease\b/g, 'pls'], [/\bwant to\b/g, 'wanna'], [/\bgoing to\b/g, 'gonna'],
  [/\bhave to\b/g, 'gotta'], [/\bi am\b/g, 'im'], [/\bdo not\b/g, 'dont'], [/\bcannot\b/g, 'cant'], [/\bcan not\b/g, 'cant'],
  [/\bwould like to\b/g, 'wanna'], [/\bthanks?\b/g, 'thx'], [/\bbecause\b/g, 'cuz'], [/\bi need\b/g, 'i gotta'],
];
const fillers = ['damn', 'fucking', 'hey', 'pls', 'asap', 'hi', 'ok', 'help'];

function casual(text: string, random: () => number): string {
  let result = text.toLowerCase();
  for (const [pattern, replacement] of colloquial) if (random() < 0.6) result = result.replace(pattern, replacement);
  return result;
}

/**
 * Noise a customer would make: typos, dropped words, missing punctuation and case.
 * Training on it teaches the model to lean on robust cues rather than exact sentences.
 */
export function augment(text: string, random: () => number): string {
  const words = (random() < 0.35 ? casual(text, random) : text).split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (const word of words) {
    const roll = random();
    if (roll < 0.08 && words.length > 3) continue;
    const synonyms = synonymsOf(word.toLowerCase());
    // Another word for the same thing: teaches the word features what the concept features know.
    if (synonyms.length && random() < 0.25) out.push(synonyms[Math.floor(random() * synonyms.length)] ?? word);
    else out.push(roll < 0.22 ? typo(word, random) : word);
    if (random() < 0.02) out.push(fillers[Math.floor(random() * fillers.length)] ?? '');
  }
  let result = out.join(' ');
  if (random() < 0.3) result = result.toLowerCase().replace(/[?.!,]/g, '');
  if (random() < 0.3) result += identifierMention(random);
  return result || text;
}
