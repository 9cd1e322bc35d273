import type { KnowledgeHitView } from '../contract/knowledge';

export interface KnowledgeArticle {
  id: string;
  title: string;
  body: string;
  url?: string;
  tags?: string[];
  /** ISO time of the article's last change. */
  updatedAt?: string;
  /** Where it came from: "demo", "crm", or a folder path. Re-indexing one source never touches another's articles. */
  source?: string;
  /** For PDFs: the text of each page, so hits can cite a page. */
  pages?: string[];
}

export type SearchMode = 'fts' | 'vector' | 'hybrid';

export interface SearchOptions {
  mode?: SearchMode;
  limit?: number;
  tags?: string[];
}

/** A hit as the window sees it (snippet plain text; the renderer marks `highlights` itself), plus the chunk for the copilot. */
export interface KnowledgeHit extends KnowledgeHitView {
  chunkText: string;
}

export interface IndexResult {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface KnowledgeStats {
  articles: number;
  chunks: number;
  embeddingModel: string;
}
