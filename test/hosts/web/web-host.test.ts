import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../../src-main/core/contract/index';
import { EventBus } from '../../../src-main/core/events/event-bus';
import { silentLogger } from '../../../src-main/core/log/logger';
import { startWebHost, type WebHost } from '../../../src-main/hosts/web/server';
import { spyHandlers } from '../../fixtures/spy-handlers';
import { connect, type TestSocket } from '../../fixtures/ws-client';

const spies = spyHandlers();
const events = new EventBus();
let host: WebHost;
let rendererDir: string;
let origin: string;
let socket: TestSocket;
let nextId = 1;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'copilot-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startWebHost({ core: { handlers: spies.handlers, events, logger: silentLogger }, rendererDir });
  origin = `http://127.0.0.1:${host.port}`;
  socket = await connect(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, origin);
});

afterAll(async () => {
  socket?.close();
  await host?.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

function shapeKeys(method: (typeof methodNames)[number]): string[] {
  const schema = contract[method].input as unknown as { shape?: Record<string, unknown> };
  return Object.keys(schema.shape ?? {});
}

async function call(method: string, inputJson: string): Promise<ReturnType<TestSocket['send']>> {
  const id = nextId++;
  return socket.send(`{"kind":"call","id":${id},"method":${JSON.stringify(method)},"input":${inputJson}}`, id);
}

/** GET / with a chosen Host header (fetch cannot set it). */
function pageStatus(hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: hostHeader } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('web host connection guard', () => {
  it('refuses a connection without the token or with a wrong one', async () => {
    await expect(connect(`ws://127.0.0.1:${host.port}/ws`, origin)).rejects.toThrow(/403/);
    await expect(connect(`ws://127.0.0.1:${host.port}/ws?token=wrong`, origin)).rejects.toThrow(/403/);
  });

  it('refuses non-loopback and foreign origins, and a missing origin', async () => {
    const url = `ws://127.0.0.1:${host.port}/ws?token=${host.token}`;
    for (const bad of ['http://evil.example', 'http://192.168.1.5:' + host.port, 'http://127.0.0.1:1', 'https://127.0.0.1:' + host.port, 'null']) {
      await expect(connect(url, bad)).rejects.toThrow(/403/);
    }
    await expect(connect(url, undefined)).rejects.toThrow(/403/);
  });

  it('refuses a repeated token parameter, whichever copy is right', async () => {
    for (const query of [`token=${host.token}&token=wrong`, `token=wrong&token=${host.token}`, `token=${host.token}&token=${host.token}`]) {
      await expect(connect(`ws://127.0.0.1:${host.port}/ws?${query}`, origin)).rejects.toThrow(/403/);
    }
  });

  it('refuses a Host header that is not this loopback address and port (DNS rebinding)', async () => {
    const url = `ws://127.0.0.1:${host.port}/ws?token=${host.token}`;
    for (const bad of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:1`, `192.168.1.5:${host.port}`, `localhost.evil.example:${host.port}`]) {
      await expect(connect(url, origin, { host: bad })).rejects.toThrow(/403/);
      expect(await pageStatus(bad)).toBe(403);
    }
    expect(await pageStatus(`127.0.0.1:${host.port}`)).toBe(200);
    expect(await pageStatus(`localhost:${host.port}`)).toBe(200);
  });

  it('accepts the page on localhost as well as 127.0.0.1', async () => {
    const other = await connect(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, `http://localhost:${host.port}`);
    other.close();
  });

  it('serves the renderer with a strict content security policy and refuses path escapes', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect((await fetch(`${origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
  });
});

describe('every contract method refuses malformed input before its handler runs', () => {
  it('answers wrong types, missing fields, extra fields and junk with INVALID_INPUT', async () => {
    for (const method of methodNames) {
      const schema = contract[method].input;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.anything(),
            fc.dictionary(fc.string(), fc.anything()),
            fc.record({ unexpectedField: fc.anything() }),
          ),
          async (value) => {
            const text = JSON.stringify(value ?? null) ?? 'null';
            if (schema.safeParse(JSON.parse(text)).success) return;
            const before = spies.calls.length;
            const result = await call(method, text);
            expect(result.envelope.ok).toBe(false);
            if (!result.envelope.ok) expect(result.envelope.error.code).toBe('INVALID_INPUT');
            expect(spies.calls.length).toBe(before);
          },
        ),
        { numRuns: 40 },
      );
    }
  });

  it('refuses __proto__ keys without polluting any prototype', async () => {
    for (const method of methodNames) {
      const keys = shapeKeys(method);
      const inputs = [
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        `{${keys.map((key) => `${JSON.stringify(key)}:{"__proto__":{"polluted":true}}`).join(',')}}`,
      ];
      for (const input of inputs) {
        const result = await call(method, input);
        if (keys.length > 0 || input.startsWith('{"__proto__"') || input.startsWith('{"constructor"')) {
          expect(result.envelope.ok).toBe(false);
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(spies.calls.filter((entry) => JSON.stringify(entry.input).includes('polluted'))).toEqual([]);
  });

  it('refuses 10 MB strings in every field and keeps serving', async () => {
    const huge = JSON.stringify('x'.repeat(10 * 1024 * 1024));
    for (const method of methodNames) {
      const keys = shapeKeys(method);
      const inputs = keys.length > 0 ? keys.map((key) => `{${JSON.stringify(key)}:${huge}}`) : [huge];
      for (const input of inputs) {
        const before = spies.calls.length;
        const result = await call(method, input);
        expect(result.envelope.ok, `${method} ${input.slice(0, 30)}`).toBe(false);
        expect(spies.calls.length).toBe(before);
      }
    }
    const result = await call('app.echo', '{"text":"still here"}');
    expect(result.envelope).toEqual({ ok: true, value: {} });
  });

  it('answers an unknown method and a broken frame with typed errors', async () => {
    const unknown = await call('fs.readFile', '{}');
    expect(unknown.envelope.ok).toBe(false);
    if (!unknown.envelope.ok) expect(unknown.envelope.error.code).toBe('UNKNOWN_METHOD');
    const broken = await socket.send('{not json', -1);
    expect(broken.envelope.ok).toBe(false);
    const stillServing = await call('app.info', '{}');
    expect(stillServing.envelope.ok).toBe(true);
  });
});
