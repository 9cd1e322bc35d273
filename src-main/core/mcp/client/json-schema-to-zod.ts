import { z } from 'zod';

/**
 * Converts the common subset of JSON Schema that MCP tools declare (objects, strings, numbers,
 * integers, booleans, arrays, enums, const, anyOf/oneOf, nullable type lists) into zod, so the
 * arguments a model proposes are checked before anything is sent. The schema comes from an
 * untrusted server: depth, breadth and pattern length are capped, unknown constructs become
 * z.unknown() rather than errors, and `__proto__`-style keys are refused.
 */
const maxDepth = 8;
const maxProperties = 100;
const maxEnum = 200;
const maxPattern = 200;
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const count = (value: unknown): number | undefined => {
  const n = finite(value);
  return n !== undefined && n >= 0 && Number.isInteger(n) ? n : undefined;
};

function describe<T extends z.ZodType>(schema: T, source: Json): T {
  return typeof source.description === 'string' ? schema.describe(source.description.slice(0, 500)) : schema;
}

function literalUnion(values: unknown[]): z.ZodType {
  const literals = values.filter((value): value is string | number | boolean | null => value === null || ['string', 'number', 'boolean'].includes(typeof value)).slice(0, maxEnum);
  if (literals.length === 0) return z.never();
  if (literals.length === 1) return z.literal(literals[0] as string);
  const [first, second, ...rest] = literals.map((value) => z.literal(value as string));
  return z.union([first!, second!, ...rest]);
}

function stringSchema(source: Json): z.ZodType {
  let schema = z.string();
  const min = count(source.minLength);
  const max = count(source.maxLength);
  if (min !== undefined) schema = schema.min(min);
  if (max !== undefined) schema = schema.max(max);
  if (typeof source.pattern === 'string' && source.pattern.length <= maxPattern) {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(source.pattern, 'u');
    } catch {
      // A pattern JavaScript cannot compile is not enforced; the server still validates its own input.
    }
    // A server's pattern can backtrack until V8 runs out of stack: that counts as a mismatch, never a crash.
    const test = (value: string): boolean => {
      try {
        return pattern?.test(value) ?? true;
      } catch {
        return false;
      }
    };
    if (pattern) schema = schema.refine(test, `Expected text matching ${source.pattern}`);
  }
  if (source.format === 'date-time') schema = schema.refine((value) => !Number.isNaN(Date.parse(value)), 'Expected an ISO date-time');
  if (source.format === 'email') schema = schema.refine((value) => /^[^\s@]+@[^\s@]+$/.test(value), 'Expected an email address');
  return schema;
}

function numberSchema(source: Json, integer: boolean): z.ZodType {
  let schema = integer ? z.number().int() : z.number();
  const minimum = finite(source.minimum);
  const maximum = finite(source.maximum);
  const exclusiveMinimum = finite(source.exclusiveMinimum);
  const exclusiveMaximum = finite(source.exclusiveMaximum);
  if (minimum !== undefined) schema = schema.min(minimum);
  if (maximum !== undefined) schema = schema.max(maximum);
  if (exclusiveMinimum !== undefined) schema = schema.gt(exclusiveMinimum);
  if (exclusiveMaximum !== undefined) schema = schema.lt(exclusiveMaximum);
  return schema;
}

function objectSchema(source: Json, depth: number): z.ZodType {
  const properties = isObject(source.properties) ? source.properties : {};
  const required = new Set(Array.isArray(source.required) ? source.required.filter((key): key is string => typeof key === 'string') : []);
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(properties).slice(0, maxProperties)) {
    if (forbiddenKeys.has(key)) continue;
    const property = convert(value, depth + 1);
    shape[key] = required.has(key) ? property : property.optional();
  }
  const base = z.object(shape);
  if (source.additionalProperties === false) return base.strict();
  if (isObject(source.additionalProperties)) return base.catchall(convert(source.additionalProperties, depth + 1));
  return base.passthrough();
}

function convertType(type: string, source: Json, depth: number): z.ZodType {
  switch (type) {
    case 'string':
      return stringSchema(source);
    case 'number':
      return numberSchema(source, false);
    case 'integer':
      return numberSchema(source, true);
    case 'boolean':
      return z.boolean();
    case 'null':
      return z.null();
    case 'array': {
      let schema = z.array(convert(source.items, depth + 1));
      const min = count(source.minItems);
      const max = count(source.maxItems);
      if (min !== undefined) schema = schema.min(min);
      if (max !== undefined) schema = schema.max(max);
      return schema;
    }
    case 'object':
      return objectSchema(source, depth);
    default:
      return z.unknown();
  }
}

function union(options: z.ZodType[]): z.ZodType {
  if (options.length === 0) return z.unknown();
  if (options.length === 1) return options[0]!;
  const [first, second, ...rest] = options;
  return z.union([first!, second!, ...rest]);
}

export function convert(source: unknown, depth = 0): z.ZodType {
  if (source === true || source === undefined) return z.unknown();
  if (source === false) return z.never();
  if (!isObject(source) || depth > maxDepth) return z.unknown();
  let schema: z.ZodType;
  if (Array.isArray(source.enum)) schema = literalUnion(source.enum);
  else if ('const' in source) schema = literalUnion([source.const]);
  else if (Array.isArray(source.anyOf) || Array.isArray(source.oneOf)) {
    const options = ((source.anyOf ?? source.oneOf) as unknown[]).slice(0, 20).map((option) => convert(option, depth + 1));
    schema = union(options);
  } else if (Array.isArray(source.type)) {
    schema = union(source.type.filter((type): type is string => typeof type === 'string').slice(0, 7).map((type) => convertType(type, source, depth)));
  } else if (typeof source.type === 'string') schema = convertType(source.type, source, depth);
  else if (isObject(source.properties)) schema = objectSchema(source, depth);
  else schema = z.unknown();
  return describe(schema, source);
}

/** A tool's input schema as a zod object; MCP requires `type: "object"` at the top. */
export function toolInputSchema(inputSchema: unknown): z.ZodObject {
  const source = isObject(inputSchema) ? inputSchema : {};
  const converted = objectSchema({ ...source, type: 'object' }, 0);
  return converted as z.ZodObject;
}
