import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../src-main/core/log/logger';

// An install without resources/language/wordnet-en.txt: the resources folder points at an empty one.
const emptyResources = mkdtempSync(join(tmpdir(), 'copilot-no-lexicon-'));
vi.mock('../../../src-main/core/paths/repo-root', async (original) => ({
  ...(await original<typeof import('../../../src-main/core/paths/repo-root')>()),
  resourcesDir: () => emptyResources,
}));

const { openKnowledgeIndex } = await import('../../../src-main/core/knowledge/knowledge-index');

const dataDir = mkdtempSync(join(tmpdir(), 'copilot-kb-no-lexicon-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(emptyResources, { recursive: true, force: true });
});

describe('knowledge index without the English lexicon', () => {
  it('prewarms with a warning and searches without its synonyms', async () => {
    const warnings: string[] = [];
    const logger: Logger = { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (message) => warnings.push(message) };
    const index = await openKnowledgeIndex({ dataDir, logger });
    try {
      await index.indexArticles([{ id: 'refunds', title: 'Refunds', body: 'We refund the customer within 5 days.', source: 'test' }], 'test');
      await expect(index.prewarm()).resolves.toBeUndefined();
      expect(warnings.some((message) => message.includes('lexicon'))).toBe(true);
      // "client" reaches "customer" only through the lexicon; the known word still finds the article.
      expect((await index.search('client refund')).map((hit) => hit.articleId)).toEqual(['refunds']);
    } finally {
      await index.close();
    }
  });
});
