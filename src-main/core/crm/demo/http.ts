import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  context?: Record<string, string[]>;
}

/** An error the demo CRM answers in HubSpot's error shape (`Error` in the specs: category, correlationId and message required). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly category: string,
    message: string,
    readonly details: { errors?: ErrorDetail[]; context?: Record<string, string[]>; subCategory?: string; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
  }
}

/** HubSpot's error body: `status: "error"`, a message, a fresh correlation id (uuid) and a category, with details when there are any. */
export function errorBody(status: number, category: string, message: string, details: HttpError['details'] = {}): Record<string, unknown> {
  void status;
  return {
    status: 'error',
    message,
    correlationId: randomUUID(),
    category,
    ...(details.subCategory ? { subCategory: details.subCategory } : {}),
    ...(details.errors ? { errors: details.errors } : {}),
    ...(details.context ? { context: details.context } : {}),
    ...details.extra,
  };
}

export function errorResult(error: HttpError): RouteResult {
  return { status: error.status, body: errorBody(error.status, error.category, error.message, error.details) };
}

export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const maxBodyBytes = 5 * 1024 * 1024;

export async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new HttpError(413, 'VALIDATION_ERROR', 'Body too large');
    chunks.push(chunk as Buffer);
  }
  if (chunks.length === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'VALIDATION_ERROR', 'Body is not JSON');
  }
}

export function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}

export const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const reserved = new Set(['__proto__', 'constructor', 'prototype', 'hs_object_id', 'hs_lastmodifieddate', 'lastmodifieddate']);

/** A request's `properties`: a flat object of scalars, as HubSpot requires. */
export function readProperties(value: unknown): Record<string, string | null> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, 'VALIDATION_ERROR', 'properties must be an object');
  const out: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
  for (const [key, item] of Object.entries(value)) {
    if (reserved.has(key)) continue;
    if (!/^[a-z][a-z0-9_]{0,99}$/.test(key)) throw propertyError([{ name: key.slice(0, 100), error: 'PROPERTY_DOESNT_EXIST', message: `Property "${key.slice(0, 100)}" does not exist` }]);
    if (item !== null && typeof item === 'object') throw propertyError([{ name: key, error: 'INVALID_PROPERTY_VALUE', message: `Property "${key}" must be a string, number or boolean` }]);
    out[key] = item === null || item === undefined ? null : String(item).slice(0, 65_536);
  }
  return { ...out };
}

/** A paging cursor or limit from the query or body: a non-negative integer, or the fallback when absent. */
export function readCount(value: unknown, fallback: number, name: string): number {
  if (value === undefined || value === null || value === '') return fallback;
  const text = String(value);
  if (!/^\d{1,15}$/.test(text)) throw new HttpError(400, 'VALIDATION_ERROR', `${name} must be a non-negative integer`);
  return Number(text);
}

export function readLimit(value: unknown, fallback: number, max: number): number {
  return Math.min(max, Math.max(1, readCount(value, fallback, 'limit')));
}

export function page<T>(items: T[], nextOffset: number | undefined): { results: T[]; paging?: { next: { after: string } } } {
  return { results: items, ...(nextOffset !== undefined ? { paging: { next: { after: String(nextOffset) } } } : {}) };
}

export interface PropertyProblem {
  name: string;
  /** HubSpot's codes: PROPERTY_DOESNT_EXIST, INVALID_OPTION, REQUIRED, INVALID_INTEGER, READ_ONLY_VALUE, ... */
  error: string;
  message: string;
}

/** HubSpot's 400 for bad property values: the message lists every problem, as HubSpot's does, and `errors` carries them one by one. */
export function propertyError(problems: PropertyProblem[]): HttpError {
  const listed = problems.map((problem) => ({ isValid: false, message: problem.message, error: problem.error, name: problem.name }));
  return new HttpError(400, 'VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify(listed)}`, {
    errors: problems.map((problem) => ({ message: problem.message, code: problem.error, context: { propertyName: [problem.name] } })),
  });
}

/** A batch's answer: 200 when every input succeeded, else HubSpot's 207 carrying the errors beside the results. */
export function batchAnswer(results: unknown[], errors: unknown[], startedAt: string): RouteResult {
  const times = { requestedAt: startedAt, startedAt, completedAt: new Date().toISOString() };
  if (errors.length === 0) return { status: 200, body: { status: 'COMPLETE', results, ...times } };
  return { status: 207, body: { status: 'COMPLETE', results, numErrors: errors.length, errors, ...times } };
}
