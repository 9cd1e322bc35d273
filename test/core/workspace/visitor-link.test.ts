import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceRegistry } from '../../../src-main/core/app/service-registry';
import { coreConfigSchema } from '../../../src-main/core/config';
import { EventBus } from '../../../src-main/core/events/event-bus';
import { silentLogger } from '../../../src-main/core/log/logger';
import { createCrmSettingsHandlers } from '../../../src-main/core/workspace/crm-settings-handlers';
import { startCrmService, type CrmService } from '../../../src-main/core/workspace/crm-service';
import { createWorkspaceHandlers } from '../../../src-main/core/workspace/handlers';
import { createVisitorLinkHandlers } from '../../../src-main/core/workspace/visitor-link';

/** The demo's thread 17 comes from a visitor (id 710000017) who gave contact 17's order number. */
const visitorThread = '8000000017';
const visitorId = '710000017';

describe("a visitor's thread linked to a contact through the agent's approval (demo workspace)", () => {
  const dir = mkdtempSync(join(tmpdir(), 'copilot-visitor-'));
  const events = new EventBus();
  let service: CrmService;
  let handlers: ReturnType<typeof createWorkspaceHandlers> & ReturnType<typeof createVisitorLinkHandlers> & ReturnType<typeof createCrmSettingsHandlers>;
  const sideEffects = async (): Promise<{ method: string; path: string; body: { type?: string; text?: string } }[]> =>
    (await (await fetch(`${service.demoUrl() ?? ''}/__demo/side-effects`, { headers: { Authorization: 'Bearer demo-workspace' } })).json()) as never;

  beforeAll(async () => {
    service = await startCrmService(coreConfigSchema.parse({ dataDir: dir, host: 'test' }), new ServiceRegistry(events), events, silentLogger);
    const get = () => Promise.resolve(service);
    handlers = { ...createWorkspaceHandlers(get, events), ...createVisitorLinkHandlers(get), ...createCrmSettingsHandlers(get) };
    await handlers['sync.now']({});
  }, 40_000);
  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the thread, says its customer is a visitor, and suggests the contact from what the visitor wrote', async () => {
    const thread = await handlers['workspace.getConversation']({ id: visitorThread });
    expect(thread.customerId).toBe(visitorId);
    expect(thread.messages.length).toBeGreaterThan(0);
    expect(thread.visitor?.visitorId).toBe(visitorId);
    const [best] = thread.visitor?.suggestions ?? [];
    expect(best?.because.some((reason) => reason.includes('3200000034'))).toBe(true);
    const owner = service.db.contacts.findByOrderId('3200000034');
    expect(best?.contactId).toBe(owner?.id);
    // A contact's own thread is no visitor's.
    const [open] = await handlers['workspace.listConversations']({});
    expect((await handlers['workspace.getConversation']({ id: open?.id ?? '' })).visitor).toBeNull();
  });

  it('links on approval: the cache says the contact from then on, through syncs, and the team gets one internal comment', async () => {
    const contactId = service.db.contacts.findByOrderId('3200000034')?.id ?? '';
    const before = (await sideEffects()).length;
    const input = { conversationId: visitorThread, contactId, idempotencyKey: 'link-key-visitor-17' };
    expect(await handlers['conversation.linkContact'](input)).toEqual({ customerId: contactId, queued: true });
    // The same approval again (a lost answer) changes nothing and queues nothing.
    expect(await handlers['conversation.linkContact'](input)).toEqual({ customerId: contactId, queued: true });
    const thread = await handlers['workspace.getConversation']({ id: visitorThread });
    expect(thread).toMatchObject({ customerId: contactId, visitor: null });
    expect((await handlers['customer.getProfile']({ id: contactId })).conversations.map((item) => item.id)).toContain(visitorThread);

    await expect.poll(async () => (await handlers['outbox.list']({})).filter((item) => item.kind === 'link_contact').map((item) => item.state), { timeout: 10_000 }).toEqual(['delivered']);
    const comments = (await sideEffects()).slice(before).filter((effect) => effect.path.includes(`/threads/${visitorThread}/messages`));
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatchObject({ type: 'COMMENT' });
    expect(comments[0]?.body.text).toContain(contactId);

    // HubSpot still names the visitor; a sync must not undo the link.
    await service.engine.syncAll();
    expect((await handlers['workspace.getConversation']({ id: visitorThread })).customerId).toBe(contactId);
    expect(service.db.outbox.list().filter((item) => item.kind === 'link_contact')).toHaveLength(1);
  });

  it("refuses to relink a contact's own thread, and to link to a contact the CRM does not have", async () => {
    const [open] = await handlers['workspace.listConversations']({});
    const other = service.db.contacts.findByOrderId('3200000034')?.id ?? '';
    await expect(handlers['conversation.linkContact']({ conversationId: open?.id ?? '', contactId: other, idempotencyKey: 'link-key-not-a-visitor' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(handlers['conversation.linkContact']({ conversationId: '8000000057', contactId: '12345', idempotencyKey: 'link-key-no-such-contact' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("gives a thread's internal notes apart from its messages, never among them", async () => {
    const queue = await handlers['workspace.listConversations']({});
    const views = await Promise.all(queue.map((item) => handlers['workspace.getConversation']({ id: item.id })));
    const withNotes = views.filter((view) => (view.notes ?? []).length > 0);
    expect(withNotes.length).toBeGreaterThan(0);
    for (const view of withNotes) {
      const noteIds = new Set((view.notes ?? []).map((note) => note.id));
      expect(view.messages.some((message) => noteIds.has(message.id))).toBe(false);
    }
  });

  it("lists the portal's inboxes for the agent's sync scope", async () => {
    expect(await handlers['crm.inboxes']({})).toEqual([
      { id: '147959', name: 'AcmeBrands support' },
      { id: '147960', name: 'AcmeBrands wholesale' },
    ]);
  });
});
