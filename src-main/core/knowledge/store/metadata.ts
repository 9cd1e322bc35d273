import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const articleEntry = z.object({
  hash: z.string(),
  source: z.string(),
  chunks: z.number().int(),
});

const metadataSchema = z.object({
  version: z.literal(1),
  embeddingModel: z.string(),
  /** Chunks in the table when the offline semantic model was last trained. */
  trainedOnChunks: z.number().int().default(0),
  appendsSinceOptimize: z.number().int().default(0),
  articles: z.record(z.string(), articleEntry),
});

export type IndexMetadata = z.infer<typeof metadataSchema>;
export type ArticleEntry = z.infer<typeof articleEntry>;

export function emptyMetadata(): IndexMetadata {
  return { version: 1, embeddingModel: '', trainedOnChunks: 0, appendsSinceOptimize: 0, articles: {} };
}

export function readMetadata(file: string): IndexMetadata {
  if (!existsSync(file)) return emptyMetadata();
  const parsed = metadataSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : emptyMetadata();
}

/** Written to a temporary file and renamed, so a crash never leaves half a file. */
export function writeMetadata(file: string, metadata: IndexMetadata): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(metadata));
  renameSync(`${file}.tmp`, file);
}
