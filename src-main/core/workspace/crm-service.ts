import { join } from 'node:path';
import type { ServiceRegistry } from '../app/service-registry';
import type { CoreConfig } from '../config';
import type { SyncStatus } from '../contract/workspace';
import { startDemoCrm, type DemoCrm } from '../crm/demo/index';
import { createHubSpotConnector, type HubSpotConnector, type PortalInbox, type PortalOwner, type SyncScope } from '../crm/index';
import type { CrmAgentSettingsView } from '../contract/workspace';
import type { CrmContact } from '../crm/records';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../log/logger';
import { openCacheDatabase, type CacheDatabase } from '../storage/index';
import { createOutboxWorker, createSyncEngine, describeSyncError, type OutboxWorker, type SyncEngine } from '../sync/index';
import { agentScopeThreshold, crmAgentSettingsFile, loadCrmAgentSettings, saveCrmAgentSettings, type CrmAgentSettings } from './crm-agent-settings';

export interface CrmService {
  db: CacheDatabase;
  connector: HubSpotConnector;
  engine: SyncEngine;
  outbox: OutboxWorker;
  status(): SyncStatus;
  syncNow(): Promise<SyncStatus>;
  watch(conversationId: string): void;
  /** A customer not in the cache (agent scope), fetched from the CRM with their orders and tickets, and cached. */
  fetchCustomer(contactId: string): Promise<CrmContact | undefined>;
  /** The portal's users, for the agent to pick themself as the sender of replies. */
  owners(): Promise<PortalOwner[]>;
  /** The portal's conversation inboxes, for the agent's sync scope. */
  inboxes(): Promise<PortalInbox[]>;
  agentSettings(): CrmAgentSettingsView;
  setAgentSettings(change: Partial<CrmAgentSettings>): Promise<CrmAgentSettingsView>;
  /** The demo CRM's address when the demo workspace runs it. */
  demoUrl(): string | undefined;
  close(): Promise<void>;
}

const demoToken = 'demo-workspace';

/**
 * The customer-data side of the core: the cache, the CRM it syncs from (the built-in demo CRM
 * on 127.0.0.1 when none is configured), periodic sync, outbox delivery and the live conversation poll.
 */
export async function startCrmService(config: CoreConfig, services: ServiceRegistry, events: EventBus, logger: Logger): Promise<CrmService> {
  services.set('crm', 'starting');
  const db = openCacheDatabase(join(config.dataDir, 'cache.db'));
  let demo: DemoCrm | undefined;
  if (!config.crm) demo = await startDemoCrm({ seed: 1, contacts: 200, token: demoToken, liveMessagesEverySeconds: 45 });
  const settingsFile = crmAgentSettingsFile(config.dataDir);
  // The demo portal is ours: its properties may be created, and its first user stands in for the agent.
  let agent = loadCrmAgentSettings(settingsFile, demo ? { propertyConsent: true, hubspotUserId: 101, rateShare: 1 } : {});
  let portalContacts: number | undefined;
  const effectiveScope = (): 'portal' | 'agent' => (agent.syncScope === 'auto' ? ((portalContacts ?? 0) > agentScopeThreshold ? 'agent' : 'portal') : agent.syncScope);
  const scope = (): SyncScope => (effectiveScope() === 'agent' ? { kind: 'agent', inboxIds: agent.inboxIds, ...(agent.hubspotUserId ? { actorId: `A-${agent.hubspotUserId}` } : {}) } : { kind: 'portal' });
  const connector = createHubSpotConnector({
    baseUrl: config.crm?.url ?? demo?.url ?? 'http://127.0.0.1:9',
    token: config.crm?.token ?? demoToken,
    source: config.crm ? `crm:${new URL(config.crm.url).host}` : 'demo',
    pacing: { share: agent.rateShare },
    senderUserId: () => agent.hubspotUserId ?? undefined,
    propertyConsent: () => agent.propertyConsent,
    scope,
  });
  const view = (): CrmAgentSettingsView => ({ ...agent, effectiveScope: effectiveScope() });
  const engine = createSyncEngine({ db, connector, events, logger });
  const outbox = createOutboxWorker({ db, connector, logger, events });
  outbox.start(3000);
  const state: { current: SyncStatus['state']; lastSyncAt: string | null; lastError: SyncStatus['lastError']; running: Promise<SyncStatus> | undefined } = {
    current: 'idle',
    lastSyncAt: null,
    lastError: null,
    running: undefined,
  };
  let stopWatching: (() => void) | undefined;

  function status(): SyncStatus {
    return { state: state.current, lastSyncAt: state.lastSyncAt, lastError: state.lastError, counts: engine.counts(), quarantined: db.syncState.quarantineCount() };
  }

  function syncNow(): Promise<SyncStatus> {
    state.running ??= (async () => {
      state.current = 'syncing';
      try {
        if (portalContacts === undefined && agent.syncScope === 'auto') portalContacts = await connector.portalContacts().catch(() => undefined);
        await engine.syncAll();
        state.current = 'idle';
        state.lastSyncAt = new Date().toISOString();
        state.lastError = null;
        services.set('crm', 'ready', demo ? 'demo CRM' : 'connected');
        void outbox.deliverDue();
      } catch (error) {
        const described = describeSyncError(error);
        state.current = described.message.includes('cannot be reached') ? 'offline' : 'error';
        state.lastError = described;
        services.set('crm', state.current === 'offline' ? 'offline' : 'error', described.message);
      } finally {
        state.running = undefined;
      }
      return status();
    })();
    return state.running;
  }

  void syncNow();
  const interval = setInterval(() => void syncNow(), (config.crm?.syncIntervalSeconds ?? 60) * 1000);
  interval.unref();

  return {
    db,
    connector,
    engine,
    outbox,
    status,
    syncNow,
    watch(conversationId) {
      stopWatching?.();
      stopWatching = engine.watchConversation(conversationId, 3000);
    },
    async fetchCustomer(contactId) {
      if (!/^\d{1,30}$/.test(contactId)) return undefined;
      const related = await connector.fetchCustomer(contactId);
      db.transaction(() => {
        db.records.upsert('contacts', related.contacts);
        db.records.upsert('orders', related.orders);
        db.records.upsert('line_items', related.line_items);
        db.records.upsert('tickets', related.tickets);
      });
      return db.contacts.get(contactId);
    },
    owners: () => connector.owners(),
    inboxes: () => connector.inboxes(),
    agentSettings: view,
    async setAgentSettings(change) {
      const consentGiven = change.propertyConsent === true && !agent.propertyConsent;
      agent = { ...agent, ...change };
      saveCrmAgentSettings(settingsFile, agent);
      // Consent given now: the app's properties are created at once, so a missing scope is said here, not on the next refund.
      if (consentGiven) await connector.prepare(true);
      return view();
    },
    demoUrl: () => demo?.url,
    async close() {
      clearInterval(interval);
      stopWatching?.();
      await outbox.stop();
      await state.running?.catch(() => undefined);
      await demo?.close();
      db.close();
    },
  };
}
