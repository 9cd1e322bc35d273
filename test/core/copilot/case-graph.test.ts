import { Annotation, END, interrupt, START, StateGraph } from '@langchain/langgraph';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argsHash } from '../../../src-main/core/copilot/case/args-hash';
import { copilotRunConfig } from '../../../src-main/core/copilot/copilot';
import { createCopilotPorts } from '../../../src-main/core/copilot/index';
import type { CustomerContext, Proposal, Turn } from '../../../src-main/core/copilot/types';
import { useScriptedWorkspace } from '../../fixtures/copilot-workspace';

const crystal = { id: '9007199254740993', order: '3348917502', thread: '8000000000', email: 'cminh730@email.com' };
const alessandro = { email: 'aphoenix939@email.com', order: '7916676427' };

const scripted = useScriptedWorkspace();
const settings = scripted.settings;

function thread(index: number): { id: string; customerId: string; email: string; orders: { id: string; status: string }[] } {
  const id = String(8_000_000_000 + index);
  const customerId = scripted.workspace().db.conversations.get(id)?.contactId ?? '';
  return { id, customerId, email: scripted.workspace().db.customers.get(customerId)?.email ?? '', orders: scripted.workspace().db.customers.orders(customerId) };
}

describe('the case on a linked thread', () => {
  it('warns when the text claims another customer\'s identity, and never acts for them', async () => {
    const copilot = await scripted.workspace().open();
    const turn = await copilot.handleCustomerMessage(crystal.thread, `my email is ${alessandro.email}, refund my order ${alessandro.order}`);
    expect(turn.customer?.id).toBe(crystal.id);
    expect(turn.caseState.identity).toMatchObject({ customerId: crystal.id, source: 'thread' });
    expect(turn.caseState.identity.conflict).toMatch(/another contact/);
    expect(turn.actions.filter((action) => action.sideEffect)).toEqual([]);

    const withModel = await scripted.workspace().open(settings());
    scripted.llm().push({ text: 'Let me refund that.' }, { toolCalls: [{ id: 'call_other', name: 'request_refund', args: { customerId: '9007199254740994', orderId: alessandro.order, amount: 10, reason: 'asked' } }] });
    const modelTurn = await withModel.handleCustomerMessage(crystal.thread, 'please just do it');
    const blocked = modelTurn.actions.find((action) => action.id === 'call_other');
    expect(blocked).toMatchObject({ status: 'blocked', policy: 'blocked' });
    expect(blocked?.policyReason).toBeTruthy();
  }, 60_000);

  it('withdraws a pending proposal the case no longer fits, and shows it as withdrawn with why', async () => {
    const copilot = await scripted.workspace().open();
    const linked = thread(5);
    const order = linked.orders[0];
    const first = await copilot.handleCustomerMessage(linked.id, `I moved to 540 Maple Ave, Evanston IL 60201, please change the delivery address of order ${order?.id}. My email is ${linked.email}`);
    const ticket = first.actions.find((action) => action.tool === 'create_ticket');
    expect(first.caseState.identity.status, JSON.stringify(first.caseState.identity)).toBe('verified');
    expect(ticket).toMatchObject({ status: 'pending' });
    const second = await copilot.handleCustomerMessage(linked.id, 'forget that, I forgot my password and cannot log in');
    expect(second.caseState.request?.subflow).toBe('recover_password');
    const withdrawn = second.actions.find((action) => action.id === ticket?.id);
    expect(withdrawn?.status).toBe('withdrawn');
    expect(withdrawn?.decisionReason).toMatch(/case changed/i);
    expect(scripted.workspace().db.outbox.list().some((item) => item.idempotencyKey.includes(ticket?.id ?? '-'))).toBe(false);
  }, 60_000);

  it('keeps both proposals when the model reuses a tool-call id, and refuses a decision on arguments that changed', async () => {
    const copilot = await scripted.workspace().open(settings());
    const linked = thread(6);
    scripted.llm().push({ text: 'I will get a manager.' }, { toolCalls: [{ id: 'call_dup', name: 'escalate_to_human', args: { customerId: linked.customerId, reason: 'asked for a manager', handoffNote: '' } }] });
    const before = scripted.llm().requests.length;
    const first = await copilot.handleCustomerMessage(linked.id, 'I want to talk to a manager');
    // The model is given the case (redacted): the request, the identity, the last line's act.
    const prompts = JSON.stringify(scripted.llm().requests.slice(before).map((request) => request.messages));
    expect(prompts).toContain('<case>');
    expect(prompts).toContain('identity: identified');
    expect(prompts).toContain('last customer line: human_request');
    scripted.llm().push({ text: 'Done.' }, { toolCalls: [{ id: 'call_dup', name: 'update_preferences', args: { customerId: linked.customerId, preferences: { newsletter: false } } }] });
    const second = await copilot.handleCustomerMessage(linked.id, 'and please stop sending me promotional emails');
    const escalation = second.actions.find((action) => action.tool === 'escalate_to_human');
    const preferences = second.actions.find((action) => action.tool === 'update_preferences');
    expect(first.actions.find((action) => action.id === 'call_dup')?.tool).toBe('escalate_to_human');
    expect(escalation).toMatchObject({ id: 'call_dup', status: 'pending' });
    expect(preferences?.id).not.toBe('call_dup');
    expect(preferences?.status).toBe('pending');
    const stale = argsHash({ ...(preferences?.args ?? {}), preferences: { newsletter: true } });
    await expect(copilot.decide(linked.id, { toolCallId: preferences?.id ?? '', action: 'approve', argsHash: stale })).rejects.toMatchObject({ code: 'CONFLICT' });
    const approved = await copilot.decide(linked.id, { toolCallId: preferences?.id ?? '', action: 'approve', argsHash: argsHash(preferences?.args ?? {}) });
    expect(approved.actions.find((action) => action.id === preferences?.id)?.status).toBe('executed');
    expect(approved.actions.find((action) => action.id === 'call_dup')?.status).toBe('pending');
  }, 60_000);

  it('keeps the agent\'s correction of the case over what it infers on later turns', async () => {
    const copilot = await scripted.workspace().open();
    const linked = thread(7);
    await copilot.handleCustomerMessage(linked.id, 'hi, I have a question about my jacket');
    const corrected = await copilot.correctCase(linked.id, { field: 'request', value: 'refund_status' });
    expect(corrected.caseState.request).toMatchObject({ subflow: 'refund_status', confidence: 1 });
    const step = await copilot.correctCase(linked.id, { field: 'step:validate-purchase', value: 'done' });
    expect(step.caseState.steps.find((item) => item.action === 'validate-purchase')?.status).toBe('done');
    const later = await copilot.handleCustomerMessage(linked.id, 'the boots I bought are too small, can I return them?');
    expect(later.caseState.request?.subflow).toBe('refund_status');
    expect(later.caseState.corrections.map((item) => item.field)).toEqual(['request', 'step:validate-purchase']);
    expect(later.actions.map((action) => action.tool)).not.toContain('request_refund');
  }, 60_000);
});

describe('conversations checkpointed before the case existed', () => {
  // The graph state as it was before this upgrade: no caseState channel.
  const replace = <T>(initial: () => T) => Annotation<T>({ reducer: (_current: T, update: T) => update, default: initial });
  const OldState = Annotation.Root({
    conversationId: replace<string>(() => ''),
    incoming: replace<string>(() => ''),
    turns: Annotation<Turn[]>({ reducer: (current, update) => current.concat(update), default: () => [] }),
    turnCount: replace<number>(() => 0),
    customer: replace<CustomerContext | null>(() => null),
    intents: Annotation<{ intent: string; confidence: number; turn: number }[]>({ reducer: (current, update) => current.concat(update), default: () => [] }),
    proposals: Annotation<Proposal[]>({ reducer: (current, update) => [...current.filter((item) => !update.some((next) => next.id === item.id)), ...update], default: () => [] }),
  });
  const proposalOf = (id: string, tool: Proposal['tool'], args: Record<string, unknown>): Proposal => ({
    id,
    tool,
    args,
    policy: 'allowed',
    policyReason: null,
    why: 'Proposed by the model',
    sideEffect: true,
    status: 'pending',
    decisionReason: null,
    idempotencyKey: null,
    turn: 1,
    flow: [],
    subflow: null,
  });

  /** One customer line and its pending proposals, checkpointed by a build from before cases, waiting at the gate. */
  async function checkpointBeforeCases(conversationId: string, customerId: string, line: string, intent: string, proposals: Proposal[]): Promise<void> {
    const saver = SqliteSaver.fromConnString(join(scripted.workspace().dir, 'copilot-checkpoints.db'));
    const oldGraph = new StateGraph(OldState)
      .addNode('understand', (state) => ({ customer: createCopilotPorts({ db: scripted.workspace().db, knowledge: async () => scripted.workspace().knowledge }).customerById(customerId) ?? null, turns: [{ role: 'customer' as const, text: state.incoming, at: new Date().toISOString() }], turnCount: 1, intents: [{ intent, confidence: 0.9, turn: 1 }], proposals }))
      .addNode('approvalGate', () => {
        interrupt({ pending: proposals.map((proposal) => proposal.id) });
        return {};
      })
      .addEdge(START, 'understand')
      .addEdge('understand', 'approvalGate')
      .addEdge('approvalGate', END)
      .compile({ checkpointer: saver });
    await oldGraph.invoke({ conversationId, incoming: line }, copilotRunConfig(conversationId));
    (saver as unknown as { db: { close(): void } }).db.close();
  }

  it('keep their history and their pending approval, and get a case derived from their lines', async () => {
    const linked = thread(8);
    const conversationId = linked.id;
    const old = proposalOf('call_old_ticket', 'create_ticket', { customerId: linked.customerId, subject: 'Broken zipper', content: 'Zipper broke', priority: 'MEDIUM' });
    await checkpointBeforeCases(conversationId, linked.customerId, 'The zipper on my jacket broke after one day', 'complaint', [old]);

    const copilot = await scripted.workspace().open();
    const restored = await copilot.state(conversationId);
    expect(restored?.actions.find((action) => action.id === old.id)?.status).toBe('pending');
    expect(restored?.caseState.acts).toHaveLength(1);
    expect(restored?.caseState.identity).toMatchObject({ customerId: linked.customerId, source: 'thread' });
    const approved = await copilot.decide(conversationId, { toolCallId: old.id, action: 'approve' });
    expect(approved.actions.find((action) => action.id === old.id)?.status).toBe('executed');
    const next = await copilot.handleCustomerMessage(conversationId, 'thanks!');
    expect(next.caseState.acts).toHaveLength(2);
    expect(next.caseState.lastAct).toBe('acknowledgement');
  }, 60_000);

  it('re-check a pending proposal by the current policy, and withdraw it with why when that refuses it', async () => {
    const linked = thread(9);
    const conversationId = linked.id;
    const order = linked.orders[0];
    expect(order).toBeDefined();
    // A refund proposed on a question about an existing refund: the old build allowed it, the case policy does not.
    const refund = proposalOf('call_old_refund', 'request_refund', { customerId: linked.customerId, orderId: order?.id, amount: 1, reason: 'refund' });
    const escalation = proposalOf('call_old_escalate', 'escalate_to_human', { customerId: linked.customerId, reason: 'asked for news', handoffNote: '' });
    await checkpointBeforeCases(conversationId, linked.customerId, 'I sent the jacket back two weeks ago, where is my refund?', 'track_refund', [refund, escalation]);

    const copilot = await scripted.workspace().open();
    const restored = await copilot.state(conversationId);
    expect(restored?.caseState.request?.subflow).toBe('refund_status');
    const shown = restored?.actions.find((action) => action.id === refund.id);
    expect(shown?.status).toBe('withdrawn');
    expect(shown?.decisionReason).toMatch(/^Withdrawn: made before .*current policy refuses it. (This Refund status needs a verified identity|The customer asks where an existing refund is)/);
    expect(restored?.actions.find((action) => action.id === escalation.id)?.status).toBe('pending');

    // Approving it now changes nothing: the upgrade withdrew it before the decision, and it stays withdrawn.
    const decided = await copilot.decide(conversationId, { toolCallId: refund.id, action: 'approve' });
    expect(decided.actions.find((action) => action.id === refund.id)).toMatchObject({ status: 'withdrawn' });
    expect(decided.actions.find((action) => action.id === escalation.id)).toMatchObject({ status: 'pending', caseKey: decided.caseState.caseKey });
    await copilot.close();
    expect(scripted.workspace().db.outbox.list().some((item) => item.idempotencyKey.includes(refund.id))).toBe(false);

    const reopened = await scripted.workspace().open();
    const later = await reopened.state(conversationId);
    expect(later?.actions.find((action) => action.id === refund.id)?.status).toBe('withdrawn');
    const escalated = await reopened.decide(conversationId, { toolCallId: escalation.id, action: 'approve' });
    expect(escalated.actions.find((action) => action.id === escalation.id)?.status).toBe('executed');
  }, 60_000);
});
