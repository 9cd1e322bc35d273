import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMcpHub,
  createMemorySecretStore,
  createMemorySettingsStore,
  jsonSchemaToZod,
  McpToolError,
  readToolOutput,
  toolInputSchema,
} from '../../../src-main/core/mcp/client/index';
import { HostileTransport, validInitialize, type Reply } from './hostile-server';

const protoBomb = (): unknown => JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}');
const huge = 'A'.repeat(1_500_000);
const hiddenTags = `ok${String.fromCodePoint(0xe0049, 0xe0047, 0xe004e)}\u200B done`;

const junk = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constant(null),
  fc.constant(huge),
  fc.constant(undefined),
  fc.constant(0).map(protoBomb),
);

const schemaArb = fc.oneof(
  junk,
  fc.record({ type: fc.constant('object'), properties: fc.dictionary(fc.oneof(fc.string(), fc.constant('__proto__')), fc.oneof(junk, fc.record({ type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'array', 'object', 'null', 'bogus'), pattern: fc.oneof(fc.string(), fc.constant('(')), minimum: junk, enum: fc.array(junk, { maxLength: 3 }) })), { maxKeys: 4 }), required: fc.oneof(junk, fc.array(fc.string(), { maxLength: 3 })) }),
);

const toolArb = fc.oneof(
  { weight: 1, arbitrary: junk },
  { weight: 4, arbitrary: fc.record({ name: fc.constantFrom('lookup', 'track_shipment', 'get-2'), description: fc.oneof(fc.constant(huge), fc.constant(hiddenTags), fc.string()), inputSchema: schemaArb }) },
  fc.record(
    {
      name: fc.oneof(fc.constantFrom('lookup', 'track_shipment', 'a'.repeat(100), 'bad name!', '', '__proto__'), fc.string(), junk),
      description: fc.oneof(fc.string(), fc.constant(huge), fc.constant(hiddenTags), junk),
      inputSchema: schemaArb,
      annotations: fc.oneof(junk, fc.record({ readOnlyHint: fc.oneof(fc.boolean(), junk) })),
    },
    { requiredKeys: [] },
  ),
);

const contentArb = fc.oneof(
  junk,
  fc.record({ type: fc.constant('text'), text: fc.oneof(fc.string(), fc.constant(huge), fc.constant(hiddenTags), junk) }),
  fc.record({ type: fc.constantFrom('image', 'resource', 'resource_link', 'audio', 'weird'), data: junk, uri: junk, resource: junk }),
);

const listReply: fc.Arbitrary<Reply> = fc.oneof(
  fc.record({ kind: fc.constant('result' as const), value: fc.record({ tools: fc.array(toolArb, { minLength: 1, maxLength: 6 }) }) }),
  fc.record({ kind: fc.constant('result' as const), value: fc.record({ tools: fc.array(toolArb, { minLength: 1, maxLength: 6 }) }) }),
  fc.record({ kind: fc.constant('result' as const), value: fc.record({ tools: fc.array(toolArb, { minLength: 1, maxLength: 6 }) }) }),
  fc.record({ kind: fc.constant('result' as const), value: fc.record({ tools: fc.oneof(fc.array(toolArb, { maxLength: 6 }), junk), nextCursor: fc.oneof(fc.constant(undefined), junk) }, { requiredKeys: ['tools'] }) }),
  fc.record({ kind: fc.constant('result' as const), value: junk }),
  fc.record({ kind: fc.constant('error' as const), value: fc.oneof(junk, fc.record({ code: fc.integer(), message: fc.string() })) }),
  fc.record({ kind: fc.constant('raw' as const), value: junk }),
);

const wellFormedCall = fc.record({ kind: fc.constant('result' as const), value: fc.record({ content: fc.array(fc.record({ type: fc.constant('text'), text: fc.oneof(fc.string(), fc.constant(huge), fc.constant(hiddenTags)) }), { minLength: 1, maxLength: 3 }) }) });
const callReply: fc.Arbitrary<Reply> = fc.oneof(
  wellFormedCall,
  wellFormedCall,
  wellFormedCall,
  fc.record({ kind: fc.constant('result' as const), value: fc.record({ content: fc.oneof(fc.array(contentArb, { maxLength: 4 }), junk), isError: fc.oneof(fc.boolean(), junk), structuredContent: junk }, { requiredKeys: [] }) }),
  fc.record({ kind: fc.constant('result' as const), value: junk }),
  fc.record({ kind: fc.constant('error' as const), value: fc.oneof(junk, fc.record({ code: fc.integer(), message: fc.oneof(fc.string(), fc.constant(huge)) })) }),
  fc.record({ kind: fc.constant('raw' as const), value: junk }),
  fc.constant({ kind: 'silence' as const }),
);

const initReply: fc.Arbitrary<Reply> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'result' as const, value: validInitialize }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('result' as const), value: junk }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'silence' as const }) },
);

describe('fuzzed MCP responses never crash the client', () => {
  it('readToolOutput turns anything into bounded, clean text', () => {
    fc.assert(
      fc.property(fc.oneof(junk, fc.record({ content: fc.array(contentArb, { maxLength: 5 }), structuredContent: junk, isError: junk }, { requiredKeys: [] })), (value) => {
        const output = readToolOutput(value);
        expect(typeof output.text).toBe('string');
        expect(output.text.length).toBeLessThanOrEqual(8_000 + '\n[truncated]'.length);
        expect(output.text).not.toMatch(/[\u200B\u{E0000}-\u{E007F}]/u);
      }),
      { numRuns: 400 },
    );
  });

  it('the JSON-Schema converter accepts any schema and any arguments without throwing', () => {
    fc.assert(
      fc.property(schemaArb, junk, (schema, args) => {
        const zod = toolInputSchema(schema);
        zod.safeParse(args);
        jsonSchemaToZod(schema).safeParse(args);
      }),
      { numRuns: 400 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a server pattern that overflows the regex engine rejects the argument instead of throwing', () => {
    const schema = toolInputSchema({ type: 'object', properties: { id: { type: 'string', pattern: '^(?:[a-z]|_(?!_))*$' } } });
    expect(schema.safeParse({ id: 'a'.repeat(10_000_000) }).success).toBe(false);
    expect(schema.safeParse({ id: 'ab_c' }).success).toBe(true);
  });

  it('a hub connected to a hostile server stays up, lists only usable tools and fails calls with McpToolError', async () => {
    // Counted so the property cannot pass by never getting past the handshake.
    const seen = { ready: 0, outputs: 0, errors: 0 };
    await fc.assert(
      fc.asyncProperty(initReply, listReply, fc.array(callReply, { minLength: 1, maxLength: 3 }), async (init, list, calls) => {
        let call = 0;
        const hub = createMcpHub({
          settings: createMemorySettingsStore(),
          secrets: createMemorySecretStore(),
          createTransport: () =>
            new HostileTransport((method) => {
              if (method === 'initialize') return init;
              if (method === 'tools/list') return list;
              if (method === 'tools/call') return calls[call++ % calls.length]!;
              return { kind: 'error', value: { code: -32601, message: 'no' } };
            }),
        });
        try {
          const summary = await hub.addServer({ id: 'hostile', name: 'Hostile', transport: { type: 'stdio', command: 'unused' }, timeoutMs: 500 });
          expect(['ready', 'error']).toContain(summary.state);
          if (summary.state === 'ready' && summary.tools.length > 0) seen.ready += 1;
          for (const tool of hub.tools()) {
            expect(tool.qualifiedName).toMatch(/^hostile__[A-Za-z0-9_-]+$/);
            expect(tool.qualifiedName.length).toBeLessThanOrEqual(64);
            expect(tool.description.length).toBeLessThanOrEqual(1_000);
            expect(tool.sideEffect).toBe(true);
          }
          const names = [...hub.tools().map((tool) => tool.qualifiedName).slice(0, 2), 'hostile__missing'];
          for (const name of names) {
            try {
              // Arguments the tool's own schema accepts, where the converter can produce some.
              const output = await hub.call(name, {}).catch((error: unknown) => {
                if (error instanceof McpToolError && error.code === 'INVALID_ARGS') return hub.call(name, { x: 1 });
                throw error;
              });
              expect(typeof output.text).toBe('string');
              expect(output.text.length).toBeLessThanOrEqual(8_000 + '\n[truncated]'.length);
              seen.outputs += 1;
            } catch (error) {
              expect(error).toBeInstanceOf(McpToolError);
              seen.errors += 1;
            }
          }
        } finally {
          await hub.close();
        }
      }),
      { numRuns: 60 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(seen.ready).toBeGreaterThan(3);
    expect(seen.outputs).toBeGreaterThan(3);
    expect(seen.errors).toBeGreaterThan(3);
  }, 120_000);
});
