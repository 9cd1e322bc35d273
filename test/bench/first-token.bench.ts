import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { WireCall, WireEvent, WireResult } from '../../src-main/core/contract/bridge';
import { createCore } from '../../src-main/core/core';
import { silentLogger } from '../../src-main/core/log/logger';
import { startWebHost } from '../../src-main/hosts/web/server';
import { startScriptedLlm } from '../fixtures/scripted-llm/server';
import { percentiles, type Benchmark } from './harness';

const llmDelayMs = 200;
const iterations = Number(process.env.FIRST_TOKEN_TURNS ?? 30);
const warmup = 3;
const reply = 'I am sorry the size was wrong. You can return it within 30 days for a full refund [policy-returns].';

/**
 * From a customer message reaching the core to the first suggestion token arriving at the renderer's
 * WebSocket client, with a scripted LLM that answers after 200 ms. Baseline: the same scripted server
 * streamed directly with fetch, i.e. the 200 ms plus HTTP; the difference is the copilot's overhead.
 */
const bench: Benchmark = {
  name: 'first-token',
  async run() {
    const llm = await startScriptedLlm([], { fallback: () => ({ text: reply, delayMs: llmDelayMs }) });
    const dataDir = mkdtempSync(join(tmpdir(), 'copilot-first-token-'));
    // The page itself is not measured; the host only needs something to serve.
    writeFileSync(join(dataDir, 'index.html'), '<!doctype html><title>bench</title>');
    const core = await createCore({ dataDir, host: 'web', llm: { baseUrl: llm.url, model: 'scripted', maxRetries: 0 } }, { logger: silentLogger });
    const host = await startWebHost({ core, rendererDir: dataDir });
    await core.start();
    const origin = new URL(host.url).origin;
    const socket = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${host.token}`, { origin });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const firstToken = new Map<string, () => void>();
    const results = new Map<number, (result: WireResult) => void>();
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as WireEvent | WireResult;
      if (frame.kind === 'result') results.get(frame.id)?.(frame);
      else if (frame.event === 'copilot.token') firstToken.get((frame.payload as { conversationId: string }).conversationId)?.();
    });
    let nextId = 1;
    const call = (method: string, input: unknown): Promise<WireResult> =>
      new Promise((resolve) => {
        const id = nextId++;
        results.set(id, resolve);
        socket.send(JSON.stringify({ kind: 'call', id, method, input } satisfies WireCall));
      });

    const copilotSamples: number[] = [];
    for (let index = 0; index < iterations + warmup; index += 1) {
      const conversationId = `first-token-${index}`;
      const start = performance.now();
      const tokenSeen = new Promise<number>((resolve) => firstToken.set(conversationId, () => resolve(performance.now())));
      const result = call('copilot.turn', { conversationId, text: 'Hi, the shoes I ordered are the wrong size, can I return them?' });
      const seen = await Promise.race([tokenSeen, result.then((frame) => Promise.reject(new Error(`turn ended without a token: ${JSON.stringify(frame.envelope).slice(0, 300)}`)))]);
      await result;
      firstToken.delete(conversationId);
      if (index >= warmup) copilotSamples.push(seen - start);
    }

    const directSamples: number[] = [];
    for (let index = 0; index < iterations + warmup; index += 1) {
      const start = performance.now();
      const response = await fetch(`${llm.url}/chat/completions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: 'scripted', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
      });
      const reader = response.body?.getReader();
      let first = Number.NaN;
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        if (Number.isNaN(first) && new TextDecoder().decode(chunk.value).includes('"content":"I ')) first = performance.now();
      }
      if (index >= warmup) directSamples.push(first - start);
    }
    socket.close();
    await host.close();
    await core.dispose();
    await llm.close();
    rmSync(dataDir, { recursive: true, force: true });
    const subject = percentiles(copilotSamples);
    const baseline = percentiles(directSamples);
    return {
      name: 'first-token',
      figures: [
        {
          label: 'message to first token at client',
          unit: 'ms',
          subject,
          baselineLabel: `scripted LLM streamed directly (${llmDelayMs} ms delay)`,
          baseline,
          extra: { overheadP50: subject.p50 - baseline.p50, overheadP95: subject.p95 - baseline.p95 },
        },
      ],
    };
  },
};

export default bench;
