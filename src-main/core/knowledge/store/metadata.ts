import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';

const articleEntry = z.object({
  hash: z.string(),
  source: z.string(),
  chunks: z.number().int(),
  title: z.string().default(''),
  url: z.string().default(''),
  tags: z.array(z.string()).default([]),
  language: z.string().default('en'),
  /** The kind the source declared; absent when it declared none. */
  declaredKind: z.enum(['help-centre', 'playbook']).optional(),
  topic: z.string().optional(),
  subflows: z.array(z.string()).optional(),
});

/** Bumped when what is stored per chunk changes (2: Snowball terms, kind and language columns): older indexes are rebuilt. */
export const currentSchema = 2;

const metadataSchema = z.object({
  version: z.literal(1),
  schema: z.number().int().default(1),
  embeddingModel: z.string(),
  /** Chunks in the table when the offline semantic model was last trained. */
  trainedOnChunks: z.number().int().default(0),
  appendsSinceOptimize: z.number().int().default(0),
  /** Before the articles moved to the store (migration 007), their entries were listed here: read once, to import them. */
  articles: z.record(z.string(), articleEntry).optional(),
});

/** The index's own state; the articles' entries are in the store. */
export type IndexMetadata = Omit<z.infer<typeof metadataSchema>, 'articles'>;
export type ArticleEntry = z.infer<typeof articleEntry>;

export function emptyMetadata(): IndexMetadata {
  return { version: 1, schema: currentSchema, embeddingModel: '', trainedOnChunks: 0, appendsSinceOptimize: 0 };
}

export function readMetadata(file: string): { metadata: IndexMetadata; legacyArticles?: Record<string, ArticleEntry> } {
  if (!existsSync(file)) return { metadata: emptyMetadata() };
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) return { metadata: emptyMetadata() };
    const { articles, ...metadata } = parsed.data;
    return { metadata, ...(articles ? { legacyArticles: articles } : {}) };
  } catch {
    return { metadata: emptyMetadata() };
  }
}

/** Written whole or not at all (write-file-atomic: a unique temporary file, fsync, rename). */
export function writeMetadata(file: string, metadata: IndexMetadata): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic.sync(file, JSON.stringify(metadata), { fsync: true });
}
