import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoKnowledgeDir,
  evaluateKnowledge,
  loadArticlesFromDir,
  openKnowledgeIndex,
  readQueries,
  type KnowledgeArticle,
  type KnowledgeIndex,
} from '../../../src-main/core/knowledge/index';
import { startEmbeddingsServer } from '../../fixtures/embeddings-server';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'copilot-kb-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const article = (id: string, title: string, body: string, extra: Partial<KnowledgeArticle> = {}): KnowledgeArticle => ({ id, title, body, source: 'test', ...extra });

describe('knowledge index', () => {
  let index: KnowledgeIndex;

  beforeAll(async () => {
    index = await openKnowledgeIndex({ dataDir: tempDir() });
    await index.indexArticles(
      [
        article('returns', 'Returns', '# Returns\n\n## Window\n\nItems can be returned within 30 days of delivery.\n\n## Labels\n\nWe email a prepaid return label.', { tags: ['policy'] }),
        article('shipping', 'Shipping', 'Standard shipping takes 5 to 7 business days. Express shipping takes 2 days.', { tags: ['policy', 'shipping'] }),
        article('password', 'Reset your password', 'Use the forgot password link to get a reset email valid for 24 hours.', { url: 'https://help.example/password' }),
      ],
      'test',
    );
  });
  afterAll(() => index.close());

  it('finds the right article and section in every mode, with plain-text highlights', async () => {
    for (const mode of ['fts', 'vector', 'hybrid'] as const) {
      const [hit] = await index.search('how long do I have to return an item', { mode });
      expect(hit?.articleId, mode).toBe('returns');
    }
    const [hit] = await index.search('return label', { mode: 'fts' });
    expect(hit?.section).toBe('Labels');
    expect(hit?.snippet).not.toMatch(/<[^>]+>/);
    const marked = hit?.highlights.map(([start, end]) => hit.snippet.slice(start, end).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['return', 'label']));
  });

  it('filters by tag', async () => {
    const hits = await index.search('days', { mode: 'fts', tags: ['shipping'] });
    expect(hits.map((hit) => hit.articleId)).toEqual(['shipping']);
  });

  it('updates one article and re-indexes only what changed', async () => {
    const result = await index.indexArticles(
      [
        article('returns', 'Returns', '# Returns\n\nItems can be returned within 30 days of delivery.\n\n## Labels\n\nWe email a prepaid return label.', { tags: ['policy'] }),
        article('shipping', 'Shipping', 'Standard shipping takes 5 to 7 business days. Overnight delivery costs extra.', { tags: ['policy', 'shipping'] }),
        article('password', 'Reset your password', 'Use the forgot password link to get a reset email valid for 24 hours.', { url: 'https://help.example/password' }),
      ],
      'test',
    );
    expect(result).toMatchObject({ updated: 2, unchanged: 1, added: 0, removed: 0 });
    expect((await index.search('overnight', { mode: 'fts' }))[0]?.articleId).toBe('shipping');
    expect(await index.search('express', { mode: 'fts' })).toEqual([]);
  });

  it('removes a deleted article and all of its chunks', async () => {
    expect(await index.removeArticle('password')).toBe(true);
    for (const mode of ['fts', 'vector', 'hybrid'] as const) {
      const hits = await index.search('forgot password reset email', { mode });
      expect(hits.map((hit) => hit.articleId), mode).not.toContain('password');
    }
    expect(await index.getArticle('password')).toBeUndefined();
  });

  it('never throws on FTS operators, quotes and other odd queries', async () => {
    for (const query of ['"return', "it's AND OR NOT", 'ret* ~2 ^3 (label)', '+return -label', '\\', '""', '   ', 'a:b', "'; DROP TABLE chunks; --"]) {
      await expect(index.search(query, { mode: 'hybrid' })).resolves.toBeInstanceOf(Array);
    }
  });
});

describe('knowledge index edge cases', () => {
  it('answers an empty index with no hits', async () => {
    const index = await openKnowledgeIndex({ dataDir: tempDir() });
    expect(await index.search('anything')).toEqual([]);
    expect(await index.stats()).toMatchObject({ articles: 0, chunks: 0 });
    await index.close();
  });

  it('answers searches made while the first index is being built, without an error', async () => {
    const index = await openKnowledgeIndex({ dataDir: tempDir() });
    const articles = Array.from({ length: 60 }, (_, n) => article(`a${n}`, `Refund rule ${n}`, `Refunds for order type ${n} are paid within ${n} days.`));
    const building = index.indexArticles(articles, 'test');
    const searches: Promise<unknown>[] = [];
    let settled = false;
    void building.finally(() => (settled = true));
    while (!settled) {
      searches.push(index.search('refund order', { mode: 'hybrid' }));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await building;
    expect((await Promise.allSettled(searches)).filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect((await index.search('refund order', { mode: 'fts' })).length).toBeGreaterThan(0);
    await index.close();
  });

  it('indexes a 10 MB article and non-Latin text', async () => {
    const index = await openKnowledgeIndex({ dataDir: tempDir() });
    const paragraph = 'Warehouse inventory reconciliation procedures for seasonal stock. ';
    const huge = `${paragraph.repeat(Math.ceil((10 * 1024 * 1024) / paragraph.length))}\n\nThe zebrafish clause is hidden at the end.`;
    await index.indexArticles(
      [
        article('huge', 'Inventory manual', huge),
        article('ja', '返品について', '商品到着後30日以内であれば返品できます。返送用ラベルをメールでお送りします。'),
        article('ru', 'Возврат товара', 'Вы можете вернуть товар в течение тридцати дней после доставки.'),
      ],
      'test',
    );
    expect((await index.search('zebrafish clause', { mode: 'fts' }))[0]?.articleId).toBe('huge');
    expect((await index.search('вернуть товар', { mode: 'hybrid' }))[0]?.articleId).toBe('ru');
    expect((await index.search('返品について', { mode: 'hybrid' })).map((hit) => hit.articleId)).toContain('ja');
    await index.close();
  }, 180_000);

  it('loads Markdown with front matter, HTML and text files from a folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.md'), '---\nid: alpha\ntitle: Alpha guide\nurl: https://help.example/alpha\ntags: [one, two]\n---\n\n# Alpha\n\nBody of alpha.');
    writeFileSync(join(dir, 'sub', 'b.html'), '<html><head><title>Beta page</title><meta name="id" content="beta"><script>alert(1)</script></head><body><h2>Part</h2><p>Beta &amp; more</p></body></html>');
    writeFileSync(join(dir, 'c.txt'), 'Gamma plain text.');
    const articles = await loadArticlesFromDir(dir, 'folder');
    expect(articles.map((item) => [item.id, item.title])).toEqual([
      ['alpha', 'Alpha guide'],
      ['c', 'c'],
      ['beta', 'Beta page'],
    ]);
    expect(articles[0]).toMatchObject({ url: 'https://help.example/alpha', tags: ['one', 'two'] });
    expect(articles[2]?.body).toContain('Beta & more');
    expect(articles[2]?.body).not.toContain('alert');
  });

  it('uses a configured OpenAI-compatible embedding endpoint and never mixes its vectors with offline ones', async () => {
    const server = await startEmbeddingsServer();
    const dataDir = tempDir();
    const offline = await openKnowledgeIndex({ dataDir });
    await offline.indexArticles([article('x', 'Returns', 'Return items within thirty days.')], 'test');
    const offlineModel = (await offline.stats()).embeddingModel;
    await offline.close();
    const online = await openKnowledgeIndex({ dataDir, embeddings: { baseUrl: server.url, model: 'test-embed' } });
    await online.indexArticles([article('x', 'Returns', 'Return items within thirty days.')], 'test');
    const stats = await online.stats();
    expect(stats.embeddingModel).toContain('test-embed');
    expect(stats.embeddingModel).not.toBe(offlineModel);
    expect((await online.search('return items', { mode: 'vector' }))[0]?.articleId).toBe('x');
    expect(server.requests.some((request) => request.model === 'test-embed' && request.input.some((text) => text.includes('thirty days')))).toBe(true);
    await online.close();
    await server.close();
  });

  it('indexes the demo knowledge base and finds its refund policy', async () => {
    const index = await openKnowledgeIndex({ dataDir: tempDir() });
    await index.indexArticles(await loadArticlesFromDir(demoKnowledgeDir(), 'demo'), 'demo');
    const hits = await index.search('how do I get my money back for a broken item', { limit: 3 });
    expect(hits.map((hit) => hit.articleId)).toContain('policy-refunds');
    await index.close();
  });

  it('beats plain BM25 on a sample of the Bitext retrieval set in the default mode', async () => {
    const queries = readQueries('/work/shared/data/kb-eval/queries-dev.csv'.replace('/work/shared', join(process.cwd(), '..', 'shared')));
    const sample = queries.filter((_, position) => position % 16 === 0);
    const result = await evaluateKnowledge(join(process.cwd(), '..', 'shared', 'data', 'kb-eval', 'articles'), sample, 'hybrid');
    expect(result.recall_at_3).toBeGreaterThan(0.9);
    expect(result.mrr).toBeGreaterThan(0.85);
  }, 120_000);
});
