import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../../src-main/core/crm/demo/index';
import { createHubSpotConnector } from '../../../src-main/core/crm/index';
import { EventBus } from '../../../src-main/core/events/event-bus';
import { enqueueAction, openCacheDatabase, type CacheDatabase } from '../../../src-main/core/storage/index';
import { createOutboxWorker, createSyncEngine } from '../../../src-main/core/sync/index';

interface SideEffect {
  idempotencyKey: string | null;
  method: string;
  path: string;
  body: { properties?: Record<string, string>; text?: string };
}

describe('outbox delivery against the demo CRM', () => {
  let crm: DemoCrm;
  const sideEffects = async (): Promise<SideEffect[]> => (await (await fetch(`${crm.url}/__demo/side-effects`, { headers: { Authorization: 'Bearer t' } })).json()) as SideEffect[];
  // The agent picked HubSpot user 101 (from the demo's owners) in Settings and agreed to the app's properties.
  const connect = (url = crm.url) => createHubSpotConnector({ baseUrl: url, token: 't', source: 'crm', retry: { maxAttempts: 1 }, senderUserId: () => 101, propertyConsent: () => true });
  beforeAll(async () => {
    crm = await startDemoCrm({ seed: 4, contacts: 40 });
  });
  afterAll(() => crm.close());

  it('enqueues only when the surrounding transaction commits', () => {
    const db = openCacheDatabase(':memory:');
    expect(() =>
      db.transaction(() => {
        enqueueAction(db, { customerId: '1', kind: 'create_ticket', payload: { subject: 'x' }, idempotencyKey: 'rolled-back' });
        throw new Error('the approval failed');
      }),
    ).toThrow('the approval failed');
    expect(db.outbox.list()).toEqual([]);
    expect(db.transaction(() => enqueueAction(db, { customerId: '1', kind: 'create_ticket', payload: {}, idempotencyKey: 'k' }))).toBe(true);
    expect(enqueueAction(db, { customerId: '1', kind: 'create_ticket', payload: {}, idempotencyKey: 'k' })).toBe(false);
    expect(() => enqueueAction(db, { customerId: '1', kind: 'drop_tables' as 'escalate', payload: {}, idempotencyKey: 'z' })).toThrow(/Unknown outbox action/);
    db.close();
  });

  it('waits while the CRM is unreachable, then delivers in order per customer with stable keys', async () => {
    const db = openCacheDatabase(':memory:');
    // The worker's clock starts just after the items were queued (on the real clock).
    let clock = Date.now() + 1000;
    const now = (): Date => new Date(clock);
    const first = crm.state.generator.contact(1).id;
    const second = crm.state.generator.contact(2).id;
    db.transaction(() => {
      for (const n of [1, 2, 3]) enqueueAction(db, { customerId: first, kind: 'create_ticket', payload: { subject: `first ${n}`, content: '' }, idempotencyKey: `order-a-${n}` });
      enqueueAction(db, { customerId: second, kind: 'create_ticket', payload: { subject: 'second 1' }, idempotencyKey: 'order-b-1' });
    });
    const offline = await createOutboxWorker({ db, connector: connect('http://127.0.0.1:9'), now }).deliverDue();
    // Tickets do not depend on each other: each is tried, none waits behind another.
    expect(offline).toEqual({ delivered: 0, retrying: 4, dead: 0 });
    const waiting = db.outbox.byKey('order-a-1');
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    expect(waiting?.lastError).toMatch(/could not be reached/);
    expect(Date.parse(waiting?.nextAttemptAt ?? '')).toBeGreaterThan(clock);

    const worker = createOutboxWorker({ db, connector: connect(), now });
    expect(await worker.deliverDue()).toEqual({ delivered: 0, retrying: 0, dead: 0 });
    clock += 60_000;
    expect(await worker.deliverDue()).toEqual({ delivered: 4, retrying: 0, dead: 0 });
    const delivered = (await sideEffects()).filter((effect) => (effect.idempotencyKey ?? '').startsWith('order-a-'));
    expect(delivered.map((effect) => effect.body.properties?.subject)).toEqual(['first 1', 'first 2', 'first 3']);
    expect(db.outbox.list({ states: ['delivered'] })).toHaveLength(4);
    db.close();
  });

  it('dead-letters an action the CRM rejects at once, with the reason, without holding up the customer, and retries on request', async () => {
    const db = openCacheDatabase(':memory:');
    // The worker's clock starts just after the items were queued (on the real clock).
    const clock = Date.now() + 1000;
    const events = new EventBus();
    const changes: string[] = [];
    events.on('outbox.changed', (change) => changes.push(change.state));
    const customer = crm.state.generator.contact(3).id;
    db.transaction(() => {
      enqueueAction(db, { customerId: customer, kind: 'update_ticket', payload: { ticketId: '999999999999', status: 'closed' }, idempotencyKey: 'missing-ticket' });
      enqueueAction(db, { customerId: customer, kind: 'escalate', payload: { reason: 'angry', handoffNote: 'see thread' }, idempotencyKey: 'after-missing' });
    });
    const worker = createOutboxWorker({ db, connector: connect(), now: () => new Date(clock), events });
    expect(await worker.deliverDue()).toEqual({ delivered: 1, retrying: 0, dead: 1 });
    const dead = db.outbox.byKey('missing-ticket');
    expect(dead).toMatchObject({ state: 'dead', attempts: 1 });
    // HubSpot's own words, not the JSON body around them.
    expect(dead?.deadReason).toMatch(/^The CRM refused it \(404\): Object not found\. objectId are usually numeric\./);
    expect(db.outbox.byKey('after-missing')?.state).toBe('delivered');
    expect(changes).toEqual(['dead', 'delivered']);
    expect(db.outbox.retry(dead?.id ?? 0)).toBe(true);
    expect(db.outbox.byKey('missing-ticket')).toMatchObject({ state: 'pending', attempts: 0 });
    expect(db.outbox.retry(db.outbox.byKey('after-missing')?.id ?? 0)).toBe(false);
    db.close();
  });

  it('sends a reply once and shows it once after the next sync', async () => {
    const db: CacheDatabase = openCacheDatabase(':memory:');
    const connector = connect();
    const engine = createSyncEngine({ db, connector });
    await engine.syncAll();
    const conversation = db.conversations.listOpen(1)[0];
    expect(conversation).toBeDefined();
    const id = conversation?.id ?? '';
    const localId = 'local-reply-1';
    db.transaction(() => {
      db.conversations.addLocalMessage({ id: localId, conversationId: id, direction: 'outgoing', sender: 'You', text: 'Your parcel left today.', createdAt: new Date().toISOString(), delivery: 'pending' });
      enqueueAction(db, { customerId: conversation?.contactId ?? '', kind: 'send_reply', payload: { conversationId: id, text: 'Your parcel left today.', localMessageId: localId }, idempotencyKey: `reply:${localId}` });
    });
    expect(db.conversations.listOpen(500).find((row) => row.id === id)).toMatchObject({ unread: 0, waitingSince: null });
    await createOutboxWorker({ db, connector }).deliverDue();
    await engine.syncAll();
    const copies = db.messages.forConversation(id).filter((message) => message.text === 'Your parcel left today.');
    expect(copies).toEqual([expect.objectContaining({ id: localId, delivery: 'delivered', direction: 'outgoing' })]);
    expect((await sideEffects()).filter((effect) => effect.idempotencyKey === `reply:${localId}`)).toHaveLength(1);

    crm.state.addMessage(crm.state.threadById(id)?.index ?? 0, 'Thanks! Which carrier?', 'INCOMING');
    const seen: string[] = [];
    const events = new EventBus();
    events.on('conversation.message', (event) => seen.push(event.message.text));
    const stop = createSyncEngine({ db, connector, events }).watchConversation(id, 50);
    await expect.poll(() => seen, { timeout: 5000 }).toEqual(['Thanks! Which carrier?']);
    stop();
    expect(db.conversations.listOpen(500).find((row) => row.id === id)).toMatchObject({ unread: 1 });
    db.close();
  });

  it('merges a preference change into the preferences the CRM holds', async () => {
    const db = openCacheDatabase(':memory:');
    const connector = connect();
    await createSyncEngine({ db, connector }).syncAll();
    const contact = crm.state.generator.contact(5);
    const before = db.contacts.get(contact.id)?.preferences ?? {};
    expect(Object.keys(before).length).toBeGreaterThan(0);
    enqueueAction(db, { customerId: contact.id, kind: 'update_preferences', payload: { preferences: { newsletter: false } }, idempotencyKey: 'prefs-5' });
    expect(await createOutboxWorker({ db, connector }).deliverDue()).toMatchObject({ delivered: 1 });
    const effect = (await sideEffects()).find((item) => item.idempotencyKey === 'prefs-5');
    // A standard portal has no preferences property: the app's own (created at setup, with consent) holds them.
    expect(JSON.parse(effect?.body.properties?.copilot_preferences ?? '{}')).toEqual({ ...before, newsletter: false });
    db.close();
  });

  it('stops after the delivery in flight has recorded its outcome, so the database can close under it', async () => {
    let requests = 0;
    let firstRequest: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (firstRequest = resolve));
    const slow = createServer((request, response) => {
      requests += 1;
      firstRequest();
      request.resume();
      setTimeout(() => {
        response.writeHead(201, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ id: `t${requests}`, properties: {} }));
      }, 300);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const db = openCacheDatabase(':memory:');
    db.transaction(() => {
      for (const n of [1, 2, 3]) enqueueAction(db, { customerId: `c${n}`, kind: 'create_ticket', payload: { subject: `s${n}` }, idempotencyKey: `stop-${n}` });
    });
    const worker = createOutboxWorker({ db, connector: connect(`http://127.0.0.1:${(slow.address() as AddressInfo).port}`) });
    const delivering = worker.deliverDue();
    await arrived;
    await worker.stop();
    expect(() => db.close()).not.toThrow();
    await delivering;
    expect(requests).toBe(1);
    slow.closeAllConnections();
    await new Promise<void>((resolve) => slow.close(() => resolve()));
  });
});
