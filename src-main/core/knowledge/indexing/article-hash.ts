import { createHash } from 'node:crypto';
import type { KnowledgeArticle } from '../types';

/** Changes when anything that is indexed or shown changes, so an unchanged article is never rewritten. */
export function articleHash(article: KnowledgeArticle): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        article.title, article.body, article.url ?? '', article.tags ?? [], article.pages?.length ?? 0,
        article.kind ?? '', article.language ?? '', article.topic ?? '', article.subflows ?? [],
      ]),
    )
    .digest('hex');
}
