import { z } from 'zod';

/** Everything the core needs to start, from whichever host runs it. Secrets arrive here already decrypted. */
export const coreConfigSchema = z.strictObject({
  /** The app's data folder: cache database, knowledge index, checkpoints, logs. */
  dataDir: z.string().min(1),
  host: z.enum(['electron', 'web', 'cli', 'test']),
  /** Where the CRM is. With none, the core starts the built-in demo CRM on 127.0.0.1. */
  crm: z
    .strictObject({
      url: z.url(),
      token: z.string().optional(),
      syncIntervalSeconds: z.number().int().min(5).max(86_400).default(60),
    })
    .optional(),
  llm: z
    .strictObject({
      baseUrl: z.url(),
      model: z.string().min(1),
      apiKey: z.string().optional(),
      timeoutMs: z.number().int().min(1_000).max(600_000).default(30_000),
      maxRetries: z.number().int().min(0).max(10).default(2),
    })
    .optional(),
  embeddings: z
    .strictObject({
      baseUrl: z.url(),
      model: z.string().min(1),
      apiKey: z.string().optional(),
    })
    .optional(),
  /** Extra folders of Markdown, HTML, text and PDF articles to index. */
  knowledgeDirs: z.array(z.string()).default([]),
  privacy: z
    .strictObject({
      redactBeforeLlm: z.boolean().default(true),
    })
    .default({ redactBeforeLlm: true }),
  debugLogging: z.boolean().default(false),
});

export type CoreConfigInput = z.input<typeof coreConfigSchema>;
export type CoreConfig = z.output<typeof coreConfigSchema>;

export function parseCoreConfig(input: CoreConfigInput): CoreConfig {
  return coreConfigSchema.parse(input);
}
