import { z } from 'zod';
import { method } from './define';

export interface KnowledgeHitView {
  articleId: string;
  title: string;
  section: string;
  url?: string;
  page?: number;
  snippet: string;
  highlights: [number, number][];
  score: number;
}

export interface KnowledgeArticleView {
  id: string;
  title: string;
  body: string;
  url?: string;
  tags: string[];
  updatedAt?: string;
}

export const knowledgeMethods = {
  'knowledge.search': method(
    z.strictObject({
      query: z.string().max(500),
      mode: z.enum(['fts', 'vector', 'hybrid']).optional(),
      limit: z.number().int().min(1).max(50).optional(),
      tags: z.array(z.string().max(100)).max(20).optional(),
    }),
  ).returns<{ hits: KnowledgeHitView[]; mode: 'fts' | 'vector' | 'hybrid'; ms: number }>(),
  'knowledge.getArticle': method(z.strictObject({ id: z.string().min(1).max(300) })).returns<KnowledgeArticleView>(),
};
