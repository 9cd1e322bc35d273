import { afterEach, describe, expect, it } from 'vitest';
import { DemoGenerator, abcdCustomers } from '../../../src-main/core/crm/demo/index';
import { createRedactor } from '../../../src-main/core/language/index';
import { seededPiiIn, takeRecorded } from '../../fixtures/scripted-llm/outbound-audit';
import { startScriptedLlm } from '../../fixtures/scripted-llm/server';

// This file sends seeded values on purpose: what it recorded is cleared after each test, so the suite-wide
// check (audit-setup.ts) judges only the other files.
afterEach(() => void takeRecorded());

describe('the suite-wide check for seeded PII in LLM requests', () => {
  const generated = new DemoGenerator(3, 40).contact(17).properties;
  const abcd = abcdCustomers[0];

  it('finds a seeded email, phone and address in what a scripted server received, in the usual respellings', async () => {
    const llm = await startScriptedLlm();
    try {
      const phoneDigits = String(generated.phone).replace(/\D/g, '');
      const leaked = `write to ${String(generated.email).toUpperCase()} or call +1${phoneDigits}; I live at ${String(generated.address)}; also ${abcd?.email}`;
      await fetch(`${llm.url}/chat/completions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: leaked }] }) });
      const bodies = takeRecorded();
      expect(bodies).toHaveLength(1);
      const found = seededPiiIn(bodies[0]?.body ?? '');
      expect(found).toEqual(expect.arrayContaining([String(generated.email).toUpperCase(), `+1${phoneDigits}`, String(generated.address), abcd?.email]));
    } finally {
      await llm.close();
    }
  });

  it('finds nothing once the same text went through the redactor with the customer known', () => {
    const redactor = createRedactor();
    redactor.addKnownValues({ emails: [String(generated.email)], phones: [String(generated.phone)], addresses: [String(generated.address)] });
    const text = `write to ${String(generated.email)} or call ${String(generated.phone)}; I live at ${String(generated.address)}`;
    expect(seededPiiIn(text).length).toBe(3);
    expect(seededPiiIn(redactor.redact(text))).toEqual([]);
  });
});
