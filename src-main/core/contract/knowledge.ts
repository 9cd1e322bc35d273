import { z } from 'zod';
import { method } from './define';

/** Help-centre articles are written for customers (drafts quote them); playbooks are for agents (guidance only). */
export type KnowledgeKind = 'help-centre' | 'playbook';
/** Where an article's kind comes from: its source declared it, the agent marked it, or neither (a playbook). */
export type KnowledgeKindOrigin = 'declared' | 'marked' | 'default';
export const knowledgeKinds = ['help-centre', 'playbook'] as const;

export interface KnowledgeHitView {
  articleId: string;
  title: string;
  section: string;
  url?: string;
  page?: number;
  snippet: string;
  highlights: [number, number][];
  score: number;
  kind: KnowledgeKind;
  kindOrigin: KnowledgeKindOrigin;
  /** ISO 639-1 code of the article's language. */
  language: string;
}

export interface KnowledgeArticleView {
  id: string;
  title: string;
  body: string;
  url?: string;
  tags: string[];
  updatedAt?: string;
  kind: KnowledgeKind;
  kindOrigin: KnowledgeKindOrigin;
  language: string;
}

export interface KnowledgeKindMarkView {
  articleId: string;
  kind: KnowledgeKind;
  kindOrigin: KnowledgeKindOrigin;
  /** How many articles now have this kind because of the mark (1 for an article, the folder's count for a source). */
  articles: number;
}

export const knowledgeMethods = {
  'knowledge.search': method(
    z.strictObject({
      query: z.string().max(500),
      mode: z.enum(['fts', 'vector', 'hybrid']).optional(),
      limit: z.number().int().min(1).max(50).optional(),
      tags: z.array(z.string().max(100)).max(20).optional(),
      kinds: z.array(z.enum(knowledgeKinds)).min(1).max(2).optional(),
      language: z.string().regex(/^[a-z]{2,3}$/).optional(),
    }),
  ).returns<{ hits: KnowledgeHitView[]; mode: 'fts' | 'vector' | 'hybrid'; ms: number }>(),
  'knowledge.getArticle': method(z.strictObject({ id: z.string().min(1).max(300) })).returns<KnowledgeArticleView>(),
  /**
   * The agent marks an undeclared article, or every article of its source (its folder), as customer-facing
   * (`help-centre`) or back to `playbook`. Kept in main across restarts; a source's own declaration wins
   * over a folder mark, an article mark wins over both.
   */
  'knowledge.markKind': method(
    z.strictObject({
      articleId: z.string().min(1).max(300),
      scope: z.enum(['article', 'source']),
      kind: z.enum(knowledgeKinds),
    }),
  ).returns<KnowledgeKindMarkView>(),
};
