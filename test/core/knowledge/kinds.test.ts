import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeMethods } from '../../../src-main/core/contract/knowledge';
import { createKnowledgeHandlers } from '../../../src-main/core/knowledge/handlers';
import { loadArticlesFromDir, openKnowledgeIndex, type KnowledgeIndex } from '../../../src-main/core/knowledge/index';

const fixtures = join(import.meta.dirname, 'fixtures', 'kb');
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'copilot-kb-kinds-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('declared kinds and languages', () => {
  it('reads kind, lang, topic and subflows from front matter, and kind and language from the folders', async () => {
    const articles = await loadArticlesFromDir(fixtures, 'fixtures');
    const byId = new Map(articles.map((article) => [article.id, article]));
    expect(byId.get('hc-returns-en')).toMatchObject({ kind: 'help-centre', language: 'en', topic: 'returns', subflows: ['return_size', 'return_color'] });
    // No kind or lang in its front matter: help-centre/es/ says both.
    expect(byId.get('hc-returns-es')).toMatchObject({ kind: 'help-centre', language: 'es' });
    expect(byId.get('note-refund-checklist')?.kind).toBe('playbook');
    expect(byId.get('note-escalations')?.kind).toBeUndefined();
  });
});

describe('searching by kind, and the agent marking what is customer-facing', () => {
  let dataDir: string;
  let index: KnowledgeIndex;

  beforeAll(async () => {
    dataDir = tempDir();
    const root = join(dataDir, 'articles');
    cpSync(fixtures, root, { recursive: true });
    index = await openKnowledgeIndex({ dataDir });
    await index.indexArticles(await loadArticlesFromDir(root, 'fixtures'), 'fixtures');
  });
  afterAll(() => index.close());

  it('labels every hit with its kind, where the kind came from, and its language', async () => {
    const hits = await index.search('refund', { mode: 'fts', limit: 10 });
    const byId = new Map(hits.map((hit) => [hit.articleId, hit]));
    expect(byId.get('hc-returns-en')).toMatchObject({ kind: 'help-centre', kindOrigin: 'declared', language: 'en', topic: 'returns' });
    expect(byId.get('note-escalations')).toMatchObject({ kind: 'playbook', kindOrigin: 'default', language: 'en' });
    expect(byId.get('note-refund-checklist')).toMatchObject({ kind: 'playbook', kindOrigin: 'declared' });
  });

  it('keeps to the kinds asked for, in every mode', async () => {
    for (const mode of ['fts', 'vector', 'hybrid'] as const) {
      const customerFacing = await index.search('refund for a returned item', { mode, kinds: ['help-centre'], limit: 10 });
      expect(customerFacing.length, mode).toBeGreaterThan(0);
      expect(customerFacing.every((hit) => hit.kind === 'help-centre'), mode).toBe(true);
      const playbooks = await index.search('refund escalate supervisor', { mode, kinds: ['playbook'], limit: 10 });
      expect(playbooks.every((hit) => hit.kind === 'playbook'), mode).toBe(true);
    }
  });

  it('finds the Spanish article for a Spanish query stemmed in Spanish', async () => {
    const [hit] = await index.search('quiero un reembolso de los artículos que devolví', { language: 'es', kinds: ['help-centre'] });
    expect(hit).toMatchObject({ articleId: 'hc-returns-es', language: 'es' });
    expect(hit?.highlights.length).toBeGreaterThan(0);
  });

  it('marks an undeclared article customer-facing, and the mark survives a restart', async () => {
    const before = await index.search('escalate disputed refund supervisor', { kinds: ['help-centre'], limit: 10 });
    expect(before.map((hit) => hit.articleId)).not.toContain('note-escalations');
    const handlers = createKnowledgeHandlers(async () => index);
    const marked = await handlers['knowledge.markKind']({ articleId: 'note-escalations', scope: 'article', kind: 'help-centre' });
    expect(marked).toEqual({ articleId: 'note-escalations', kind: 'help-centre', kindOrigin: 'marked', articles: 1 });
    for (const mode of ['fts', 'vector', 'hybrid'] as const) {
      const after = await index.search('escalate disputed refund supervisor', { mode, kinds: ['help-centre'], limit: 10 });
      expect(after.map((hit) => hit.articleId), mode).toContain('note-escalations');
    }
    await index.close();
    index = await openKnowledgeIndex({ dataDir });
    expect(await index.getArticle('note-escalations')).toMatchObject({ kind: 'help-centre', kindOrigin: 'marked' });
    const view = await createKnowledgeHandlers(async () => index)['knowledge.getArticle']({ id: 'note-escalations' });
    expect(view).toMatchObject({ kind: 'help-centre', kindOrigin: 'marked', language: 'en' });
  });

  it('a folder mark decides only the undeclared articles of that source', async () => {
    await index.markKind('note-escalations', 'article', 'playbook');
    const result = await index.markKind('note-refund-checklist', 'source', 'help-centre');
    // note-refund-checklist declares itself a playbook; the help-centre articles declare themselves.
    expect(result).toMatchObject({ articleId: 'note-refund-checklist', kind: 'playbook', kindOrigin: 'declared', articles: 1 });
    expect(await index.getArticle('note-escalations')).toMatchObject({ kind: 'help-centre', kindOrigin: 'marked' });
    expect(await index.getArticle('hc-returns-en')).toMatchObject({ kind: 'help-centre', kindOrigin: 'declared' });
  });

  it('validates the mark at the contract: no unknown scope, kind or extra field', () => {
    const input = knowledgeMethods['knowledge.markKind'].input;
    expect(input.safeParse({ articleId: 'a', scope: 'article', kind: 'help-centre' }).success).toBe(true);
    expect(input.safeParse({ articleId: 'a', scope: 'everything', kind: 'help-centre' }).success).toBe(false);
    expect(input.safeParse({ articleId: 'a', scope: 'source', kind: 'faq' }).success).toBe(false);
    expect(input.safeParse({ articleId: 'a', scope: 'source', kind: 'playbook', path: '/etc' }).success).toBe(false);
    expect(knowledgeMethods['knowledge.search'].input.safeParse({ query: 'x', kinds: ['help-centre'], language: 'es' }).success).toBe(true);
    expect(knowledgeMethods['knowledge.search'].input.safeParse({ query: 'x', kinds: ['secret'] }).success).toBe(false);
  });

  it('answers a mark on an unknown article with NOT_FOUND', async () => {
    const handlers = createKnowledgeHandlers(async () => index);
    await expect(handlers['knowledge.markKind']({ articleId: 'nope', scope: 'article', kind: 'help-centre' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the demo workspace’s knowledge', () => {
  it('holds the help centre as customer-facing articles in five languages and the ABCD playbooks as playbooks', async () => {
    const { loadDemoKnowledge } = await import('../../../src-main/core/knowledge/index');
    const articles = await loadDemoKnowledge();
    const playbooks = articles.filter((article) => article.id.startsWith('playbook-'));
    const helpCentre = articles.filter((article) => article.kind === 'help-centre');
    expect(playbooks.length).toBeGreaterThan(40);
    expect(playbooks.every((article) => article.kind === 'playbook')).toBe(true);
    expect(helpCentre.length).toBeGreaterThanOrEqual(30);
    expect(new Set(helpCentre.map((article) => article.language))).toEqual(new Set(['en', 'es', 'fr', 'de', 'pt']));
    expect(articles.map((article) => article.id)).not.toContain('readme');
    // The hand-written policy notes declare nothing: playbooks until an agent marks them.
    expect(articles.find((article) => article.id === 'policy-refunds')?.kind).toBeUndefined();

    const index = await openKnowledgeIndex({ dataDir: tempDir() });
    await index.indexArticles(articles, 'demo');
    const [spanish] = await index.search('quiero devolver unas botas que me quedan pequeñas', { kinds: ['help-centre'], language: 'es' });
    expect(spanish).toMatchObject({ kind: 'help-centre', language: 'es' });
    const [guidance] = await index.search('refund status', { kinds: ['playbook'] });
    expect(guidance?.kind).toBe('playbook');
    await index.close();
  }, 120_000);
});
