import { describe, expect, it } from 'vitest';
import { startDemoCrm } from '../../../src-main/core/crm/demo/index';
import { createHubSpotConnector, PortalSetupError } from '../../../src-main/core/crm/index';
import { enqueueAction, openCacheDatabase } from '../../../src-main/core/storage/index';
import { createOutboxWorker } from '../../../src-main/core/sync/index';

describe('setting up a standard portal', () => {
  it('says which scope to add when the token may not create the app\'s properties, and does not retry it', async () => {
    const crm = await startDemoCrm({ seed: 2, contacts: 5, standardPortal: true, missingScopes: ['tickets'] });
    try {
      const connector = createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'crm', propertyConsent: () => true, senderUserId: () => 101 });
      const error = await connector.prepare(true).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PortalSetupError);
      expect((error as Error).message).toMatch(/"tickets" scope/);
      // A refund approved meanwhile waits with that message and is dead-lettered, not retried for ever.
      const db = openCacheDatabase(':memory:');
      const customer = crm.state.generator.contact(1).id;
      db.transaction(() => enqueueAction(db, { customerId: customer, kind: 'request_refund', payload: { orderId: '1', amount: 1, reason: 'x' }, idempotencyKey: 'refund-no-scope' }));
      let clock = Date.now() + 1000;
      const worker = createOutboxWorker({ db, connector, now: () => new Date(clock) });
      await worker.deliverDue();
      clock += 60_000;
      expect(db.outbox.byKey('refund-no-scope')).toMatchObject({ state: 'dead' });
      expect(db.outbox.byKey('refund-no-scope')?.lastError).toMatch(/Private apps/);
      db.close();
    } finally {
      await crm.close();
    }
  });

  it('moves a ticket to the stage of the pipeline the portal really has', async () => {
    const crm = await startDemoCrm({ seed: 2, contacts: 6, searchIndexLagMs: 0 });
    try {
      const connector = createHubSpotConnector({ baseUrl: crm.url, token: 't', source: 'crm', propertyConsent: () => true, senderUserId: () => 101 });
      const ticket = crm.state.generator.ticket(0);
      const db = openCacheDatabase(':memory:');
      db.transaction(() => enqueueAction(db, { customerId: crm.state.generator.contact(0).id, kind: 'update_ticket', payload: { ticketId: ticket.id, status: 'closed', note: 'Refunded.' }, idempotencyKey: 'close-1' }));
      expect(await createOutboxWorker({ db, connector, now: () => new Date(Date.now() + 1000) }).deliverDue()).toMatchObject({ delivered: 1 });
      const held = (await (await fetch(`${crm.url}/crm/v3/objects/tickets/${ticket.id}?properties=hs_pipeline_stage`, { headers: { Authorization: 'Bearer t' } })).json()) as { properties: Record<string, string> };
      const pipelines = (await (await fetch(`${crm.url}/crm/v3/pipelines/tickets`, { headers: { Authorization: 'Bearer t' } })).json()) as { results: { stages: { id: string; metadata: { ticketState?: string } }[] }[] };
      const closed = pipelines.results[0]?.stages.find((stage) => stage.metadata.ticketState === 'CLOSED')?.id;
      expect(held.properties.hs_pipeline_stage).toBe(closed);
      db.close();
    } finally {
      await crm.close();
    }
  });
});
