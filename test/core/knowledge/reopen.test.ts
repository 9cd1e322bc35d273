import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticlesFromDir, openKnowledgeIndex, type KnowledgeArticle, type KnowledgeIndex } from '../../../src-main/core/knowledge/index';
import { Bm25Index } from '../../../src-main/core/knowledge/search/bm25-index';
import { mulberry32 } from '../../../src-main/core/random/mulberry32';
import { openCacheDatabase } from '../../../src-main/core/storage/index';

const fixtures = join(import.meta.dirname, 'fixtures', 'kb');
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'copilot-kb-reopen-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const queries = ['prepaid return label', 'refund', 'how long does shipping take', 'devolver botas', 'escalate to a manager', 'exchange size'];

async function answers(index: KnowledgeIndex): Promise<string[][]> {
  const all: string[][] = [];
  for (const query of queries) {
    for (const mode of ['fts', 'hybrid'] as const) all.push((await index.search(query, { mode, limit: 5 })).map((hit) => `${hit.articleId}|${hit.section}|${hit.score}`));
  }
  return all;
}

describe('the full-text index in memory, kept as a snapshot', () => {
  it('scores the same after an export and import, and keeps taking documents in and out', () => {
    const random = mulberry32(7);
    const words = Array.from({ length: 300 }, (_, at) => `w${at}`);
    const doc = (): string[] => Array.from({ length: 5 + Math.floor(random() * 40) }, () => words[Math.floor(random() ** 2 * words.length)] ?? 'w0');
    const original = new Bm25Index();
    const docs = Array.from({ length: 400 }, doc);
    docs.forEach((terms, at) => original.add(at, terms));
    for (let at = 0; at < 400; at += 7) original.remove(at);
    // Renumbered as the snapshot does: the live documents in order.
    const live = docs.map((_, at) => at).filter((at) => at % 7 !== 0);
    const docMap = new Int32Array(400).fill(-1);
    live.forEach((at, next) => (docMap[at] = next));
    const copy = Bm25Index.import(original.export(docMap, live.length));
    const renumbered = new Bm25Index();
    live.forEach((at, next) => renumbered.add(next, docs[at] ?? []));
    const query = (index: Bm25Index, terms: string[]): string => JSON.stringify(index.search(terms, 10));
    for (let at = 0; at < 30; at += 1) {
      const terms = doc().slice(0, 3);
      expect(query(copy, terms)).toBe(query(renumbered, terms));
    }
    // Documents loaded from the snapshot can be removed, and new ones join their terms' lists.
    for (let next = 0; next < live.length; next += 3) {
      copy.remove(next);
      renumbered.remove(next);
    }
    for (let extra = 0; extra < 50; extra += 1) {
      const terms = doc();
      copy.add(live.length + extra, terms);
      renumbered.add(live.length + extra, terms);
    }
    expect(copy.size).toBe(renumbered.size);
    for (let at = 0; at < 30; at += 1) {
      const terms = doc().slice(0, 2);
      expect(query(copy, terms)).toBe(query(renumbered, terms));
    }
  });

  it('reopens from the snapshot with the same answers as a load from the table, and follows later writes', async () => {
    const dataDir = tempDir();
    const articles = await loadArticlesFromDir(fixtures, 'fixtures');
    let index = await openKnowledgeIndex({ dataDir });
    await index.indexArticles(articles, 'fixtures');
    const fresh = await answers(index);
    expect(fresh.some((hits) => hits.length > 0)).toBe(true);
    await index.close();
    expect(existsSync(join(dataDir, 'knowledge', 'full-text.snapshot'))).toBe(true);

    index = await openKnowledgeIndex({ dataDir });
    expect(await answers(index)).toEqual(fresh);
    expect(index.loadedFrom()).toBe('snapshot');
    // A write after the load: the snapshot's documents leave, new ones come, and the next open follows.
    const extra: KnowledgeArticle = { id: 'zeppelin', title: 'Zeppelin deliveries', body: 'Orders over the Alps arrive by zeppelin within 3 days.', source: 'extra' };
    await index.indexArticles([extra], 'extra');
    await index.removeArticle('hc-returns-en');
    const changed = await answers(index);
    expect((await index.search('zeppelin alps', { mode: 'fts' }))[0]?.articleId).toBe('zeppelin');
    await index.close();

    index = await openKnowledgeIndex({ dataDir });
    expect(await answers(index)).toEqual(changed);
    expect(index.loadedFrom()).toBe('snapshot');
    await index.close();

    // A snapshot of another table version is never used: the table decides, with the same answers.
    rmSync(join(dataDir, 'knowledge', 'full-text.snapshot'));
    index = await openKnowledgeIndex({ dataDir });
    expect(await answers(index)).toEqual(changed);
    expect(index.loadedFrom()).toBe('table');
    await index.close();
  }, 120_000);
});

describe('the articles in the store', () => {
  it('keeps the articles in cache.db, and rebuilds a lost LanceDB from them', async () => {
    const dataDir = tempDir();
    let index = await openKnowledgeIndex({ dataDir });
    await index.indexArticles(await loadArticlesFromDir(fixtures, 'fixtures'), 'fixtures');
    const before = await answers(index);
    await index.close();
    const cache = openCacheDatabase(join(dataDir, 'cache.db'));
    expect(cache.articles.get('hc-returns-en')).toMatchObject({ title: 'Returning an item', source: 'fixtures', declaredKind: 'help-centre', language: 'en' });
    const stored = cache.articles.count();
    cache.close();
    expect(stored).toBeGreaterThan(3);
    expect(existsSync(join(dataDir, 'knowledge', 'articles'))).toBe(false);

    rmSync(join(dataDir, 'knowledge', 'lancedb'), { recursive: true });
    rmSync(join(dataDir, 'knowledge', 'full-text.snapshot'));
    index = await openKnowledgeIndex({ dataDir });
    expect(await answers(index)).toEqual(before);
    expect(index.loadedFrom()).toBe('store');
    expect(await index.stats()).toMatchObject({ articles: stored });
    await index.close();
  }, 120_000);

  it('imports the JSON article files of an older version once, and rebuilds the table written by it', async () => {
    const dataDir = tempDir();
    const articles = await loadArticlesFromDir(fixtures, 'fixtures');
    // The layout before migration 007: one file per article named by its id's SHA-1, the entries in index.json.
    const filesDir = join(dataDir, 'knowledge', 'articles');
    mkdirSync(filesDir, { recursive: true });
    const entries: Record<string, unknown> = {};
    for (const article of articles) {
      writeFileSync(join(filesDir, `${createHash('sha1').update(article.id).digest('hex')}.json`), JSON.stringify(article));
      // Written by a version before languages and kinds were kept: no title, language or declaredKind.
      entries[article.id] = { hash: 'old', source: 'fixtures', chunks: 1, url: '', tags: [] };
    }
    const metaFile = join(dataDir, 'knowledge', 'index.json');
    writeFileSync(metaFile, JSON.stringify({ version: 1, embeddingModel: '', articles: entries }));

    let index = await openKnowledgeIndex({ dataDir });
    const [hit] = await index.search('prepaid return label', { mode: 'fts' });
    expect(hit).toMatchObject({ articleId: 'hc-returns-en', title: 'Returning an item', kind: 'help-centre', kindOrigin: 'declared' });
    expect(index.loadedFrom()).toBe('store');
    expect(await index.stats()).toMatchObject({ articles: articles.length });
    await index.close();
    expect(existsSync(filesDir)).toBe(false);
    const written = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ schema: 2 });
    expect(written.articles).toBeUndefined();

    // Once: the next open reads the store, and re-indexing the same articles changes nothing.
    index = await openKnowledgeIndex({ dataDir });
    expect((await index.search('prepaid return label', { mode: 'fts' }))[0]?.articleId).toBe('hc-returns-en');
    expect(await index.indexArticles(articles, 'fixtures')).toMatchObject({ added: 0, updated: 0, unchanged: articles.length });
    await index.close();
  }, 120_000);
});
