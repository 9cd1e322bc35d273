import { z } from 'zod';
import type { ArgFieldView } from '../../contract/copilot';

/** Arguments that name a record (the customer, the order, the conversation): shown, never edited. */
const idKey = /(^id$|Id$|_id$)/;

type JsonSchema = { type?: string | string[]; enum?: unknown[]; properties?: Record<string, JsonSchema>; required?: string[]; minimum?: number; maximum?: number; exclusiveMinimum?: number; maxLength?: number; minLength?: number };

function field(key: string, schema: JsonSchema, required: boolean): ArgFieldView {
  if (idKey.test(key)) return { kind: 'readonly' };
  if (Array.isArray(schema.enum) && schema.enum.every((value) => typeof value === 'string')) return { kind: 'choice', options: schema.enum as string[] };
  const type = Array.isArray(schema.type) ? schema.type.find((entry) => entry !== 'null') : schema.type;
  if (type === 'number' || type === 'integer') {
    const min = schema.exclusiveMinimum ?? schema.minimum;
    return { kind: 'number', ...(min !== undefined ? { min } : {}), ...(schema.exclusiveMinimum !== undefined ? { exclusiveMin: true } : {}), ...(schema.maximum !== undefined ? { max: schema.maximum } : {}) };
  }
  if (type === 'boolean') return { kind: 'boolean' };
  if (type === 'object' && schema.properties) return { kind: 'group', fields: fieldsOf(schema) };
  if (type === 'string') return { kind: 'text', required: required && (schema.minLength ?? 0) > 0, ...(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : {}) };
  return { kind: 'readonly' };
}

function fieldsOf(schema: JsonSchema): Record<string, ArgFieldView> {
  const required = new Set(schema.required ?? []);
  return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, inner]) => [key, field(key, inner, required.has(key))]));
}

/** The approval card's fields for a tool, from the same schema that checks the edited arguments. */
export function argFields(schema: z.ZodObject): Record<string, ArgFieldView> {
  try {
    return fieldsOf(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
  } catch {
    return {};
  }
}

/** Which argument an edit failed on, from the schema's first issue; null when the policy (not one field) refused it. */
export function editProblem(schema: z.ZodObject | undefined, args: Record<string, unknown>, reason: string): { field: string | null; message: string } {
  const parsed = schema?.safeParse(args);
  if (parsed && !parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue) return { field: issue.path.map(String).join('.') || null, message: issue.message };
  }
  return { field: null, message: reason };
}
