import { describe, expect, it } from 'vitest';
import { emptyCaseState, type CaseState } from '../../../src-main/core/copilot/case/case-types';
import { isPreCaseState, recheckRestoredProposals } from '../../../src-main/core/copilot/case/restored-proposals';
import type { CustomerContext, Proposal } from '../../../src-main/core/copilot/types';

// Pending proposals of a conversation checkpointed before cases existed are checked again by today's policy.
const customer: CustomerContext = { id: 'c-1', name: 'Ines Duarte', email: 'i@example.org', username: 'iduarte512', phone: null, membership: 'gold', lifetimeValue: 10, orders: [{ id: '5120938476', status: 'delivered', total: 50, placedAt: '2020-01-10T00:00:00.000Z', items: ['shirt'] }], openTickets: [], memory: [], identifiedBy: 'conversation' };
const caseState: CaseState = {
  ...emptyCaseState(),
  request: { flow: 'product_defect', subflow: 'refund_initiate', intent: 'get_refund', label: 'Refund', confidence: 0.8, openedAtLine: 0 },
  identity: { status: 'verified', customerId: 'c-1', customerName: 'Ines Duarte', matched: ['username', 'order_id'], claimed: [], conflict: null, source: 'thread' },
  acts: ['request'],
  lastAct: 'request',
  caseKey: 'case-0',
};
const refund = (id: string, amount: number): Proposal => ({ id, tool: 'request_refund', args: { customerId: 'c-1', orderId: '5120938476', amount, reason: 'refund' }, policy: 'allowed', policyReason: null, why: 'model', sideEffect: true, status: 'pending', decisionReason: null, idempotencyKey: null, turn: 1, flow: [], subflow: null });
const context = (proposals: Proposal[]) => ({ caseState, customer, now: new Date('2020-02-01T00:00:00Z'), proposals, refundedCents: () => 0 });

describe('proposals restored from a checkpoint made before cases', () => {
  it('tells a pre-case state by a case that read no line of a conversation that has some', () => {
    expect(isPreCaseState({ caseState: emptyCaseState(), turns: [{ role: 'customer' }] })).toBe(true);
    expect(isPreCaseState({ caseState, turns: [{ role: 'customer' }] })).toBe(false);
    expect(isPreCaseState({ caseState: emptyCaseState(), turns: [] })).toBe(false);
  });

  it('withdraws, with why, the refund that would take the order past its total, and keeps the first one in the case', () => {
    const changed = recheckRestoredProposals(context([refund('a', 30), refund('b', 30)]), () => true);
    expect(changed.find((item) => item.id === 'a')).toMatchObject({ status: 'pending', caseKey: 'case-0' });
    expect(changed.find((item) => item.id === 'b')).toMatchObject({ status: 'withdrawn' });
    expect(changed.find((item) => item.id === 'b')?.decisionReason).toMatch(/current policy refuses it\. Order 5120938476 totals 50\.00/);
  });

  it('counts a refund it withdrew no more towards the order total', () => {
    // 'a' fails on its own (past the total); 'b' then fits.
    const changed = recheckRestoredProposals(context([refund('a', 60), refund('b', 40)]), () => true);
    expect(changed.map((item) => [item.id, item.status])).toEqual([
      ['a', 'withdrawn'],
      ['b', 'pending'],
    ]);
  });

  it('leaves alone what the case policy does not cover, and proposals that already belong to a case', () => {
    expect(recheckRestoredProposals(context([refund('a', 60)]), () => false)).toEqual([]);
    expect(recheckRestoredProposals(context([{ ...refund('a', 60), caseKey: 'case-0' }]), () => true)).toEqual([]);
  });
});
