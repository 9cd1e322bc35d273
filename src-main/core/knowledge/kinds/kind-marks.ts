import { existsSync, readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import type { KnowledgeKind, KnowledgeKindOrigin } from '../types';

const kindSchema = z.enum(['help-centre', 'playbook']);
const marksSchema = z.object({
  version: z.literal(1),
  /** Marks on one article, by article id: the agent's word on that article. */
  articles: z.record(z.string(), kindSchema),
  /** Marks on a whole source (a folder, the CRM), by source name: apply to its undeclared articles. */
  sources: z.record(z.string(), kindSchema),
});
type MarksFile = z.infer<typeof marksSchema>;

export interface ResolvedKind {
  kind: KnowledgeKind;
  origin: KnowledgeKindOrigin;
}

/**
 * The agent's marks of what is customer-facing, kept in main (the window only asks for a mark).
 * An article mark beats the source's declaration; a source mark only decides undeclared articles.
 */
export class KindMarks {
  private constructor(
    private readonly file: string,
    private readonly data: MarksFile,
  ) {}

  static load(file: string): KindMarks {
    let data: MarksFile = { version: 1, articles: {}, sources: {} };
    if (existsSync(file)) {
      try {
        const parsed = marksSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        if (parsed.success) data = parsed.data;
      } catch {
        // An unreadable marks file leaves every article at its declared kind; the next mark rewrites it.
      }
    }
    return new KindMarks(file, data);
  }

  resolve(articleId: string, source: string, declared: KnowledgeKind | undefined): ResolvedKind {
    const article = this.data.articles[articleId];
    if (article) return { kind: article, origin: 'marked' };
    if (declared) return { kind: declared, origin: 'declared' };
    const bySource = this.data.sources[source];
    if (bySource) return { kind: bySource, origin: 'marked' };
    return { kind: 'playbook', origin: 'default' };
  }

  async markArticle(articleId: string, kind: KnowledgeKind): Promise<void> {
    this.data.articles[articleId] = kind;
    await this.save();
  }

  async markSource(source: string, kind: KnowledgeKind, articleIds: string[]): Promise<void> {
    this.data.sources[source] = kind;
    // A folder mark is the newer word on its articles: earlier per-article marks there give way.
    for (const id of articleIds) delete this.data.articles[id];
    await this.save();
  }

  private async save(): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(this.data), { fsync: true });
  }
}
