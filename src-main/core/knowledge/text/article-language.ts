import { detectLanguage } from '../../language/language-id';
import type { KnowledgeArticle } from '../types';

/** An ISO 639-1 code as written in front matter ("es", "pt-BR", "ES") reduced to its language. */
export function normalizeLanguage(code: string | undefined): string | undefined {
  const match = code ? /^([a-z]{2,3})(?:[-_][a-z0-9]+)?$/i.exec(code.trim()) : null;
  return match?.[1]?.toLowerCase();
}

/** The article's declared language, else the one its text is written in, else English. */
export function articleLanguage(article: KnowledgeArticle): string {
  const declared = normalizeLanguage(article.language);
  if (declared) return declared;
  const detected = detectLanguage(`${article.title}\n${article.body.slice(0, 2000)}`);
  return detected.code !== 'und' && detected.confidence >= 0.5 ? detected.code : 'en';
}
