import { describe, expect, it } from 'vitest';
import type { ScriptedLlm } from '../../fixtures/scripted-llm/server';
import { useScriptedWorkspace } from '../../fixtures/copilot-workspace';

const scripted = useScriptedWorkspace({ reply: 'Noted.' });

const systemOf = (request: ScriptedLlm['requests'][number] | undefined): string => JSON.stringify(request?.messages.filter((message) => message.role === 'system') ?? []);

// The model's draft, through the real @langchain/openai client against the scripted OpenAI-compatible server.
describe('the draft prompt', () => {
  it("carries the case, the kinds of passages, the next step, and the customer's language", async () => {
    const copilot = await scripted.workspace().open({ baseUrl: scripted.llm().url, model: 'scripted', maxRetries: 0 });
    const before = scripted.llm().requests.length;
    scripted.llm().push({ text: 'Claro, le ayudo con la devolución.' });
    const turn = await copilot.handleCustomerMessage('draft-prompt-es', 'Hola, quiero devolver una chaqueta porque el color no es el de la foto');
    const draft = scripted.llm().requests.slice(before).find((request) => !request.tools?.length);
    const system = systemOf(draft);
    expect(system).toContain('Reply in Spanish');
    expect(system).toMatch(/<case>\\nWants: /);
    expect(system).toContain('Identity: ');
    expect(system).toMatch(/\(help-centre, customer-facing\)/);
    expect(system).toMatch(/The move this reply should make: (ask|answer|confirm|close)/);
    expect(turn.suggestions[0]).toMatchObject({ source: 'llm', language: 'es', text: 'Claro, le ayudo con la devolución.' });
    // The offline drafts beside it are Spanish too.
    expect(turn.suggestions.slice(1).every((suggestion) => suggestion.language === 'es')).toBe(true);
  }, 60_000);

  it('tells the model not to greet again once the conversation is under way', async () => {
    const copilot = await scripted.workspace().open({ baseUrl: scripted.llm().url, model: 'scripted', maxRetries: 0 });
    await copilot.handleCustomerMessage('draft-prompt-en', 'Hi, my jeans arrived too big, can I return them?');
    const before = scripted.llm().requests.length;
    await copilot.handleCustomerMessage('draft-prompt-en', 'they are from order 3348917502');
    const draft = scripted.llm().requests.slice(before).find((request) => !request.tools?.length);
    expect(systemOf(draft)).toContain('Do not greet again.');
    expect(systemOf(draft)).toContain('Reply in English');
  }, 60_000);
});
