import { DeltaSnapshot, JsonPlusSerializer, type SerializerProtocol } from '@langchain/langgraph-checkpoint';

/**
 * The checkpoint serializer LangGraph's SqliteSaver uses (JsonPlusSerializer), made fast for plain state and
 * byte-for-byte the same on disk, so files written by either one read with the other.
 *
 * Why it is slow upstream: loading walks the parsed tree with one `await` per node (tens of thousands of
 * microtasks for a 100-turn thread, several ms), and dumping first walks the whole tree looking for cycles.
 * Here loading is a native `JSON.parse`, a synchronous walk only when the text holds a `"lc":` key (the only
 * records the reviver acts on), and the upstream path for LangChain objects (`lc: 1`), whose loader is async.
 * Dumping is a native `JSON.stringify` with the same replacer; a cycle or anything else it refuses goes to the
 * upstream path, which has its own answer for those.
 */
export class FastJsonSerializer implements SerializerProtocol {
  private readonly upstream = new JsonPlusSerializer();

  async dumpsTyped(data: unknown): Promise<[string, Uint8Array]> {
    return this.dumpsTypedSync(data) ?? this.upstream.dumpsTyped(data);
  }

  /**
   * dumpsTyped without a promise, for what native JSON writes (everything but cycles and the like, which
   * return undefined: the caller takes the async upstream path). Plain data (objects, arrays, strings, finite
   * or not numbers, booleans, null) skips the replacer, whose call per value costs more than the walk that
   * proves it would change nothing.
   */
  dumpsTypedSync(data: unknown): [string, Uint8Array] | undefined {
    if (data instanceof Uint8Array) return ['bytes', data];
    let text: string;
    try {
      text = isPlainJson(data, 0) ? JSON.stringify(data) : JSON.stringify(data, (_key, value: unknown) => encodeSpecial(value));
    } catch {
      return undefined;
    }
    return ['json', Buffer.from(text, 'utf8')];
  }

  async loadsTyped(type: string, data: Uint8Array | string): Promise<unknown> {
    if (type !== 'json') return this.upstream.loadsTyped(type, data);
    const text = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
    const parsed: unknown = JSON.parse(text);
    // Only an object key can be followed by a colon in JSON text (a `"lc":` inside a string is escaped).
    if (!LC_KEY.test(text)) return parsed;
    try {
      return reviveSync(parsed);
    } catch (error) {
      if (error instanceof NeedsAsyncLoad) return this.upstream.loadsTyped(type, text);
      throw error;
    }
  }
}

const LC_KEY = /"lc"\s*:/;

/** Deeper than this is walked by the replacer path (a cycle, or data no state holds). */
const PLAIN_DEPTH = 64;

/**
 * True when `JSON.stringify` without the replacer writes exactly what it writes with it: no value the
 * replacer turns into a record (undefined, a Set, Map, RegExp, Error, Uint8Array, DeltaSnapshot, a Send, a
 * class instance), so only plain objects (Object.prototype), arrays and JSON primitives.
 */
function isPlainJson(value: unknown, depth: number): boolean {
  if (value === null) return true;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return true;
  if (type !== 'object' || depth > PLAIN_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) if (!isPlainJson(value[index], depth + 1)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const record = value as Json;
  for (const key in record) if (!isPlainJson(record[key], depth + 1)) return false;
  return true;
}

/** A LangChain serialized object (`lc: 1`) needs `@langchain/core/load`, which is async. */
class NeedsAsyncLoad extends Error {}

type Json = Record<string, unknown>;

/** The replacer of JsonPlusSerializer (its `_default`), the same records in the same shape. */
function encodeSpecial(value: unknown): unknown {
  if (value === undefined) return { lc: 2, type: 'undefined' };
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof DeltaSnapshot) return { lc: 2, type: 'delta_snapshot', value: value.value };
  if (value instanceof Set || value instanceof Map) return constructorRecord(value.constructor.name, null, [Array.from(value as Iterable<unknown>)]);
  if (value instanceof RegExp) return constructorRecord('RegExp', null, [value.source, value.flags]);
  if (value instanceof Error) return constructorRecord('Error', null, [value.message]);
  if (value instanceof Uint8Array) return constructorRecord('Uint8Array', 'from', [Array.from(value)]);
  const send = value as { lg_name?: unknown; node?: unknown; args?: unknown; timeout?: unknown };
  if (send.lg_name === 'Send') return { node: send.node, args: send.args, ...(send.timeout !== undefined ? { timeout: send.timeout } : {}) };
  return value;
}

function constructorRecord(name: string, method: string | null, args: unknown[]): Json {
  return { lc: 2, type: 'constructor', id: [name], method, args, kwargs: {} };
}

/** JsonPlusSerializer's `_reviver`, bottom-up, without an await per node. */
function reviveSync(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(reviveSync);
  const revived: Json = {};
  for (const [key, item] of Object.entries(value as Json)) revived[key] = reviveSync(item);
  if (revived.lc === 2) {
    if (revived.type === 'undefined') return undefined;
    if (revived.type === 'delta_snapshot' && Object.prototype.hasOwnProperty.call(revived, 'value')) return new DeltaSnapshot(revived.value);
    if (revived.type === 'constructor') return reviveConstructor(revived) ?? revived;
  }
  if (revived.lc === 1 && revived.type === 'constructor' && Array.isArray(revived.id)) throw new NeedsAsyncLoad();
  return revived;
}

/** The closed set of constructor records the replacer writes; anything else stays inert data, as upstream. */
function reviveConstructor(record: Json): unknown {
  const id = record.id;
  const name = Array.isArray(id) && id.length === 1 ? id[0] : undefined;
  const noMethod = record.method === undefined || record.method === null;
  const args = Array.isArray(record.args) ? (record.args as unknown[]) : undefined;
  const single = args && args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : undefined;
  if (name === 'Set' && noMethod) return single ? new Set(single) : undefined;
  if (name === 'Map' && noMethod) {
    if (!single || !single.every((entry) => Array.isArray(entry) && entry.length === 2)) return undefined;
    return new Map(single as [unknown, unknown][]);
  }
  if (name === 'RegExp' && noMethod) {
    if (!args || args.length !== 2 || typeof args[0] !== 'string' || typeof args[1] !== 'string') return undefined;
    try {
      return new RegExp(args[0], args[1]);
    } catch {
      return undefined;
    }
  }
  if (name === 'Error' && noMethod) return args && args.length === 1 && typeof args[0] === 'string' ? new Error(args[0]) : undefined;
  if (name === 'Uint8Array' && (noMethod || record.method === 'from')) {
    if (!single || !single.every((item) => typeof item === 'number' && Number.isInteger(item) && item >= 0 && item <= 255)) return undefined;
    return new Uint8Array(single as number[]);
  }
  return undefined;
}
