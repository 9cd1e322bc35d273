import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCoreConfig, type CoreConfigInput } from '../../../src-main/core/config';
import { contract } from '../../../src-main/core/contract/index';
import { createLlmHandlers } from '../../../src-main/core/copilot/llm-handlers';
import { startScriptedLlm, type ScriptedLlm } from '../../fixtures/scripted-llm/server';

const storedKey = 'sk-stored-key-7f3a9c';

describe('copilot.testLlm: "Test connection" for the language model', () => {
  let llm: ScriptedLlm;
  let elsewhere: ScriptedLlm;
  let dataDir: string;
  const handlers = (llmConfig?: CoreConfigInput['llm']) => createLlmHandlers(parseCoreConfig({ dataDir, host: 'test', ...(llmConfig ? { llm: llmConfig } : {}) }));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'copilot-llm-test-'));
    llm = await startScriptedLlm();
    elsewhere = await startScriptedLlm();
  });
  afterAll(async () => {
    await llm.close();
    await elsewhere.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reaches the configured model with the stored key and says how long it took', async () => {
    llm.push({ text: 'OK' });
    const result = await handlers({ baseUrl: `${llm.url}/v1`, model: 'support-model', apiKey: storedKey })['copilot.testLlm']({});
    expect(result).toMatchObject({ ok: true, model: 'support-model' });
    expect(result.message).toMatch(/support-model answered in \d+ ms/);
    expect(llm.authorizations.at(-1)).toBe(`Bearer ${storedKey}`);
  });

  it('explains a refused key in plain words and never echoes it', async () => {
    llm.push({ status: 401 });
    const result = await handlers({ baseUrl: `${llm.url}/v1`, model: 'support-model', apiKey: storedKey })['copilot.testLlm']({ apiKey: 'sk-typed-but-wrong' });
    expect(result).toMatchObject({ ok: false, message: 'The language model refused the API key.' });
    expect(result.hint).toMatch(/Settings/);
    expect(JSON.stringify(result)).not.toMatch(/sk-/);
    expect(llm.authorizations.at(-1)).toBe('Bearer sk-typed-but-wrong');
  });

  it('never sends the stored key to another server', async () => {
    elsewhere.push({ text: 'OK' });
    const result = await handlers({ baseUrl: `${llm.url}/v1`, model: 'support-model', apiKey: storedKey })['copilot.testLlm']({ baseUrl: `${elsewhere.url}/v1` });
    expect(result.ok).toBe(true);
    expect(elsewhere.authorizations.at(-1)).not.toContain(storedKey);
  });

  it('names an unreachable server, a slow one and a missing configuration, with a way forward', async () => {
    const unreachable = await handlers()['copilot.testLlm']({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm' });
    expect(unreachable).toMatchObject({ ok: false, message: 'The language model server cannot be reached.' });
    llm.push({ text: 'late', delayMs: 3_000 });
    const slow = await handlers({ baseUrl: `${llm.url}/v1`, model: 'm', timeoutMs: 1_000 })['copilot.testLlm']({});
    expect(slow).toMatchObject({ ok: false, message: 'The language model did not answer in time.' });
    const none = await handlers()['copilot.testLlm']({});
    expect(none).toMatchObject({ ok: false, message: 'No language model is configured.' });
  }, 20_000);

  it('refuses other schemes and extra fields before any request is made', () => {
    const input = contract['copilot.testLlm'].input;
    expect(input.safeParse({ baseUrl: 'file:///etc/passwd' }).success).toBe(false);
    expect(input.safeParse({ baseUrl: 'http://127.0.0.1:1/v1', extra: 1 }).success).toBe(false);
    expect(input.safeParse({ baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' }).success).toBe(true);
  });
});
