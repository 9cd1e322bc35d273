import { describe, expect, it } from 'vitest';
import { useScriptedWorkspace } from '../../fixtures/copilot-workspace';

const scripted = useScriptedWorkspace();
const settings = scripted.settings;

/** A linked thread, and the two identifiers that verify its customer (the change flows verify identity first). */
function thread(index: number): { id: string; customerId: string; email: string; phone: string; verify: string } {
  const id = String(8_000_000_000 + index);
  const customerId = scripted.workspace().db.conversations.get(id)?.contactId ?? '';
  const customer = scripted.workspace().db.customers.get(customerId);
  return { id, customerId, email: customer?.email ?? '', phone: customer?.phone ?? '', verify: `I'm ${customer?.firstName ?? ''} ${customer?.lastName ?? ''}, my email is ${customer?.email ?? ''}.` };
}

describe('a change ticket the model proposes', () => {
  it('is blocked, with what to ask, while the new phone number is not known', async () => {
    const copilot = await scripted.workspace().open(settings());
    const linked = thread(11);
    scripted.llm().push({ text: 'I can update that.' }, { toolCalls: [{ id: 'call_phone_blank', name: 'create_ticket', args: { customerId: linked.customerId, subject: 'Update the account phone number', content: 'The customer wants to change the phone number on the account.', priority: 'MEDIUM' } }] });
    const turn = await copilot.handleCustomerMessage(linked.id, `I need to change the phone number on my account. ${linked.verify}`);
    expect(turn.caseState.request?.subflow).toBe('manage_change_phone');
    expect(turn.caseState.identity.status, JSON.stringify([linked.verify, turn.caseState.identity])).toBe('verified');
    const ticket = turn.actions.find((action) => action.id === 'call_phone_blank');
    expect(ticket).toMatchObject({ status: 'blocked', policy: 'blocked' });
    expect(ticket?.policyReason).toMatch(/new phone number is not known yet.*ask the customer for it/i);
  }, 60_000);

  it('is blocked when the only number it carries is the one on file', async () => {
    const copilot = await scripted.workspace().open(settings());
    const linked = thread(12);
    expect(linked.phone.replace(/\D/g, '').length).toBeGreaterThanOrEqual(10);
    scripted.llm().push({ text: 'I can update that.' }, { toolCalls: [{ id: 'call_phone_same', name: 'create_ticket', args: { customerId: linked.customerId, subject: 'Update the account phone number', content: `Phone: ${linked.phone}`, priority: 'MEDIUM' } }] });
    const turn = await copilot.handleCustomerMessage(linked.id, `I need to change the phone number on my account. ${linked.verify}`);
    const ticket = turn.actions.find((action) => action.id === 'call_phone_same');
    expect(ticket).toMatchObject({ status: 'blocked' });
    expect(ticket?.policyReason).toMatch(/already on file.*ask the customer for the new one/i);
  }, 60_000);

  it('goes to the agent when it carries the new number, or the case knows it', async () => {
    const copilot = await scripted.workspace().open(settings());
    const linked = thread(13);
    scripted.llm().push({ text: 'I can update that.' }, { toolCalls: [{ id: 'call_phone_new', name: 'create_ticket', args: { customerId: linked.customerId, subject: 'Update the account phone number', content: 'New phone: 312 555 0148', priority: 'MEDIUM' } }] });
    const turn = await copilot.handleCustomerMessage(linked.id, `Please change the phone number on my account to 312-555-0148. ${linked.verify}`);
    expect(turn.actions.find((action) => action.id === 'call_phone_new')).toMatchObject({ status: 'pending', policy: 'allowed' });
  }, 60_000);

  it('is blocked while the new name is not known, and goes through once the customer gives it', async () => {
    const copilot = await scripted.workspace().open(settings());
    const linked = thread(14);
    scripted.llm().push({ text: 'Sure.' }, { toolCalls: [{ id: 'call_name_blank', name: 'create_ticket', args: { customerId: linked.customerId, subject: 'Update the account name', content: 'Customer asks for a name change.', priority: 'MEDIUM' } }] });
    const first = await copilot.handleCustomerMessage(linked.id, `I got married and need to change the name on my account. ${linked.verify}`);
    expect(first.caseState.request?.subflow).toBe('manage_change_name');
    expect(first.actions.find((action) => action.id === 'call_name_blank')).toMatchObject({ status: 'blocked' });
    expect(first.actions.find((action) => action.id === 'call_name_blank')?.policyReason).toMatch(/new name is not known yet/);
    scripted.llm().push({ text: 'Sure.' }, { toolCalls: [{ id: 'call_name_given', name: 'create_ticket', args: { customerId: linked.customerId, subject: 'Update the account name', content: 'New name: Jane Berglund', priority: 'MEDIUM' } }] });
    const second = await copilot.handleCustomerMessage(linked.id, 'my new name is Jane Berglund');
    expect(second.actions.find((action) => action.id === 'call_name_given')).toMatchObject({ status: 'pending', policy: 'allowed' });
  }, 60_000);
});
