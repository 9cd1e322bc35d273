import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CrmConnector } from '../../../src-main/core/crm/connector';
import { CrmHttpError } from '../../../src-main/core/crm/http-client';
import { attachMcpOutbox } from '../../../src-main/core/mcp/client/mcp-outbox';
import { McpToolError } from '../../../src-main/core/mcp/client/tool-errors';
import { createOutboxDelivery, outboxMaxAttempts, type Deliverer } from '../../../src-main/core/outbox/delivery-loop';
import { OutboxFailure } from '../../../src-main/core/outbox/failure';
import { enqueueAction, openCacheDatabase, type CacheDatabase } from '../../../src-main/core/storage/index';
import { createOutboxWorker, outboxStoreOf } from '../../../src-main/core/sync/outbox-worker';

/** A CRM that answers each key as `answer` says: a result, or an error to throw. */
function scriptedCrm(answer: (key: string, attempt: number) => unknown): CrmConnector & { sent: string[] } {
  const sent: string[] = [];
  const attempts = new Map<string, number>();
  return {
    source: 'test',
    retries: 0,
    sent,
    pullChanged: () => {
      throw new Error('not used');
    },
    fetchConversation: () => Promise.reject(new Error('not used')),
    async pushAction(_action, key) {
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      const outcome = answer(key, attempt);
      if (outcome instanceof Error) throw outcome;
      sent.push(key);
      return outcome ?? { id: `crm-${key}` };
    },
  };
}

const unavailable = () => new CrmHttpError(503, 'The CRM answered 503.', true, undefined, true);

function clocked(db: CacheDatabase, connector: CrmConnector) {
  let clock = Date.now() + 1000;
  const worker = createOutboxWorker({ db, connector, now: () => new Date(clock) });
  return { worker, later: (ms = 10 * 60_000) => (clock += ms) };
}

const reply = (db: CacheDatabase, key: string, conversationId: string) =>
  enqueueAction(db, { customerId: 'c1', kind: 'send_reply', payload: { conversationId, text: key }, idempotencyKey: key });

describe('the one outbox', () => {
  it('lets nothing wait behind a stuck action of the same customer, and gives it up after bounded tries with a reason', async () => {
    const db = openCacheDatabase(':memory:');
    db.transaction(() => {
      enqueueAction(db, { customerId: 'c1', kind: 'create_ticket', payload: { subject: 'stuck' }, idempotencyKey: 'stuck' });
      for (const n of [1, 2, 3]) enqueueAction(db, { customerId: 'c1', kind: 'request_refund', payload: { orderId: String(n) }, idempotencyKey: `refund-${n}` });
    });
    const crm = scriptedCrm((key) => (key === 'stuck' ? unavailable() : undefined));
    const { worker, later } = clocked(db, crm);
    expect(await worker.deliverDue()).toEqual({ delivered: 3, retrying: 1, dead: 0 });
    expect(crm.sent).toEqual(['refund-1', 'refund-2', 'refund-3']);
    for (let round = 1; round < outboxMaxAttempts; round += 1) {
      later();
      await worker.deliverDue();
    }
    const stuck = db.outbox.byKey('stuck');
    expect(stuck).toMatchObject({ state: 'dead', attempts: outboxMaxAttempts });
    expect(stuck?.deadReason).toBe(`Gave up after ${outboxMaxAttempts} tries: The CRM answered 503.`);
    db.close();
  });

  it('dead-letters at once what a retry cannot heal: a local UNIQUE constraint after a CRM restart, and a 4xx', async () => {
    const db = openCacheDatabase(':memory:');
    db.records.upsert('conversations', [
      { id: 't1', contactId: 'c1', channel: 'chat', status: 'open', subject: null, createdAt: '2025-01-01T00:00:00Z', lastMessageAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' },
    ]);
    // A reply sent before the demo CRM restarted holds CRM id 77; after the restart the CRM hands out 77 again.
    db.conversations.addLocalMessage({ id: 'local-old', conversationId: 't1', direction: 'outgoing', sender: 'You', text: 'old', createdAt: '2025-01-01T00:01:00Z', delivery: 'pending' });
    db.conversations.confirmSent('local-old', '77');
    db.transaction(() => {
      db.conversations.addLocalMessage({ id: 'local-new', conversationId: 't1', direction: 'outgoing', sender: 'You', text: 'new', createdAt: '2025-01-01T00:02:00Z', delivery: 'pending' });
      enqueueAction(db, { customerId: 'c1', kind: 'send_reply', payload: { conversationId: 't1', text: 'new', localMessageId: 'local-new' }, idempotencyKey: 'reply-new' });
      enqueueAction(db, { customerId: 'c1', kind: 'update_ticket', payload: { ticketId: '404', status: 'closed' }, idempotencyKey: 'gone-ticket' });
      enqueueAction(db, { customerId: 'c1', kind: 'create_ticket', payload: { subject: 'independent' }, idempotencyKey: 'independent' });
    });
    const crm = scriptedCrm((key) => (key === 'reply-new' ? { id: '77' } : key === 'gone-ticket' ? new CrmHttpError(404, 'Object not found.', false) : undefined));
    const { worker } = clocked(db, crm);
    expect(await worker.deliverDue()).toEqual({ delivered: 1, retrying: 0, dead: 2 });
    const reply = db.outbox.byKey('reply-new');
    expect(reply).toMatchObject({ state: 'dead', attempts: 1 });
    expect(reply?.deadReason).toMatch(/^It was delivered, but the app could not record it: The app's own database refused to record it \(UNIQUE constraint failed: messages\.crm_id\)/);
    expect(db.conversations.message('local-new')?.delivery).toBe('failed');
    expect(db.outbox.byKey('gone-ticket')?.deadReason).toBe('The CRM refused it (404): Object not found.');
    expect(db.outbox.byKey('independent')?.state).toBe('delivered');
    db.close();
  });

  it('keeps replies on one thread in order, and lets the customer\'s other thread go; a dead reply holds its thread until discarded', async () => {
    const db = openCacheDatabase(':memory:');
    db.transaction(() => {
      reply(db, 'a1', 'thread-a');
      reply(db, 'a2', 'thread-a');
      reply(db, 'b1', 'thread-b');
    });
    let failing = true;
    const crm = scriptedCrm((key) => (key === 'a1' && failing ? unavailable() : undefined));
    const { worker, later } = clocked(db, crm);
    expect(await worker.deliverDue()).toEqual({ delivered: 1, retrying: 1, dead: 0 });
    expect(crm.sent).toEqual(['b1']);
    failing = false;
    later();
    expect(await worker.deliverDue()).toEqual({ delivered: 2, retrying: 0, dead: 0 });
    expect(crm.sent).toEqual(['b1', 'a1', 'a2']);

    db.transaction(() => {
      reply(db, 'a3', 'thread-a');
      reply(db, 'a4', 'thread-a');
    });
    const refusing = scriptedCrm((key) => (key === 'a3' ? new CrmHttpError(400, 'Bad channel.', false) : undefined));
    const second = clocked(db, refusing);
    expect(await second.worker.deliverDue()).toEqual({ delivered: 0, retrying: 0, dead: 1 });
    second.later();
    expect(await second.worker.deliverDue()).toEqual({ delivered: 0, retrying: 0, dead: 0 });
    expect(db.outbox.byKey('a4')?.state).toBe('pending');
    expect(db.outbox.discard(db.outbox.byKey('a3')?.id ?? 0)).toBe(true);
    expect(await second.worker.deliverDue()).toEqual({ delivered: 1, retrying: 0, dead: 0 });
    expect(refusing.sent).toEqual(['a4']);
    expect(db.outbox.byKey('a3')?.state).toBe('discarded');
    db.close();
  });

  it('holds an update until its create is delivered; discarding the create dead-letters the update with the reason', async () => {
    const db = openCacheDatabase(':memory:');
    db.transaction(() => {
      enqueueAction(db, { kind: 'update_ticket', customerId: 'c1', payload: { status: 'closed' }, idempotencyKey: 'update', dependsOn: 'create' });
      db.outbox.enqueue({ kind: 'create_ticket', customerId: 'c1', payload: { subject: 's' }, idempotencyKey: 'create' });
      db.outbox.enqueue({ kind: 'update_ticket', customerId: 'c1', payload: { status: 'closed' }, idempotencyKey: 'orphan', dependsOn: 'refused-create' });
      db.outbox.enqueue({ kind: 'create_ticket', customerId: 'c1', payload: { subject: 'r' }, idempotencyKey: 'refused-create' });
    });
    const crm = scriptedCrm((key) => (key === 'refused-create' ? new CrmHttpError(400, 'No.', false) : undefined));
    const { worker } = clocked(db, crm);
    expect(await worker.deliverDue()).toEqual({ delivered: 2, retrying: 0, dead: 1 });
    expect(crm.sent).toEqual(['create', 'update']);
    expect(db.outbox.byKey('orphan')?.state).toBe('pending');
    expect(db.outbox.discard(db.outbox.byKey('refused-create')?.id ?? 0)).toBe(true);
    expect(db.outbox.byKey('orphan')).toMatchObject({ state: 'dead', deadReason: 'It waited for an action that was discarded (create_ticket).' });
    // A dead item can be retried: it starts over.
    expect(db.outbox.retry(db.outbox.byKey('orphan')?.id ?? 0)).toBe(true);
    expect(db.outbox.byKey('orphan')).toMatchObject({ state: 'pending', attempts: 0, deadReason: null });
    db.close();
  });

  it('does not count tries while the CRM cannot be reached at all: an agent offline all day loses nothing', async () => {
    const db = openCacheDatabase(':memory:');
    enqueueAction(db, { customerId: 'c1', kind: 'create_ticket', payload: {}, idempotencyKey: 'offline' });
    let online = false;
    const crm = scriptedCrm(() => (online ? undefined : new CrmHttpError(0, 'The CRM could not be reached (ECONNREFUSED).', true, undefined, false)));
    const { worker, later } = clocked(db, crm);
    for (let round = 0; round < outboxMaxAttempts * 2; round += 1) {
      await worker.deliverDue();
      later();
    }
    expect(db.outbox.byKey('offline')).toMatchObject({ state: 'pending', attempts: outboxMaxAttempts * 2 });
    online = true;
    expect(await worker.deliverDue()).toEqual({ delivered: 1, retrying: 0, dead: 0 });
    db.close();
  });

  it('delivers CRM and MCP actions from one table with one loop; an MCP refusal is dead with the server\'s words', async () => {
    const db = openCacheDatabase(':memory:');
    const calls: string[] = [];
    const hub = {
      async call(tool: string, _args: unknown, options?: { idempotencyKey?: string }) {
        calls.push(`${tool}:${options?.idempotencyKey ?? ''}`);
        if (tool === 'carrier__cancel') return { isError: true, text: 'Too late to cancel.' };
        if (tool === 'carrier__gone') throw new McpToolError('UNKNOWN_TOOL', 'carrier has no tool gone.');
        return { isError: false, text: 'rescheduled' };
      },
    };
    const crm = scriptedCrm(() => undefined);
    const { worker } = clocked(db, crm);
    const mcp = attachMcpOutbox({ store: db.outbox, delivery: worker, hub: hub as never });
    const settled: string[] = [];
    mcp.onSettled((item) => settled.push(`${item.idempotencyKey}:${item.state}`));
    db.transaction(() => {
      expect(mcp.enqueue({ idempotencyKey: 'm1', tool: 'carrier__reschedule', args: { orderId: '1' } })).toBe(true);
      expect(mcp.enqueue({ idempotencyKey: 'm1', tool: 'carrier__reschedule', args: { orderId: '1' } })).toBe(false);
      mcp.enqueue({ idempotencyKey: 'm2', tool: 'carrier__cancel', args: {} });
      mcp.enqueue({ idempotencyKey: 'm3', tool: 'carrier__gone', args: {} });
      enqueueAction(db, { customerId: 'c1', kind: 'create_ticket', payload: {}, idempotencyKey: 'crm-1' });
    });
    expect(await worker.deliverDue()).toEqual({ delivered: 2, retrying: 0, dead: 2 });
    expect(calls).toEqual(['carrier__reschedule:m1', 'carrier__cancel:m2', 'carrier__gone:m3']);
    expect(crm.sent).toEqual(['crm-1']);
    expect(mcp.get('m1')).toMatchObject({ state: 'delivered', result: 'rescheduled' });
    expect(mcp.get('m2')).toMatchObject({ state: 'dead', error: 'carrier__cancel refused it: Too late to cancel.' });
    expect(mcp.get('m3')).toMatchObject({ state: 'dead', error: 'carrier has no tool gone.' });
    expect(settled).toEqual(['m1:delivered', 'm2:dead', 'm3:dead']);
    expect(db.outbox.list({ targets: ['mcp'] })).toHaveLength(3);
    // Without its deliverer an MCP action waits; it is not lost or dead.
    mcp.close();
    mcp.enqueue({ idempotencyKey: 'm4', tool: 'carrier__reschedule', args: {} });
    expect(await worker.deliverDue()).toEqual({ delivered: 0, retrying: 0, dead: 0 });
    expect(db.outbox.byKey('m4')?.state).toBe('pending');
    db.close();
  });

  it('a deliverer that throws something unknown is retried, and a listener that throws does not stop delivery', async () => {
    const db = openCacheDatabase(':memory:');
    const errors: string[] = [];
    const loop = createOutboxDelivery({ store: outboxStoreOf(db), onError: (message) => errors.push(message) });
    const deliverer: Deliverer = { deliver: () => Promise.reject(new Error('socket hang up')) };
    loop.serve('crm', deliverer);
    loop.onSettled(() => {
      throw new Error('listener bug');
    });
    enqueueAction(db, { customerId: 'c1', kind: 'create_ticket', payload: {}, idempotencyKey: 'k' });
    expect(await loop.deliverDue()).toEqual({ delivered: 0, retrying: 1, dead: 0 });
    expect(db.outbox.byKey('k')).toMatchObject({ state: 'pending', attempts: 1, lastError: 'socket hang up' });
    expect(errors).toEqual(['outbox delivery failed', 'an outbox listener failed']);
    db.close();
  });

  describe('in the background', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('retries when the backoff ends, not at the next interval, and does not spin on a thread held up by a dead reply', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const db = openCacheDatabase(':memory:');
      const store = outboxStoreOf(db);
      let runs = 0;
      const loop = createOutboxDelivery({ store: { ...store, due: (...args) => (runs += 1, store.due(...args)) } });
      let tries = 0;
      loop.serve('crm', {
        deliver: (item) => {
          if (item.idempotencyKey === 'refused') return Promise.reject(new OutboxFailure('No.', true));
          tries += 1;
          return tries === 1 ? Promise.reject(unavailable()) : Promise.resolve({ id: '1' });
        },
      });
      db.transaction(() => {
        enqueueAction(db, { customerId: 'c1', kind: 'create_ticket', payload: {}, idempotencyKey: 'flaky' });
        reply(db, 'refused', 'thread-a');
        reply(db, 'held', 'thread-a');
      });
      loop.start(60_000);
      await vi.advanceTimersByTimeAsync(100);
      expect(db.outbox.byKey('flaky')).toMatchObject({ state: 'pending', attempts: 1 });
      expect(db.outbox.byKey('refused')?.state).toBe('dead');
      // The first backoff is 2 s: delivered then, a minute before the interval would have come round.
      await vi.advanceTimersByTimeAsync(2_100);
      expect(db.outbox.byKey('flaky')?.state).toBe('delivered');
      const before = runs;
      await vi.advanceTimersByTimeAsync(30_000);
      // "held" waits behind the dead reply on its thread: nothing runs until the interval.
      expect(runs - before).toBe(0);
      expect(db.outbox.byKey('held')?.state).toBe('pending');
      await loop.stop();
      db.close();
    });
  });
});
