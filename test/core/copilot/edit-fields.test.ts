import { describe, expect, it } from 'vitest';
import { createCopilotHandlers } from '../../../src-main/core/copilot/handlers';
import { argFields } from '../../../src-main/core/copilot/tools/arg-fields';
import { toolCatalog } from '../../../src-main/core/copilot/tools/catalog';
import { useScriptedWorkspace } from '../../fixtures/copilot-workspace';

const crystal = { id: '9007199254740993', thread: '8000000010' };

const scripted = useScriptedWorkspace();
const settings = scripted.settings;

describe('editing a proposal', () => {
  it('describes each argument by its schema: a choice for an enum, a number with bounds, ids read-only', () => {
    expect(argFields(toolCatalog.create_ticket.schema)).toEqual({
      customerId: { kind: 'readonly' },
      subject: { kind: 'text', required: true, maxLength: 300 },
      content: { kind: 'text', required: false, maxLength: 5000 },
      priority: { kind: 'choice', options: ['LOW', 'MEDIUM', 'HIGH'] },
    });
    expect(argFields(toolCatalog.request_refund.schema)).toMatchObject({ orderId: { kind: 'readonly' }, amount: { kind: 'number', min: 0, exclusiveMin: true, max: 100_000 } });
    expect(argFields(toolCatalog.update_preferences.schema).preferences).toEqual({ kind: 'group', fields: { contact_channel: { kind: 'choice', options: ['email', 'chat', 'phone'] }, newsletter: { kind: 'boolean' } } });
  });

  it('keeps a proposal pending and editable when an edit is invalid, with the problem at its field; a valid edit then goes through', async () => {
    const copilot = await scripted.workspace().open(settings());
    const handlers = createCopilotHandlers(async () => copilot);
    // The thread belongs to its CRM contact whatever name the text gives (issue 12), so the ticket is for that contact.
    const contactId = scripted.workspace().db.conversations.get(crystal.thread)?.contactId ?? crystal.id;
    scripted.llm().push({ text: 'I will open a ticket for this.' }, { toolCalls: [{ id: 'call_ticket_9', name: 'create_ticket', args: { customerId: contactId, subject: 'Parcel damaged', content: 'Box crushed', priority: 'MEDIUM' } }] });
    const turn = await handlers['copilot.turn']({ conversationId: crystal.thread, text: "I'm Crystal Minh, my parcel arrived crushed, please open a ticket" });
    const proposed = turn.actions.find((action) => action.id === 'call_ticket_9');
    expect(proposed).toMatchObject({ status: 'pending', fields: { priority: { kind: 'choice', options: ['LOW', 'MEDIUM', 'HIGH'] } } });

    const refused = await handlers['copilot.decide']({ conversationId: crystal.thread, toolCallId: 'call_ticket_9', action: 'edit', args: { priority: 'urgent' } });
    const stillPending = refused.actions.find((action) => action.id === 'call_ticket_9');
    expect(stillPending).toMatchObject({ status: 'pending', policy: 'allowed', args: { priority: 'MEDIUM' }, editError: { field: 'priority' } });
    await scripted.workspace().deliver();
    expect(await scripted.workspace().sideEffects()).toEqual([]);

    const accepted = await handlers['copilot.decide']({ conversationId: crystal.thread, toolCallId: 'call_ticket_9', action: 'edit', args: { priority: 'HIGH' } });
    const done = accepted.actions.find((action) => action.id === 'call_ticket_9');
    expect(done).toMatchObject({ status: 'executed', args: { priority: 'HIGH' } });
    expect(done?.editError).toBeUndefined();
  }, 60_000);
});
