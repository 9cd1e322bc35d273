import type { z } from 'zod';
import type { RejectedRecord } from '../connector';
import type { FastCheck } from './fast-checks';
import { pageSchema } from './schemas';

export function idOf(raw: unknown): string | null {
  return raw && typeof raw === 'object' && 'id' in raw && typeof (raw as { id: unknown }).id === 'string' ? (raw as { id: string }).id.slice(0, 200) : null;
}

export function parsePage(body: unknown): z.infer<typeof pageSchema> {
  const page = pageSchema.safeParse(body);
  if (!page.success) throw new Error('The CRM answered a page in an unexpected shape.');
  return page.data;
}

/** The reasons zod gives, the first three, in the words the quarantine shows. */
export function reasonOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
    .join('; ');
}

/**
 * A record the schema accepts and maps; otherwise the reason, kept with the raw record for quarantine.
 * With `accepts`, a record it passes is mapped as it is and zod runs only on the others.
 */
export function validate<T>(raw: unknown, schema: z.ZodType, map: (value: never) => T, accepts?: FastCheck): { ok: true; value: T } | { ok: false; rejected: RejectedRecord } {
  if (accepts?.(raw)) {
    try {
      return { ok: true, value: map(raw as never) };
    } catch (error) {
      return { ok: false, rejected: { recordId: idOf(raw), reason: error instanceof Error ? error.message : String(error), raw } };
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, rejected: { recordId: idOf(raw), reason: reasonOf(parsed.error), raw } };
  }
  try {
    return { ok: true, value: map(parsed.data as never) };
  } catch (error) {
    return { ok: false, rejected: { recordId: idOf(raw), reason: error instanceof Error ? error.message : String(error), raw } };
  }
}
