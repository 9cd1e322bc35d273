import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src-main/core/random/mulberry32';
import { useScriptedWorkspace } from '../../fixtures/copilot-workspace';

const child = join(process.cwd(), 'test', 'fixtures', 'approval-child.ts');
const rig = useScriptedWorkspace();
const settings = rig.settings;

/** Runs the child; with `killAfterMs`, SIGKILLs it that long after it starts deciding. Resolves with its signal or exit. */
function decideInChild(thread: string, proposalId: string, options: { killPoint?: 'before-record' | 'after-record'; killAfterMs?: number } = {}): Promise<string> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, rig.workspace().dir, thread, proposalId, ...(options.killPoint ? [options.killPoint] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    proc.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      if (options.killAfterMs !== undefined && !timer && output.includes('deciding')) timer = setTimeout(() => proc.kill('SIGKILL'), options.killAfterMs);
    });
    proc.stderr.on('data', (data: Buffer) => (output += data.toString()));
    proc.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve(signal ?? `exit ${code}: ${output.slice(-500)}`);
    });
  });
}

const keyOf = (thread: string, proposalId: string) => `copilot:${thread}:${proposalId}`;

/** What the file holds for one proposal, read on a connection of the test's own (as a second process would). */
function stored(thread: string, proposalId: string): { outbox: number; approvals: number } {
  const raw = new Database(join(rig.workspace().dir, 'cache.db'), { readonly: true });
  try {
    const outbox = (raw.prepare('SELECT count(*) AS n FROM outbox WHERE idempotency_key = ?').get(keyOf(thread, proposalId)) as { n: number }).n;
    const hasApprovals = raw.prepare("SELECT 1 FROM sqlite_master WHERE name = 'approvals'").get() !== undefined;
    const approvals = hasApprovals ? (raw.prepare('SELECT count(*) AS n FROM approvals WHERE conversation_id = ? AND proposal_id = ?').get(thread, proposalId) as { n: number }).n : 0;
    return { outbox, approvals };
  } finally {
    raw.close();
  }
}

function integrity(): string {
  const raw = new Database(join(rig.workspace().dir, 'cache.db'));
  try {
    return String(raw.pragma('integrity_check', { simple: true }));
  } finally {
    raw.close();
  }
}

/** One turn on `thread` in which the model proposes a ticket (and, with `preferences`, a preference change); each waits for the agent. */
async function pendingProposals(thread: string, ticket: string, preferences?: string): Promise<void> {
  const customerId = rig.workspace().db.conversations.get(thread)?.contactId ?? '';
  expect(customerId).not.toBe('');
  const copilot = await rig.workspace().open(settings());
  const calls = [{ id: ticket, name: 'create_ticket', args: { customerId, subject: `Crash test ${ticket}`, content: `Ticket ${ticket}`, priority: 'LOW' } }];
  if (preferences) calls.push({ id: preferences, name: 'update_preferences', args: { customerId, preferences: { newsletter: false } } } as unknown as (typeof calls)[number]);
  rig.llm().push({ text: 'I will take care of that.' }, { toolCalls: calls });
  const turn = await copilot.handleCustomerMessage(thread, 'My parcel is two weeks late, please open a ticket, and stop sending me the newsletter');
  for (const { id } of calls) expect(turn.actions.find((action) => action.id === id)?.status, JSON.stringify(turn.actions)).toBe('pending');
  await copilot.close();
}

async function statusAfterRestart(thread: string, proposalId: string): Promise<string | undefined> {
  const copilot = await rig.workspace().open(settings());
  const state = await copilot.state(thread);
  await copilot.close();
  return state?.actions.find((action) => action.id === proposalId)?.status;
}

describe('a decision SIGKILLed on the single store', () => {
  it('killed right after the decision commits, the action is shown as done, is queued once, and a later reject changes nothing', async () => {
    const thread = '8000000002';
    await pendingProposals(thread, 'call_crash_a', 'call_crash_b');
    expect(await decideInChild(thread, 'call_crash_a', { killPoint: 'after-record' })).toBe('SIGKILL');
    expect(stored(thread, 'call_crash_a').outbox).toBe(1);
    // Before the store kept decisions, the checkpoint (written after the outbox row) still said "pending" here.
    expect(await statusAfterRestart(thread, 'call_crash_a')).toBe('executed');
    expect(stored(thread, 'call_crash_a').approvals).toBe(1);
    expect(await statusAfterRestart(thread, 'call_crash_b')).toBe('pending');

    const copilot = await rig.workspace().open(settings());
    const rejected = await copilot.decide(thread, { toolCallId: 'call_crash_a', action: 'reject', reason: 'changed my mind' });
    expect(rejected.actions.find((action) => action.id === 'call_crash_a')?.status).toBe('executed');
    await copilot.decide(thread, { toolCallId: 'call_crash_a', action: 'approve' });
    // The other proposal is still asked for, and goes through.
    const other = await copilot.decide(thread, { toolCallId: 'call_crash_b', action: 'approve' });
    expect(other.actions.find((action) => action.id === 'call_crash_b')?.status).toBe('executed');
    await copilot.close();
    expect(stored(thread, 'call_crash_a')).toEqual({ outbox: 1, approvals: 1 });
    expect(stored(thread, 'call_crash_b')).toEqual({ outbox: 1, approvals: 1 });
    expect(integrity()).toBe('ok');
  }, 120_000);

  it('killed just before the decision commits, nothing is queued, the proposal is still pending, and approving it acts once', async () => {
    const thread = '8000000003';
    await pendingProposals(thread, 'call_crash_c');
    expect(await decideInChild(thread, 'call_crash_c', { killPoint: 'before-record' })).toBe('SIGKILL');
    expect(stored(thread, 'call_crash_c')).toEqual({ outbox: 0, approvals: 0 });
    expect(await statusAfterRestart(thread, 'call_crash_c')).toBe('pending');
    expect(await decideInChild(thread, 'call_crash_c')).toMatch(/^exit 0/);
    expect(stored(thread, 'call_crash_c')).toEqual({ outbox: 1, approvals: 1 });
    expect(await statusAfterRestart(thread, 'call_crash_c')).toBe('executed');
    expect(integrity()).toBe('ok');
  }, 120_000);

  it('killed at moments spread over nine approvals, each action ends queued once, and the copilot agrees with the store after every kill', async () => {
    const decisions = Array.from({ length: 10 }, (_, index) => ({ thread: String(8000000020 + index), id: `call_crash_r${index}` }));
    for (const { thread, id } of decisions) await pendingProposals(thread, id);
    // How long a decision takes in a child on this machine now: the kills are spread over that span and a little past it.
    const [first, ...killed] = decisions;
    if (!first) throw new Error('no decisions');
    const calibration = await decideInChild(first.thread, first.id);
    const span = Number(/decided in (\d+) ms/.exec(calibration)?.[1]);
    expect(span, calibration).toBeGreaterThan(0);
    const random = mulberry32(15);
    const outcomes: string[] = [];
    for (const [index, { thread, id }] of killed.entries()) {
      const killAfterMs = Math.floor(((index + random()) / killed.length) * span * 1.3);
      const end = await decideInChild(thread, id, { killAfterMs });
      const after = stored(thread, id);
      const status = await statusAfterRestart(thread, id);
      // Both rows or neither, and the copilot shows what the store holds.
      outcomes.push(`${id} killed after ${killAfterMs} of ${span} ms, ${end.startsWith('exit 0') ? 'finished' : end}: outbox ${after.outbox}, approval ${after.approvals}, ${status}`);
      expect(status, outcomes.join('\n')).toBe(after.outbox === 1 ? 'executed' : 'pending');
      expect(after.outbox, outcomes.join('\n')).toBe(after.approvals);
    }
    // The agent approves whatever a kill interrupted; nothing is queued twice.
    const copilot = await rig.workspace().open(settings());
    for (const { thread, id } of decisions) {
      const view = await copilot.decide(thread, { toolCallId: id, action: 'approve' });
      expect(view.actions.find((action) => action.id === id)?.status).toBe('executed');
    }
    await copilot.close();
    for (const { thread, id } of decisions) expect(stored(thread, id), outcomes.join('\n')).toEqual({ outbox: 1, approvals: 1 });
    expect(integrity()).toBe('ok');

    await rig.workspace().deliver();
    const effects = await rig.workspace().sideEffects();
    // Where each kill landed is in the messages; the two tests above pin both sides of the commit.
    for (const { id } of decisions) expect(effects.filter((effect) => effect.body.properties?.subject === `Crash test ${id}`), outcomes.join('\n')).toHaveLength(1);
  }, 240_000);
});
