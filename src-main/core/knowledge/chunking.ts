import type { KnowledgeArticle } from './types';

export interface Chunk {
  id: string;
  articleId: string;
  title: string;
  section: string;
  page: number;
  /** What the chunk says, without the title. */
  body: string;
  /**
   * What gets indexed: title and section with the body, so a chunk matches on its article's subject too.
   * The title once per chunk: without it (or only on an article's first chunk) MRR fell 0.04-0.06 on
   * every query set; twice raised the dev queries' MRR but lowered it on other phrasings (issue #13).
   */
  text: string;
}

const targetChars = 900;
const maxChars = 1400;

function splitLong(text: string): string[] {
  if (text.length <= maxChars) return [text];
  const parts: string[] = [];
  let current = '';
  for (const paragraph of text.split(/\n\s*\n/)) {
    const pieces = paragraph.length > maxChars ? (paragraph.match(new RegExp(`[\\s\\S]{1,${targetChars}}(?:\\s|$)|[\\s\\S]{1,${targetChars}}`, 'g')) ?? []) : [paragraph];
    for (const piece of pieces) {
      if (current && current.length + piece.length + 2 > targetChars) {
        parts.push(current);
        current = '';
      }
      current = current ? `${current}\n\n${piece}` : piece;
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** Splits at Markdown headings, then by paragraphs when a section is long; each chunk knows its section. */
export function chunkArticle(article: KnowledgeArticle): Chunk[] {
  const pages = article.pages && article.pages.length > 0 ? article.pages : [article.body];
  const chunks: Chunk[] = [];
  pages.forEach((pageText, pageIndex) => {
    let section = '';
    let buffer: string[] = [];
    const flush = (): void => {
      const body = buffer.join('\n').trim();
      buffer = [];
      if (!body) return;
      for (const part of splitLong(body)) {
        const heading = section && section !== article.title ? `${article.title} — ${section}` : article.title;
        chunks.push({
          id: `${article.id}#${chunks.length}`,
          articleId: article.id,
          title: article.title,
          section: section === article.title ? '' : section,
          page: article.pages ? pageIndex + 1 : 0,
          body: part,
          text: `${heading}\n${part}`,
        });
      }
    };
    for (const line of pageText.split(/\r?\n/)) {
      const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
      if (heading) {
        flush();
        section = heading[2] ?? '';
        continue;
      }
      buffer.push(line);
    }
    flush();
  });
  if (chunks.length === 0) {
    chunks.push({ id: `${article.id}#0`, articleId: article.id, title: article.title, section: '', page: 0, body: '', text: article.title });
  }
  return chunks;
}
