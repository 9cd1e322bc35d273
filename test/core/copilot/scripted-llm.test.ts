import { tool } from '@langchain/core/tools';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startScriptedLlm, type ScriptedLlm } from '../../fixtures/scripted-llm/server';

let llm: ScriptedLlm;
const model = () => new ChatOpenAI({ model: 'scripted', apiKey: 'sk-test', maxRetries: 0, configuration: { baseURL: llm.url, maxRetries: 0 } });
const refund = tool(async () => 'ok', { name: 'request_refund', description: 'refund', schema: z.object({ orderId: z.string(), amount: z.number() }) });

beforeAll(async () => {
  llm = await startScriptedLlm();
});
afterAll(async () => {
  await llm.close();
});

// The fixture every copilot test leans on: it must speak the protocol the real client expects.
describe('scripted OpenAI-compatible server', () => {
  it('answers plain completions with text and tool calls, and records the request bodies', async () => {
    llm.push({ text: 'Hello there.' }, { toolCalls: [{ id: 'call_a', name: 'request_refund', args: { orderId: '42', amount: 9.5 } }] });
    expect((await model().invoke('hi')).content).toBe('Hello there.');
    const called = await model().bindTools([refund]).invoke('refund order 42');
    expect(called.tool_calls).toEqual([expect.objectContaining({ id: 'call_a', name: 'request_refund', args: { orderId: '42', amount: 9.5 } })]);
    expect(llm.requests.at(-1)?.tools?.[0]?.function.name).toBe('request_refund');
  });

  it('streams text word by word and parallel tool calls as argument deltas, ending with [DONE]', async () => {
    llm.push({ text: 'one two three four', toolCalls: [{ id: 'call_b', name: 'request_refund', args: { orderId: '1', amount: 1 } }, { id: 'call_c', name: 'request_refund', args: { orderId: '2', amount: 2 } }] });
    const pieces: string[] = [];
    let merged;
    for await (const chunk of await model().bindTools([refund]).stream('go')) {
      if (typeof chunk.content === 'string' && chunk.content) pieces.push(chunk.content);
      merged = merged ? merged.concat(chunk) : chunk;
    }
    expect(pieces).toEqual(['one ', 'two ', 'three ', 'four']);
    expect(merged?.tool_calls?.map((call) => [call.id, call.args])).toEqual([
      ['call_b', { orderId: '1', amount: 1 }],
      ['call_c', { orderId: '2', amount: 2 }],
    ]);
    expect(llm.requests.at(-1)?.stream).toBe(true);
    const raw = await fetch(`${llm.url}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'x', stream: true, messages: [] }) });
    expect((await raw.text()).trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('answers with an error status when scripted to, and after a delay', async () => {
    llm.push({ status: 429 }, { text: 'late', delayMs: 150 });
    await expect(model().invoke('hi')).rejects.toThrow(/429/);
    const started = Date.now();
    expect((await model().invoke('hi')).content).toBe('late');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('serves embeddings of a fixed size for any input', async () => {
    const embeddings = new OpenAIEmbeddings({ model: 'scripted-embed', apiKey: 'sk-test', configuration: { baseURL: llm.url } });
    const vectors = await embeddings.embedDocuments(['a', 'longer text']);
    expect(vectors.map((vector) => vector.length)).toEqual([16, 16]);
    expect(vectors[0]).not.toEqual(vectors[1]);
    expect(llm.embeddingRequests).toHaveLength(1);
  });
});
