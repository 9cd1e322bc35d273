import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKnowledgeIndex } from '../../src-main/core/knowledge/index';
import { performance } from 'node:perf_hooks';
import { rewriteQuery } from '../../src-main/core/knowledge/search/query-rewrite';
import { correctWord, correctWordExhaustive } from '../../src-main/core/knowledge/search/spelling';
import { Vocabulary } from '../../src-main/core/knowledge/search/vocabulary';
import { mulberry32 } from '../../src-main/core/random/mulberry32';
import { benchArticles, hashingEmbedder, sentence, zipfWords } from './corpus';
import { timeAsync, type Benchmark, type BenchFigure } from './harness';

const chunkCount = Number(process.env.KB_BENCH_CHUNKS ?? 100_000);
const queryCount = 1000;
const dimensions = 384;
const bitextFile = join(process.cwd(), '..', 'shared', 'data', 'bitext', 'train-utterances.csv');
const letters = 'abcdefghijklmnopqrstuvwxyz';

/** One slip a customer makes: a wrong, missing, extra or swapped letter. */
function typo(word: string, random: () => number): string {
  if (word.length < 3) return word;
  const at = Math.floor(random() * (word.length - 1));
  const letter = letters[Math.floor(random() * letters.length)] ?? 'x';
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + letter + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + letter + word.slice(at);
    default:
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  }
}

/** A name or product word no article has: random letters. */
function unknownWord(random: () => number): string {
  const length = 5 + Math.floor(random() * 5);
  return Array.from({ length }, () => letters[Math.floor(random() * letters.length)] ?? 'x').join('');
}

/** The utterance column of Bitext's utterance file (flags,utterance,category,intent), quoted fields allowed. */
function bitextUtterances(): string[] | undefined {
  if (!existsSync(bitextFile)) return undefined;
  const lines = readFileSync(bitextFile, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1);
  const utterances: string[] = [];
  for (const line of lines) {
    const match = /^[^,]*,("(?:[^"]|"")*"|[^,]*),/.exec(line);
    const field = match?.[1];
    if (field) utterances.push(field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);
  }
  return utterances;
}

/**
 * Query rewriting, full-text and hybrid search on the kb-search corpus (100k chunks) with real-shaped
 * queries: corpus words with typos among words the index does not know (names, customers' English),
 * beside the kb-search bench's synthetic queries, whose words are all indexed, in the same run.
 */
const bench: Benchmark = {
  name: 'kb-real-queries',
  async run() {
    const next = zipfWords(30_000, 42);
    const articles = benchArticles(next, chunkCount, 20);
    const synthetic = Array.from({ length: queryCount }, () => sentence(next, 3));
    const random = mulberry32(20261203);
    const fillers = ['my', 'the', 'please', 'help', 'with', 'order', 'account', 'refund', 'cant', 'find'];
    const typoQuery = (): string => {
      const words = Array.from({ length: 3 }, () => (random() < 0.6 ? typo(next(), random) : next()));
      if (random() < 0.5) words.push(unknownWord(random));
      words.splice(Math.floor(random() * words.length), 0, fillers[Math.floor(random() * fillers.length)] ?? 'my');
      return words.join(' ');
    };
    const utterances = bitextUtterances();
    const bitextQuery = (list: string[]) => (): string => {
      const words = (list[Math.floor(random() * list.length)] ?? '').split(' ');
      if (random() < 0.5) {
        const at = Math.floor(random() * words.length);
        words[at] = typo(words[at] ?? '', random);
      }
      if (random() < 0.5) words.push(random() < 0.5 ? typo(next(), random) : next());
      return words.join(' ');
    };
    // A set per measurement: corrections are cached, and a set searched twice would find its slips remembered.
    const sets = (make: () => string) => ({ rewrite: Array.from({ length: queryCount }, make), fts: Array.from({ length: queryCount }, make), hybrid: Array.from({ length: queryCount }, make) });
    const typos = sets(typoQuery);
    const bitext = utterances ? sets(bitextQuery(utterances)) : undefined;
    if (!bitext) process.stdout.write(`  (${bitextFile} absent: Bitext utterance queries skipped)\n`);

    const vocabulary = new Vocabulary();
    for (const article of articles) vocabulary.addText(`${article.title}\n${article.body}`);
    // Building the length buckets and letter signatures (on the first correction after a change).
    const buildStart = performance.now();
    vocabulary.wordsOfLength(1);
    const bucketBuildMs = performance.now() - buildStart;
    let signatureBytes = 0;
    for (let length = 1; length <= 40; length += 1) signatureBytes += vocabulary.signaturesOfLength(length).byteLength;

    const fresh = (): Vocabulary => {
      const copy = new Vocabulary();
      for (const article of articles) copy.addText(`${article.title}\n${article.body}`);
      return copy;
    };
    const rewriteFigures = async (queries: string[]) => {
      // A fresh vocabulary for the cached path: nothing remembered from another set.
      const cached = fresh();
      const expected: string[] = [];
      const exhaustive = await timeAsync((i) => (expected[i % queryCount] = rewriteQuery(queries[i % queryCount] ?? '', vocabulary, 'en', { correct: correctWordExhaustive }).text), queryCount, 0);
      const check = (text: string, i: number): void => {
        if (text !== expected[i % queryCount]) throw new Error(`fast correction differs for "${queries[i % queryCount]}": "${text}" against "${expected[i % queryCount]}"`);
      };
      return {
        exhaustive,
        fast: await timeAsync((i) => check(rewriteQuery(queries[i % queryCount] ?? '', vocabulary, 'en', { correct: correctWord }).text, i), queryCount, 0),
        cached: await timeAsync((i) => check(rewriteQuery(queries[i % queryCount] ?? '', cached).text, i), queryCount, 0),
      };
    };
    const rewriteSynthetic = await timeAsync((i) => rewriteQuery(synthetic[i % queryCount] ?? '', vocabulary), queryCount, 20);
    const rewriteTypos = await rewriteFigures(typos.rewrite);
    const rewriteBitext = bitext ? await rewriteFigures(bitext.rewrite) : undefined;

    const dataDir = mkdtempSync(join(tmpdir(), 'copilot-kb-real-bench-'));
    const embedder = hashingEmbedder(dimensions);
    const index = await openKnowledgeIndex({ dataDir, embedder });
    await index.indexArticles(articles, 'bench');
    const search = (queries: string[], mode: 'fts' | 'hybrid') => timeAsync((i) => index.search(queries[i % queryCount] ?? '', { mode }), queryCount, 0);
    const ftsSynthetic = await search(synthetic, 'fts');
    const ftsTypos = await search(typos.fts, 'fts');
    const ftsBitext = bitext ? await search(bitext.fts, 'fts') : undefined;
    const hybridSynthetic = await search(synthetic, 'hybrid');
    const hybridTypos = await search(typos.hybrid, 'hybrid');
    const hybridBitext = bitext ? await search(bitext.hybrid, 'hybrid') : undefined;
    await index.close();
    rmSync(dataDir, { recursive: true, force: true });

    const synth = 'synthetic, all words indexed';
    const exhaustive = 'the same, exhaustive correction';
    const figures: BenchFigure[] = [
      {
        label: 'rewrite alone, typos + unknown words',
        unit: 'ms',
        subject: rewriteTypos.fast,
        baselineLabel: exhaustive,
        baseline: rewriteTypos.exhaustive,
        extra: { cached_p50: rewriteTypos.cached.p50, cached_p95: rewriteTypos.cached.p95, synthetic_p50: rewriteSynthetic.p50, synthetic_p95: rewriteSynthetic.p95, vocabulary_words: vocabulary.size, bucket_build_ms: bucketBuildMs, signature_kb: signatureBytes / 1024 },
      },
      { label: 'full-text, typos + unknown words', unit: 'ms', subject: ftsTypos, baselineLabel: synth, baseline: ftsSynthetic, extra: { p99: ftsTypos.p99 } },
      { label: 'hybrid, typos + unknown words', unit: 'ms', subject: hybridTypos, baselineLabel: synth, baseline: hybridSynthetic, extra: { p99: hybridTypos.p99 } },
    ];
    if (rewriteBitext && ftsBitext && hybridBitext) {
      figures.push(
        { label: 'rewrite alone, Bitext utterances', unit: 'ms', subject: rewriteBitext.fast, baselineLabel: exhaustive, baseline: rewriteBitext.exhaustive, extra: { cached_p50: rewriteBitext.cached.p50, cached_p95: rewriteBitext.cached.p95 } },
        { label: 'full-text, Bitext utterances', unit: 'ms', subject: ftsBitext, baselineLabel: synth, baseline: ftsSynthetic, extra: { p99: ftsBitext.p99 } },
        { label: 'hybrid, Bitext utterances', unit: 'ms', subject: hybridBitext, baselineLabel: synth, baseline: hybridSynthetic, extra: { p99: hybridBitext.p99 } },
      );
    }
    return { name: 'kb-real-queries', figures };
  },
};
export default bench;
