import { CrmHttpError, type HttpClient } from '../http-client';

/** The properties this app adds to a portal, once, at setup: a standard portal has no place for these facts. */
export const appProperties = {
  /** Unique-value: the approved action's key, so a ticket sent twice cannot be created twice. */
  actionKey: 'copilot_action_key',
  refundAmount: 'copilot_refund_amount',
  orderId: 'copilot_order_id',
  preferences: 'copilot_preferences',
} as const;

interface PropertyDefinition {
  objectType: 'tickets' | 'contacts';
  name: string;
  label: string;
  type: 'string' | 'number';
  fieldType: 'text' | 'number' | 'textarea';
  hasUniqueValue?: boolean;
}

export const appPropertyDefinitions: PropertyDefinition[] = [
  { objectType: 'tickets', name: appProperties.actionKey, label: 'Support Copilot action key', type: 'string', fieldType: 'text', hasUniqueValue: true },
  { objectType: 'tickets', name: appProperties.refundAmount, label: 'Refund amount (Support Copilot)', type: 'number', fieldType: 'number' },
  { objectType: 'tickets', name: appProperties.orderId, label: 'Order id (Support Copilot)', type: 'string', fieldType: 'text' },
  { objectType: 'contacts', name: appProperties.preferences, label: 'Contact preferences (Support Copilot)', type: 'string', fieldType: 'textarea' },
];

export interface TicketPipeline {
  id: string;
  /** Stage ids by the copilot's stage names: new, waiting on contact, waiting on us, closed. */
  stages: Record<string, string>;
  /** The stage names by id, for the cache. */
  labels: Record<string, string>;
}

export interface PortalInbox {
  id: string;
  name: string;
}

export interface PortalOwner {
  id: string;
  userId: number;
  email: string | null;
  name: string;
}

/** What a missing scope or pipeline means, in plain words; not worth retrying until someone changes the portal. */
export class PortalSetupError extends CrmHttpError {
  constructor(message: string) {
    super(403, message, false);
    this.name = 'PortalSetupError';
  }
}

interface RawStage {
  id?: unknown;
  label?: unknown;
  displayOrder?: unknown;
  archived?: unknown;
  metadata?: { ticketState?: unknown };
}

/** The stage names the copilot uses, matched to a pipeline's stages by HubSpot's state and label, whatever their ids. */
export function mapPipeline(raw: { id?: unknown; stages?: RawStage[] }): TicketPipeline {
  const stages = (raw.stages ?? []).filter((stage) => stage.archived !== true && typeof stage.id === 'string').sort((a, b) => Number(a.displayOrder ?? 0) - Number(b.displayOrder ?? 0));
  const label = (stage: RawStage): string => (typeof stage.label === 'string' ? stage.label.toLowerCase() : '');
  const open = stages.filter((stage) => stage.metadata?.ticketState !== 'CLOSED');
  const closed = stages.find((stage) => stage.metadata?.ticketState === 'CLOSED') ?? stages.at(-1);
  const named = (words: string[]): RawStage | undefined => open.find((stage) => words.every((word) => label(stage).includes(word)));
  const pick: Record<string, RawStage | undefined> = {
    new: open[0],
    'waiting on contact': named(['waiting', 'contact']) ?? open[1] ?? open[0],
    'waiting on us': named(['waiting', 'us']) ?? open[2] ?? open.at(-1),
    closed,
  };
  const ids: Record<string, string> = {};
  for (const [name, stage] of Object.entries(pick)) if (stage) ids[name] = stage.id as string;
  const labels: Record<string, string> = {};
  for (const stage of stages) labels[stage.id as string] = Object.entries(ids).find(([, id]) => id === stage.id)?.[0] ?? label(stage);
  return { id: String(raw.id ?? ''), stages: ids, labels };
}

function scopeError(error: unknown, what: string, scope: string): never {
  if (error instanceof CrmHttpError && (error.status === 401 || error.status === 403)) {
    throw new PortalSetupError(`The HubSpot token may not ${what}. Add the "${scope}" scope to the private app in HubSpot (Settings → Integrations → Private apps), then try again.`);
  }
  throw error;
}

export function createPortalSetup(http: HttpClient) {
  let pipeline: TicketPipeline | undefined;
  let propertiesReady: boolean | undefined;

  async function ticketPipeline(): Promise<TicketPipeline> {
    if (pipeline) return pipeline;
    const body = (await http.request({ method: 'GET', path: '/crm/v3/pipelines/tickets' }).catch((error: unknown) => scopeError(error, 'read ticket pipelines', 'tickets'))) as {
      results?: { id?: unknown; archived?: unknown; displayOrder?: unknown; stages?: RawStage[] }[];
    } | null;
    const first = (body?.results ?? []).filter((entry) => entry.archived !== true).sort((a, b) => Number(a.displayOrder ?? 0) - Number(b.displayOrder ?? 0))[0];
    if (!first) throw new PortalSetupError('The HubSpot account has no ticket pipeline; create one under Settings → Objects → Tickets → Pipelines.');
    pipeline = mapPipeline(first);
    return pipeline;
  }

  /** Whether every app property exists; with consent, creates the missing ones (needs the crm.schemas.*.write scopes). */
  async function ensureProperties(consent: boolean): Promise<boolean> {
    if (propertiesReady) return true;
    const missing: PropertyDefinition[] = [];
    for (const definition of appPropertyDefinitions) {
      try {
        await http.request({ method: 'GET', path: `/crm/v3/properties/${definition.objectType}/${definition.name}` });
      } catch (error) {
        if (error instanceof CrmHttpError && error.status === 404) missing.push(definition);
        else scopeError(error, `read ${definition.objectType} properties`, `crm.schemas.${definition.objectType}.read`);
      }
    }
    if (missing.length > 0 && !consent) return (propertiesReady = false);
    for (const definition of missing) {
      const { objectType, ...property } = definition;
      await http
        .request({
          method: 'POST',
          path: `/crm/v3/properties/${objectType}`,
          body: { ...property, groupName: objectType === 'tickets' ? 'ticketinformation' : 'contactinformation', description: 'Written by Support Copilot.' },
        })
        .catch((error: unknown) => {
          // Created meanwhile by a teammate's desktop: the property is there, which is all we need.
          if (error instanceof CrmHttpError && error.status === 409) return null;
          // HubSpot's scope for ticket properties is `tickets`; contacts have their own schema scope.
          return scopeError(error, `create ${objectType} properties`, objectType === 'tickets' ? 'tickets' : `crm.schemas.${objectType}.write`);
        });
    }
    propertiesReady = true;
    return true;
  }

  async function owners(): Promise<PortalOwner[]> {
    const found: PortalOwner[] = [];
    let after: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '100', ...(after ? { after } : {}) });
      const body = (await http.request({ method: 'GET', path: `/crm/v3/owners?${query}` }).catch((error: unknown) => scopeError(error, 'list the account\'s users', 'crm.objects.owners.read'))) as {
        results?: { id?: unknown; userId?: unknown; email?: unknown; firstName?: unknown; lastName?: unknown; archived?: unknown; type?: unknown }[];
        paging?: { next?: { after?: string } };
      } | null;
      for (const owner of body?.results ?? []) {
        if (owner.archived === true || owner.type === 'QUEUE' || typeof owner.id !== 'string' || typeof owner.userId !== 'number') continue;
        const name = [owner.firstName, owner.lastName].filter((part): part is string => typeof part === 'string' && part.length > 0).join(' ');
        found.push({ id: owner.id, userId: owner.userId, email: typeof owner.email === 'string' ? owner.email : null, name: name || (typeof owner.email === 'string' ? owner.email : owner.id) });
      }
      after = body?.paging?.next?.after;
    } while (after);
    return found;
  }

  /** The portal's conversation inboxes (archived ones left out), for the agent's sync scope. */
  async function inboxes(): Promise<PortalInbox[]> {
    const found: PortalInbox[] = [];
    let after: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '100', ...(after ? { after } : {}) });
      const body = (await http.request({ method: 'GET', path: `/conversations/v3/conversations/inboxes?${query}` }).catch((error: unknown) => scopeError(error, 'list the conversation inboxes', 'conversations.read'))) as {
        results?: { id?: unknown; name?: unknown; archived?: unknown }[];
        paging?: { next?: { after?: string } };
      } | null;
      for (const inbox of body?.results ?? []) {
        if (inbox.archived === true || typeof inbox.id !== 'string' || !/^\d{1,20}$/.test(inbox.id)) continue;
        found.push({ id: inbox.id, name: typeof inbox.name === 'string' && inbox.name ? inbox.name : `Inbox ${inbox.id}` });
      }
      after = body?.paging?.next?.after;
    } while (after);
    return found;
  }

  return { ticketPipeline, ensureProperties, owners, inboxes, propertiesReady: () => propertiesReady === true };
}
export type PortalSetup = ReturnType<typeof createPortalSetup>;
