import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseMetrics, proposedSideEffects } from '../../../src-main/core/copilot/eval/case-metrics';
import type { ReplayedConversation } from '../../../src-main/core/copilot/eval/eval-types';
import { replayFolder } from '../../../src-main/core/copilot/eval/run-eval';

/** Conversations written for these tests (test/fixtures/conversations), none of them held by the demo CRM. */
let replayed: ReplayedConversation[];
const byId = (id: number): ReplayedConversation => {
  const found = replayed.find((item) => item.conversation.convo_id === id);
  if (!found) throw new Error(`conversation ${id} was not replayed`);
  return found;
};

beforeAll(async () => {
  replayed = await replayFolder(join(process.cwd(), 'test', 'fixtures', 'conversations'));
}, 900_000);

describe('copilot replay on conversations the demo CRM does not hold', () => {
  it('adds the scenario\'s customer and a same-name decoy, starts unlinked, and finds the customer, never the decoy', () => {
    for (const item of replayed) {
      expect(item.replay.thread).toBe('scenario');
      expect(item.replay.decoy_id).not.toBeNull();
      expect(item.replay.turns[0]?.case.identity).not.toBe('verified');
      // A customer who never says who they are (an FAQ question, site trouble) is found by nobody (README: a false positive otherwise).
      if (item.conversation.reference?.identify_by_turn === null) expect(item.replay.customer, String(item.conversation.convo_id)).toBeNull();
      else expect(item.replay.customer?.email, String(item.conversation.convo_id)).toBe(item.conversation.scenario.personal.email);
      expect(item.replay.customer?.id).not.toBe(item.replay.decoy_id);
    }
    const metrics = caseMetrics(replayed) as { customerFound: number; decoyFound: number; forbiddenProposals: number };
    expect(metrics).toMatchObject({ customerFound: 1, decoyFound: 0, forbiddenProposals: 0 });
  });

  it('proposes the refund only once the Spanish-speaking customer is verified and has given the level, on the line that completes it', () => {
    const item = byId(9703);
    const at = item.replay.turns.findIndex((turn) => turn.actions.some((action) => action.tool === 'request_refund'));
    expect(at).toBeGreaterThan(0);
    expect(item.replay.turns[at]?.case.identity).toBe('verified');
    // The return window depends on the membership level: the flow asks for it before the refund.
    const ready = (turn: (typeof item.replay.turns)[number]): boolean => turn.case.identity === 'verified' && turn.case.steps_done.includes('membership');
    expect(item.replay.turns.slice(0, at).some(ready)).toBe(false);
    expect(item.replay.turns[at]?.case.steps_done).toEqual(expect.arrayContaining(['pull-up-account', 'validate-purchase', 'membership']));
    expect(item.replay.turns[at]?.case.subflow).toBe('return_stain');
  });

  it('never proposes a refund outside the membership window, or for a refund-status question', () => {
    expect(proposedSideEffects(byId(9701))).not.toContain('request_refund');
    expect(byId(9701).replay.turns.at(-1)?.case.identity).toBe('verified');
    expect(proposedSideEffects(byId(9702))).not.toContain('request_refund');
    expect(byId(9702).replay.turns.flatMap((turn) => turn.actions.map((action) => action.tool))).toContain('lookup_orders');
  });

  it('proposes what the flow calls for in German and French: a reship ticket, an escalation', () => {
    expect(proposedSideEffects(byId(9704))).toEqual(['create_ticket']);
    expect(proposedSideEffects(byId(9705))).toEqual(['escalate']);
  });

  it('starts nothing on a "thanks" or an e-mail address with no case open', () => {
    const item = byId(9706);
    expect(item.replay.turns[0]?.case).toMatchObject({ act: 'acknowledgement', request: null });
    expect(item.replay.turns[1]?.case).toMatchObject({ act: 'information', request: null, identity: 'identified' });
    expect(item.replay.turns[0]?.actions).toEqual([]);
    expect(item.replay.turns[1]?.actions).toEqual([]);
    expect(proposedSideEffects(item)).toEqual([]);
  });

  it('lists on each turn only that turn\'s actions, not the first turn\'s lookup again', () => {
    const item = byId(9706);
    const queries = item.replay.turns.flatMap((turn) => turn.actions.filter((action) => action.tool === 'search_knowledge').map((action) => String(action.args.query)));
    expect(new Set(queries).size).toBe(queries.length);
  });

  it('proposes exactly the reference side effects in every conversation of the folder, and nothing forbidden', () => {
    for (const item of replayed) {
      const proposed = proposedSideEffects(item);
      const id = String(item.conversation.convo_id);
      expect([...proposed].sort(), id).toEqual([...(item.conversation.reference?.side_effects ?? [])].sort());
      for (const tool of item.conversation.reference?.forbidden ?? []) expect(proposed, id).not.toContain(tool);
    }
  });

  it('follows the Spanish, French and German requests as the retailer\'s subflow, not as an unnamed request', () => {
    const foreign = replayed.filter((item) => Number(item.conversation.convo_id) >= 9707 && item.conversation.language !== undefined);
    expect(foreign.length).toBeGreaterThanOrEqual(9);
    expect(new Set(foreign.map((item) => item.conversation.language))).toEqual(new Set(['es', 'fr', 'de']));
    for (const item of foreign) {
      const subflows = item.replay.turns.map((turn) => turn.case.subflow);
      expect(subflows, String(item.conversation.convo_id)).toContain(item.conversation.scenario.subflow);
    }
  });

  it('shows the refund withdrawn, with why, on the line where the customer declines it', () => {
    const item = byId(9716);
    const at = item.replay.turns.findIndex((turn) => turn.actions.some((action) => action.tool === 'request_refund' && action.status === 'withdrawn'));
    expect(item.replay.turns[at]?.text).toMatch(/déjelo/);
    const withdrawn = item.replay.turns[at]?.actions.find((action) => action.tool === 'request_refund');
    expect(withdrawn?.reason).toMatch(/declined/);
    expect(item.replay.turns.slice(at + 1).flatMap((turn) => turn.actions).filter((action) => action.sideEffect)).toEqual([]);
  });
  it('puts the corrected value on the change ticket: the misspelt name withdrawn, the refund moved to PayPal', () => {
    const name = byId(9739).replay.turns.flatMap((turn) => turn.actions).filter((action) => action.tool === 'create_ticket');
    expect(name.find((action) => action.status === 'withdrawn')?.args.content).toMatch(/New name: elena marques soto/);
    expect(name.filter((action) => action.status === 'pending').at(-1)?.args.content).toMatch(/New name: elena marquez soto/);
    // The phone she verified with is the one on file: no second change on the name ticket.
    for (const action of name) expect(action.args.content).not.toMatch(/^Phone: /m);
    const method = byId(9738).replay.turns.flatMap((turn) => turn.actions).filter((action) => action.tool === 'create_ticket');
    expect(method.map((action) => action.args.content)).toEqual([expect.stringMatching(/New payment method: PayPal/)]);
    // The refund is still the one in progress: the case never becomes a new refund.
    expect(byId(9738).replay.turns.every((turn) => turn.case.subflow === 'refund_status' || turn.case.subflow === null)).toBe(true);
  });

  it('escalates when the customer asks for a supervisor after turning an offer down', () => {
    const item = byId(9746);
    const at = item.replay.turns.findIndex((turn) => turn.actions.some((action) => action.tool === 'escalate_to_human'));
    expect(item.replay.turns[at]?.text).toMatch(/vorgesetzten/);
    expect(item.replay.turns[at]?.case.subflow).toBe('bad_price_yesterday');
  });
});
