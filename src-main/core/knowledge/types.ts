import type { KnowledgeHitView, KnowledgeKind, KnowledgeKindOrigin } from '../contract/knowledge';

export type { KnowledgeKind, KnowledgeKindOrigin } from '../contract/knowledge';

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
  /**
   * Declared by the source (front matter `kind`, a `help-centre/` or `playbooks/` folder, a connector's
   * metadata). Undefined means undeclared: a playbook until the agent marks it customer-facing.
   */
  kind?: KnowledgeKind;
  /** ISO 639-1 code of the article's language (front matter `lang`); detected when absent. */
  language?: string;
  /** The help-centre topic (front matter `topic`), e.g. "refunds". */
  topic?: string;
  /** The ABCD subflows the article answers (front matter `subflows`), e.g. ["refund_update"]. */
  subflows?: string[];
}

export type SearchMode = 'fts' | 'vector' | 'hybrid';

export interface SearchOptions {
  mode?: SearchMode;
  limit?: number;
  tags?: string[];
  /** Only articles of these kinds (after the agent's marks); all kinds when absent. */
  kinds?: KnowledgeKind[];
  /** The query's language (the conversation's), ISO 639-1: the query is stemmed in it. English when absent. */
  language?: string;
}

/** A stored article with the kind it has after the agent's marks and its language. */
export interface IndexedArticle extends KnowledgeArticle {
  kind: KnowledgeKind;
  kindOrigin: KnowledgeKindOrigin;
  language: string;
}

/** A hit as the window sees it (snippet plain text; the renderer marks `highlights` itself), plus the chunk for the copilot. */
export interface KnowledgeHit extends KnowledgeHitView {
  chunkText: string;
  topic?: string;
  subflows?: string[];
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
