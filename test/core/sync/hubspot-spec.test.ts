import { afterEach, describe, expect, it } from 'vitest';
import { createHubSpotConnector, type HubSpotConnectorOptions } from '../../../src-main/core/crm/index';
import { mulberry32 } from '../../../src-main/core/random/mulberry32';
import { enqueueAction, inspectCache, openCacheDatabase, type CacheDatabase } from '../../../src-main/core/storage/index';
import { createOutboxWorker, createSyncEngine, describeSyncError } from '../../../src-main/core/sync/index';
import { startSpecHubSpot, type SpecHubSpot, type SpecMessage } from './spec-hubspot';

const opened: { hub: SpecHubSpot; db: CacheDatabase }[] = [];
afterEach(async () => {
  for (const { hub, db } of opened.splice(0)) {
    db.close();
    await hub.close();
  }
});

/** One clock for the fake HubSpot and the connector, so search lag and overlap are exact. */
function clock(start = Date.parse('2026-06-01T12:00:00Z')) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms), sleep: async (ms: number) => void (time += ms) };
}

async function setup(hubOptions: Parameters<typeof startSpecHubSpot>[0] = {}, connectorOptions: Partial<HubSpotConnectorOptions> = {}, start?: number) {
  const time = clock(start);
  const hub = startSpecHubSpot({ now: time.now, ...hubOptions });
  const url = await hub.listen();
  const db = openCacheDatabase(':memory:');
  opened.push({ hub, db });
  const connector = createHubSpotConnector({
    baseUrl: url,
    token: 'pat-na1-test',
    source: 'hs',
    now: time.now,
    sleep: time.sleep,
    senderUserId: () => 9001,
    propertyConsent: () => true,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...connectorOptions,
  });
  const engine = createSyncEngine({ db, connector });
  return { time, hub, db, connector, engine };
}

const messageTypes = ['MESSAGE', 'COMMENT', 'WELCOME_MESSAGE', 'ASSIGNMENT', 'THREAD_STATUS_CHANGE', 'THREAD_INBOX_CHANGE'] as const;

/** Spec-shaped records: every message type, free-string ids, each optional field left out at random. */
function seed(hub: SpecHubSpot, contacts: number, at: number, random = mulberry32(11)): { messages: number; comments: number } {
  const maybe = <T extends object>(value: T): Partial<T> => (random() < 0.5 ? value : {});
  let messages = 0;
  let comments = 0;
  for (let i = 0; i < contacts; i += 1) {
    const id = String(1_000_000 + i);
    hub.put('contacts', id, { email: `c${i}@example.com`, ...maybe({ firstname: `First${i}` }), ...maybe({ lastname: `Last${i}` }), ...maybe({ phone: '+34600000000' }) }, at - (contacts - i) * 1000);
    const order = String(2_000_000 + i);
    hub.put('orders', order, { hs_order_name: `Order ${i}`, hs_total_price: '42.50', ...maybe({ hs_fulfillment_status: 'shipped' }) }, at - (contacts - i) * 1000);
    hub.link('orders', order, 'contacts', id);
    const item = String(3_000_000 + i);
    hub.put('line_items', item, { name: 'Jeans', quantity: '1', ...maybe({ price: '42.50' }) }, at - (contacts - i) * 1000);
    hub.link('line_items', item, 'orders', order);
    const thread = String(8_000_000 + i);
    const visitor = random() < 0.2;
    const list: SpecMessage[] = [];
    for (let m = 0; m < 6; m += 1) {
      const type = messageTypes[Math.floor(random() * messageTypes.length)] ?? 'MESSAGE';
      const createdAt = new Date(at - (contacts - i) * 1000 + m * 10).toISOString();
      const base = {
        id: `${random().toString(36).slice(2)}${m}`,
        type,
        createdAt,
        conversationsThreadId: thread,
        createdBy: m % 2 ? 'A-9001' : `V-${i}`,
        client: { clientType: 'HUBSPOT' },
        senders: m % 2 ? [{ actorId: 'A-9001', ...maybe({ name: 'Ana Ruiz' }) }] : [{ actorId: `V-${i}`, ...maybe({ name: `First${i}` }), ...maybe({ deliveryIdentifier: { type: 'HS_EMAIL_ADDRESS', value: `c${i}@example.com` } }) }],
        recipients: [],
        archived: false,
        ...maybe({ updatedAt: createdAt }),
      };
      if (type === 'MESSAGE') {
        messages += 1;
        list.push({ ...base, text: `hello ${i}.${m}`, direction: m % 2 ? 'OUTGOING' : 'INCOMING', channelId: '1000', channelAccountId: '77', attachments: [], truncationStatus: 'NOT_TRUNCATED', ...maybe({ richText: `<p>hello ${i}.${m}</p>` }), ...maybe({ subject: 'Order' }) });
      } else if (type === 'COMMENT') {
        comments += 1;
        list.push({ ...base, text: `note ${i}.${m}`, richText: `note ${i}.${m}`, attachments: [] });
      } else if (type === 'THREAD_STATUS_CHANGE') list.push({ ...base, newStatus: 'OPEN' });
      else if (type === 'WELCOME_MESSAGE') list.push({ ...base, text: 'Welcome!', channelId: '1000', channelAccountId: '77' });
      else list.push({ ...base });
    }
    hub.threads.set(thread, {
      id: thread,
      createdAt: new Date(at - (contacts - i) * 1000).toISOString(),
      status: 'OPEN',
      associatedContactId: visitor ? `${9_900_000 + i}` : id,
      inboxId: i % 2 ? '147' : '148',
      originalChannelId: '1000',
      originalChannelAccountId: '77',
      spam: false,
      archived: false,
      ...maybe({ assignedTo: 'A-9001' }),
      latestMessageTimestamp: list.at(-1)?.createdAt ?? new Date(at).toISOString(),
      messages: list,
    });
  }
  return { messages, comments };
}

const count = (db: CacheDatabase, table: string): number => inspectCache(db).count(table);

describe('sync against spec-shaped HubSpot data', () => {
  it('quarantines nothing valid, stores every MESSAGE, keeps COMMENTs as internal notes and visitor threads as threads', async () => {
    const { hub, db, engine } = await setup();
    const { messages, comments } = seed(hub, 60, Date.parse('2026-06-01T11:00:00Z'));
    const report = await engine.syncAll();
    expect(report.quarantined).toBe(0);
    expect(count(db, 'messages')).toBe(messages);
    expect(count(db, 'internal_notes')).toBe(comments);
    expect(count(db, 'conversations')).toBe(60);
    expect(count(db, 'contacts')).toBe(60);
    // The order knows its customer and its line item, from the list's associations.
    expect(db.orders.get('2000005')).toMatchObject({ contactId: '1000005', lineItems: [expect.objectContaining({ id: '3000005' })] });
    // Search and batch read come back without associations: v4 supplies them on the incremental run.
    hub.put('orders', '2000007', { hs_fulfillment_status: 'delivered' });
    await engine.syncAll();
    expect(db.orders.get('2000007')).toMatchObject({ status: 'delivered', contactId: '1000007' });
    const search = hub.requests.find((request) => request.path === '/crm/v3/objects/contacts/search');
    expect(search?.body).toMatchObject({ filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE' }] }] });
    expect(hub.requests.some((request) => request.path === '/crm/v4/associations/orders/contacts/batch/read')).toBe(true);
  });

  it('syncs a backlog larger than the search cap, re-anchoring each page', async () => {
    const { time, hub, db, engine } = await setup({ searchCap: 50 }, { searchPageSize: 20 });
    seed(hub, 10, time.now() - 3_600_000);
    await engine.syncAll();
    time.advance(60_000);
    for (let i = 0; i < 300; i += 1) hub.put('contacts', String(5_000_000 + i), { email: `new${i}@example.com`, firstname: `New${i}` }, time.now() - 30_000 + i * 50);
    time.advance(60_000);
    const report = await engine.syncAll();
    expect(count(db, 'contacts')).toBe(310);
    expect(db.customers.findByEmail('new299@example.com')?.id).toBe('5000299');
    // No query paged past the cap.
    expect(hub.requests.filter((request) => request.path.endsWith('/search')).every((request) => Number((request.body as { after?: string }).after ?? 0) + 20 <= 50)).toBe(true);
    expect(report.quarantined).toBe(0);
  });

  it('walks a group of records sharing one timestamp that is larger than a page', async () => {
    const { time, hub, db, engine } = await setup({}, { searchPageSize: 20 });
    seed(hub, 2, time.now() - 3_600_000);
    await engine.syncAll();
    time.advance(60_000);
    const same = time.now() - 10_000;
    for (let i = 0; i < 75; i += 1) hub.put('contacts', String(6_000_000 + i), { email: `tie${i}@example.com` }, same);
    await engine.syncAll();
    expect(count(db, 'contacts')).toBe(77);
  });

  it('picks up a record that reaches the search index late, on the next run', async () => {
    const { time, hub, db, engine } = await setup({ searchLagMs: 0 });
    seed(hub, 3, time.now() - 3_600_000);
    await engine.syncAll();
    time.advance(120_000);
    hub.put('contacts', '7000001', { email: 'early@example.com' }, time.now() - 3_000);
    const late = hub.put('contacts', '7000002', { email: 'late@example.com' }, time.now() - 3_500);
    late.indexedAt = time.now() + 5_000;
    await engine.syncAll();
    expect(db.customers.findByEmail('early@example.com')).toBeDefined();
    expect(db.customers.findByEmail('late@example.com')).toBeUndefined();
    time.advance(30_000);
    await engine.syncAll();
    expect(db.customers.findByEmail('late@example.com')?.id).toBe('7000002');
  });

  it('removes a deleted (archived) record from the cache', async () => {
    const { time, hub, db, engine } = await setup({}, { archivedSweepMs: 0 });
    seed(hub, 5, time.now() - 3_600_000);
    await engine.syncAll();
    expect(db.customers.get('1000002')).toBeDefined();
    hub.archive('contacts', '1000002');
    time.advance(60_000);
    await engine.syncAll();
    expect(db.customers.get('1000002')).toBeUndefined();
    expect(db.customers.get('1000003')).toBeDefined();
  });

  it('follows a merge: the surviving contact takes over the threads and orders of the merged one', async () => {
    const { time, hub, db, engine } = await setup();
    seed(hub, 5, time.now() - 3_600_000);
    await engine.syncAll();
    time.advance(60_000);
    hub.put('contacts', '1000001', { hs_merged_object_ids: '1000002' });
    hub.archive('contacts', '1000002');
    await engine.syncAll();
    expect(db.customers.get('1000002')).toBeUndefined();
    expect(db.orders.forContact('1000001').map((order) => order.id).sort()).toEqual(['2000001', '2000002']);
  });

  it('stops on the daily limit with a plain message, without retrying', async () => {
    const { hub, engine } = await setup();
    seed(hub, 3, Date.parse('2026-06-01T11:00:00Z'));
    hub.faults.dailyLimit = true;
    const error = await engine.syncAll().catch((caught: unknown) => caught);
    expect(hub.requests).toHaveLength(1);
    expect(describeSyncError(error).message).toMatch(/used up its API requests for today/);
  });
});

describe('exactly once without Idempotency-Key', () => {
  const kinds = [
    { kind: 'send_reply', payload: { conversationId: '8000001', text: 'Your refund is on its way.' } },
    { kind: 'request_refund', payload: { orderId: '2000001', amount: 42.5, reason: 'damaged' } },
    { kind: 'create_ticket', payload: { subject: 'Wrong size', content: 'Needs a swap', priority: 'LOW' } },
    { kind: 'escalate', payload: { reason: 'Angry customer', handoffNote: 'Offered a voucher; wants a manager.' } },
    { kind: 'handoff_note', payload: { conversationId: '8000001', ticketId: 'TICKET', text: 'Hand-off: customer waits for the courier.' } },
    { kind: 'update_ticket', payload: { ticketId: 'TICKET', status: 'waiting on contact', note: 'Asked for photos.' } },
  ] as const;
  const faults = ['crash between send and record', 'timeout after the CRM acted', '5xx then success'] as const;

  /** What the CRM holds of one action: tickets with its key, notes with its text, thread messages with its text. */
  function landed(hub: SpecHubSpot, kind: string, key: string, text: string): number {
    if (kind === 'send_reply' || kind === 'handoff_note') return (hub.threads.get('8000001')?.messages ?? []).filter((message) => message.text === text).length;
    if (kind === 'update_ticket') return [...hub.objects.notes.values()].filter((note) => note.properties.hs_note_body === text).length;
    return [...hub.objects.tickets.values()].filter((ticket) => ticket.properties.copilot_action_key === key).length;
  }

  for (const fault of faults) {
    for (const action of kinds) {
      it(`${action.kind}: ${fault} → lands once`, async () => {
        // The outbox stamps approvals with the real clock: the fake HubSpot's clock starts there too.
        const { time, hub, db, connector } = await setup({}, { retry: { baseDelayMs: 1, maxDelayMs: 2, timeoutMs: 400 }, searchLagMs: 10 }, Date.now());
        seed(hub, 3, time.now() - 3_600_000);
        const ticket = hub.put('tickets', '6100000001', { subject: 'Existing', hs_pipeline: '0', hs_pipeline_stage: '1' });
        hub.link('tickets', ticket.id, 'contacts', '1000001');
        const payload = JSON.parse(JSON.stringify(action.payload).replace('"TICKET"', `"${ticket.id}"`)) as Record<string, unknown>;
        const key = `approval-${action.kind}`;
        db.transaction(() => enqueueAction(db, { customerId: '1000001', kind: action.kind, payload, idempotencyKey: key }));
        const text = String(payload.text ?? payload.note ?? '');
        let wall = Date.now() + 1000;
        const worker = createOutboxWorker({ db, connector, now: () => new Date(wall) });
        if (fault === 'crash between send and record') {
          const item = db.outbox.due(new Date(wall), 1, ['crm'])[0];
          if (!item) throw new Error('not queued');
          db.outbox.markDelivering(item.id);
          // Sent, then the app died before recording it: the row still says "delivering".
          await connector.pushAction({ kind: action.kind, customerId: item.customerId, payload }, key, undefined, { previouslyAttempted: false, approvedAt: item.createdAt });
        } else {
          // The fault hits the action's own write (not the one-time property setup, which is safe to repeat).
          hub.faults.failMatching = /\/crm\/v3\/objects\/(tickets|notes)$|\/messages$/;
          if (fault === '5xx then success') hub.faults.failNext = 1;
          else Object.assign(hub.faults, { slowNext: 1, slowMs: 1500 });
          const first = await worker.deliverDue();
          expect(first.retrying).toBe(1);
          // The slow answer arrives (the CRM acted) before the outbox tries again.
          await new Promise((resolve) => setTimeout(resolve, fault === 'timeout after the CRM acted' ? 1600 : 0));
        }
        // On a loaded machine a later request may time out too: the outbox simply tries again, and it still lands once.
        let delivered = 0;
        for (let round = 0; round < 4 && delivered === 0; round += 1) {
          wall += 10 * 60_000;
          const report = await worker.deliverDue();
          expect(report.dead).toBe(0);
          delivered = report.delivered;
        }
        expect(delivered).toBe(1);
        expect(db.outbox.byKey(key)?.state).toBe('delivered');
        if (action.kind === 'update_ticket') expect(hub.objects.tickets.get(ticket.id)?.properties.hs_pipeline_stage).toBe('2');
        if (action.kind === 'handoff_note') expect([...hub.objects.notes.values()].filter((note) => note.properties.hs_note_body === text)).toHaveLength(1);
        expect(landed(hub, action.kind, key, text)).toBe(1);
      });
    }
  }

  it('sends a reply as the agent, on the thread\'s channel, with every field the spec requires', async () => {
    const { time, hub, db, connector } = await setup();
    seed(hub, 2, time.now() - 3_600_000);
    db.transaction(() => enqueueAction(db, { customerId: '1000001', kind: 'send_reply', payload: { conversationId: '8000001', text: 'On its way.' }, idempotencyKey: 'reply-1' }));
    await createOutboxWorker({ db, connector, now: () => new Date(Date.now() + 1000) }).deliverDue();
    const post = hub.requests.find((request) => request.method === 'POST' && request.path.endsWith('/messages'));
    expect(post?.body).toMatchObject({ type: 'MESSAGE', text: 'On its way.', senderActorId: 'A-9001', channelId: '1000', channelAccountId: '77', attachments: [], recipients: expect.any(Array) });
    expect(post?.body).not.toHaveProperty('direction');
  });

  it('refuses to create properties without consent, and says what to do', async () => {
    const { time, hub, db, connector } = await setup({}, { propertyConsent: () => false });
    seed(hub, 2, time.now() - 3_600_000);
    db.transaction(() => enqueueAction(db, { customerId: '1000001', kind: 'update_preferences', payload: { preferences: { newsletter: false } }, idempotencyKey: 'prefs-1' }));
    await createOutboxWorker({ db, connector, now: () => new Date(Date.now() + 1000) }).deliverDue();
    expect(db.outbox.byKey('prefs-1')?.lastError).toMatch(/allow Support Copilot to add its properties/);
    expect(hub.customProperties.contacts.size).toBe(0);
  });
});
