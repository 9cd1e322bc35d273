import type { KnowledgeKind, KnowledgeKindOrigin } from '../types';
import { SlotFilters, type SlotMask } from './slot-filters';

/** What search needs to know of an article without reading it: filters, the hit's labels. */
export interface ArticleInfo {
  id: string;
  title: string;
  url: string;
  tags: string[];
  source: string;
  language: string;
  kind: KnowledgeKind;
  kindOrigin: KnowledgeKindOrigin;
  topic?: string;
  subflows?: string[];
}

export interface ChunkInfo {
  id: string;
  article: ArticleInfo;
  section: string;
  page: number;
}

/**
 * The chunks in memory, each at a slot number the full-text index scores by. Slots of removed chunks
 * are not reused, so a slot seen by a search in flight never names another chunk.
 */
export class ChunkCatalog {
  private slots: (ChunkInfo | undefined)[] = [];
  private readonly slotById = new Map<string, number>();
  /** Built on the first write after a bulk load: a reopen need not pay for it before the first search. */
  private bySlotsOfArticle: Map<string, number[]> | undefined = new Map();
  readonly articles = new Map<string, ArticleInfo>();
  private readonly filters = new SlotFilters();

  /** A catalog of these chunks at slots 0..n-1, as a snapshot lists them. */
  static load(chunks: ChunkInfo[]): ChunkCatalog {
    const catalog = new ChunkCatalog();
    catalog.slots = chunks;
    for (let slot = 0; slot < chunks.length; slot += 1) {
      const chunk = chunks[slot];
      if (!chunk) continue;
      catalog.slotById.set(chunk.id, slot);
      catalog.articles.set(chunk.article.id, chunk.article);
    }
    catalog.bySlotsOfArticle = undefined;
    return catalog;
  }

  private get slotsByArticle(): Map<string, number[]> {
    if (!this.bySlotsOfArticle) {
      const map = new Map<string, number[]>();
      for (let slot = 0; slot < this.slots.length; slot += 1) {
        const chunk = this.slots[slot];
        if (!chunk) continue;
        const list = map.get(chunk.article.id);
        if (list) list.push(slot);
        else map.set(chunk.article.id, [slot]);
      }
      this.bySlotsOfArticle = map;
    }
    return this.bySlotsOfArticle;
  }

  get chunkCount(): number {
    return this.slotById.size;
  }

  add(chunk: ChunkInfo): number {
    const slot = this.slots.length;
    this.slots.push(chunk);
    this.slotById.set(chunk.id, slot);
    this.articles.set(chunk.article.id, chunk.article);
    const byArticle = this.bySlotsOfArticle;
    if (byArticle) {
      const list = byArticle.get(chunk.article.id);
      if (list) list.push(slot);
      else byArticle.set(chunk.article.id, [slot]);
    }
    this.filters.added(slot, chunk.article);
    return slot;
  }

  /** Forgets an article's chunks and returns them with their slots, for the full-text index to drop. */
  removeArticle(articleId: string): { slot: number; chunk: ChunkInfo }[] {
    const removed: { slot: number; chunk: ChunkInfo }[] = [];
    for (const slot of this.slotsByArticle.get(articleId) ?? []) {
      const chunk = this.slots[slot];
      if (!chunk) continue;
      removed.push({ slot, chunk });
      this.slots[slot] = undefined;
      this.slotById.delete(chunk.id);
      this.filters.removed(slot);
    }
    this.slotsByArticle.delete(articleId);
    this.articles.delete(articleId);
    return removed;
  }

  /**
   * Changes an article's kind (an agent's mark). Its chunks share the info, so every reader sees the
   * new kind at once; the filter masks judge its slots again.
   */
  setKind(articleId: string, kind: KnowledgeKind, origin: KnowledgeKindOrigin): void {
    const info = this.articles.get(articleId);
    if (!info) return;
    const changed = info.kind !== kind;
    info.kind = kind;
    info.kindOrigin = origin;
    if (changed) this.filters.changed(this.slotsByArticle.get(articleId) ?? [], info);
  }

  /**
   * The slots a filter of articles accepts, as a mask the full-text scan reads directly. `key` names
   * the filter (the same key, the same predicate); its mask is built on first use and kept in step
   * with every later add, removal and kind change.
   */
  filterMask(key: string, accept: (article: ArticleInfo) => boolean): SlotMask {
    return this.filters.mask(key, accept, this.slots);
  }

  /** The live chunks with their slots, in slot order. */
  *live(): Generator<[number, ChunkInfo]> {
    for (let slot = 0; slot < this.slots.length; slot += 1) {
      const chunk = this.slots[slot];
      if (chunk) yield [slot, chunk];
    }
  }

  /** One past the highest slot ever given. */
  get slotCount(): number {
    return this.slots.length;
  }

  at(slot: number): ChunkInfo | undefined {
    return this.slots[slot];
  }

  slotOf(chunkId: string): number | undefined {
    return this.slotById.get(chunkId);
  }

  articlesOfSource(source: string): ArticleInfo[] {
    return [...this.articles.values()].filter((article) => article.source === source);
  }
}
