import type { DeliveryContext, OutboxAction } from '../connector';
import { CrmHttpError, type HttpClient } from '../http-client';
import type { HubSpotMessage } from './schemas';
import { appProperties, type PortalSetup } from './portal-setup';

/** HubSpot-defined association types (v4): ticket → contact, note → ticket. */
const ticketToContact = 16;
const noteToTicket = 228;
/** HubSpot's notes guide: hs_note_body holds at most 65,536 characters. */
const maxNoteBody = 65_535;

export interface ActionOptions {
  http: HttpClient;
  setup: PortalSetup;
  /** The agent's own HubSpot user as an actor (`A-<userId>`): replies are sent as them, not as the token's owner. */
  senderActorId: () => string | undefined;
  /** Whether the agent agreed to add the app's properties to the portal. */
  propertyConsent: () => boolean;
  readMessages: (threadId: string, sinceMs: number) => Promise<{ raw: HubSpotMessage[] }>;
  /** How long HubSpot's search index may lag behind a write: a lookup through search waits this long first. */
  searchLagMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));

/** How far before the approval our own copy of a write is looked for (clock skew between us and HubSpot). */
const windowSlackMs = 5 * 60_000;

function plainError(message: string): CrmHttpError {
  return new CrmHttpError(400, message, false);
}

export function createActions(options: ActionOptions) {
  const { setup } = options;
  // The outbox delivers one action at a time; its key rides along on each write for servers that honour it.
  let currentKey: string | undefined;
  const http: HttpClient = {
    request: (request) => options.http.request(request.method === 'GET' || !currentKey ? request : { ...request, idempotencyKey: currentKey }),
    requestBytes: (request) => options.http.requestBytes(request),
    get retries() {
      return options.http.retries;
    },
    get retryQuota() {
      return options.http.retryQuota;
    },
  };

  async function ticketByKey(key: string): Promise<unknown> {
    const body = (await http.request({
      method: 'POST',
      path: '/crm/v3/objects/tickets/batch/read',
      body: { idProperty: appProperties.actionKey, inputs: [{ id: key }], properties: ['subject', 'hs_pipeline_stage', appProperties.actionKey], propertiesWithHistory: [] },
    })) as { results?: unknown[] } | null;
    return body?.results?.[0] ?? null;
  }

  /** Without the key property, search by subject and time; search lags behind writes, so the lag is waited out first. */
  async function ticketBySearch(subject: string, approvedAt: string): Promise<unknown> {
    await options.sleep(options.searchLagMs);
    const body = (await http.request({
      method: 'POST',
      path: '/crm/v3/objects/tickets/search',
      search: true,
      body: {
        filterGroups: [
          {
            filters: [
              { propertyName: 'subject', operator: 'EQ', value: subject },
              { propertyName: 'createdate', operator: 'GTE', value: String(Date.parse(approvedAt) - windowSlackMs) },
            ],
          },
        ],
        sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }],
        properties: ['subject'],
        limit: 1,
        after: '0',
      },
    })) as { results?: unknown[] } | null;
    return body?.results?.[0] ?? null;
  }

  /** Creates a ticket once: an earlier try is found by its key (a unique property, read directly, no search lag). */
  async function createTicketOnce(properties: Record<string, string>, customerId: string, key: string, context: DeliveryContext | undefined): Promise<unknown> {
    const pipeline = await setup.ticketPipeline();
    const keyed = await setup.ensureProperties(options.propertyConsent());
    const subject = properties.subject ?? '';
    if (context?.previouslyAttempted) {
      const existing = keyed ? await ticketByKey(key) : await ticketBySearch(subject, context.approvedAt);
      if (existing) return existing;
    }
    const body = {
      properties: { hs_pipeline: pipeline.id, hs_pipeline_stage: pipeline.stages.new ?? '', ...properties, ...(keyed ? { [appProperties.actionKey]: key } : {}) },
      associations: [{ to: { id: customerId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: ticketToContact }] }],
    };
    try {
      return await http.request({ method: 'POST', path: '/crm/v3/objects/tickets', body, retryAmbiguous: false });
    } catch (error) {
      // The unique key refused a second ticket: the first one landed.
      if (keyed && error instanceof CrmHttpError && (error.status === 409 || (error.status === 400 && error.message.includes(appProperties.actionKey)))) {
        const existing = await ticketByKey(key);
        if (existing) return existing;
      }
      throw error;
    }
  }

  async function noteOnTicketOnce(ticketId: string, text: string, context: DeliveryContext | undefined): Promise<unknown> {
    const body = text.slice(0, maxNoteBody);
    if (context?.previouslyAttempted) {
      const linked = (await http.request({ method: 'GET', path: `/crm/v4/objects/tickets/${encodeURIComponent(ticketId)}/associations/notes?limit=500` })) as { results?: { toObjectId?: unknown }[] } | null;
      const ids = (linked?.results ?? []).map((entry) => String(entry.toObjectId ?? '')).filter(Boolean);
      if (ids.length > 0) {
        const notes = (await http.request({
          method: 'POST',
          path: '/crm/v3/objects/notes/batch/read',
          body: { inputs: ids.slice(-100).map((id) => ({ id })), properties: ['hs_note_body', 'hs_timestamp'], propertiesWithHistory: [] },
        })) as { results?: { properties?: Record<string, string | null> }[] } | null;
        const since = Date.parse(context.approvedAt) - windowSlackMs;
        const found = (notes?.results ?? []).find((note) => note.properties?.hs_note_body === body && Date.parse(note.properties.hs_timestamp ?? '') >= since);
        if (found) return found;
      }
    }
    // A note object on the ticket's timeline (HubSpot's notes API), where the next agent reads it in HubSpot itself.
    return http.request({
      method: 'POST',
      path: '/crm/v3/objects/notes',
      retryAmbiguous: false,
      body: {
        properties: { hs_note_body: body, hs_timestamp: new Date(options.now()).toISOString() },
        associations: [{ to: { id: ticketId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: noteToTicket }] }],
      },
    });
  }

  async function thread(threadId: string): Promise<{ channelId: string; channelAccountId: string }> {
    const body = (await http.request({ method: 'GET', path: `/conversations/v3/conversations/threads/${encodeURIComponent(threadId)}` })) as {
      originalChannelId?: unknown;
      originalChannelAccountId?: unknown;
    } | null;
    if (typeof body?.originalChannelId !== 'string' || typeof body.originalChannelAccountId !== 'string') {
      throw plainError('HubSpot did not say which channel this conversation came in on, so the reply cannot be sent. Reply from HubSpot\'s inbox instead.');
    }
    return { channelId: body.originalChannelId, channelAccountId: body.originalChannelAccountId };
  }

  /** A message of ours already in the thread: same type, same text, our actor when we sent one, after the approval. */
  function ours(messages: HubSpotMessage[], type: 'MESSAGE' | 'COMMENT', body: string, actorId: string | undefined, approvedAt: string): HubSpotMessage | undefined {
    const since = Date.parse(approvedAt) - windowSlackMs;
    return messages.find(
      (message) =>
        message.type === type &&
        (message.text ?? '').trim() === body.trim() &&
        Date.parse(message.createdAt) >= since &&
        (actorId === undefined || (message.senders ?? []).some((sender) => sender.actorId === actorId)),
    );
  }

  async function postToThreadOnce(threadId: string, type: 'MESSAGE' | 'COMMENT', body: string, context: DeliveryContext | undefined): Promise<unknown> {
    const actorId = options.senderActorId();
    if (type === 'MESSAGE' && !actorId) throw plainError('Pick your HubSpot user in Settings → CRM: replies are sent in your name.');
    const approvedAt = context?.approvedAt ?? new Date(options.now()).toISOString();
    const channel = type === 'MESSAGE' ? await thread(threadId) : undefined;
    let recent: HubSpotMessage[] = [];
    if (type === 'MESSAGE' || context?.previouslyAttempted) {
      if (context?.previouslyAttempted) await options.sleep(options.searchLagMs);
      recent = (await options.readMessages(threadId, Date.parse(approvedAt) - windowSlackMs)).raw;
      const existing = context?.previouslyAttempted ? ours(recent, type, body, type === 'MESSAGE' ? actorId : undefined, approvedAt) : undefined;
      if (existing) return existing;
    }
    if (type === 'COMMENT') return http.request({ method: 'POST', path: `/conversations/v3/conversations/threads/${encodeURIComponent(threadId)}/messages`, retryAmbiguous: false, body: { type, text: body, attachments: [] } });
    // The customer's side of the thread, from their latest message: who the reply goes to, and how.
    const lastIncoming = (recent.length > 0 ? recent : (await options.readMessages(threadId, Number.NaN)).raw).find((message) => message.type === 'MESSAGE' && message.direction === 'INCOMING');
    const recipients = (lastIncoming?.senders ?? []).map((sender) => ({
      ...(sender.actorId ? { actorId: sender.actorId } : {}),
      ...(sender.name ? { name: sender.name } : {}),
      deliveryIdentifiers: sender.deliveryIdentifier ? [sender.deliveryIdentifier] : [],
    }));
    return http.request({
      method: 'POST',
      path: `/conversations/v3/conversations/threads/${encodeURIComponent(threadId)}/messages`,
      retryAmbiguous: false,
      body: { type, text: body, richText: body, attachments: [], recipients, senderActorId: actorId, channelId: channel?.channelId, channelAccountId: channel?.channelAccountId },
    });
  }

  async function moveTicket(ticketId: string, properties: Record<string, string>): Promise<unknown> {
    if (Object.keys(properties).length === 0) return null;
    // Setting the same values again changes nothing: a PATCH is safe to repeat.
    return http.request({ method: 'PATCH', path: `/crm/v3/objects/tickets/${encodeURIComponent(ticketId)}`, body: { properties } });
  }

  return async function pushAction(action: OutboxAction, key: string, context?: DeliveryContext): Promise<unknown> {
    currentKey = key;
    try {
      return await deliver(action, key, context);
    } finally {
      currentKey = undefined;
    }
  };

  async function deliver(action: OutboxAction, key: string, context?: DeliveryContext): Promise<unknown> {
    const p = action.payload;
    switch (action.kind) {
      case 'send_reply':
        return postToThreadOnce(text(p.conversationId), 'MESSAGE', text(p.text), context);
      case 'handoff_note': {
        const comment = await postToThreadOnce(text(p.conversationId), 'COMMENT', text(p.text), context);
        if (typeof p.ticketId === 'string' && p.ticketId) await noteOnTicketOnce(p.ticketId, text(p.text), context);
        return comment;
      }
      case 'link_contact':
        // HubSpot's published APIs cannot change a thread's contact (PATCH takes only status and archived, and
        // associations v4 has no thread object): the link is the cache's, and the team learns of it from this comment.
        return postToThreadOnce(text(p.conversationId), 'COMMENT', text(p.text), context);
      case 'request_refund': {
        const keyed = await setup.ensureProperties(options.propertyConsent());
        return createTicketOnce(
          {
            subject: `Refund request for order ${text(p.orderId)}`,
            content: `${text(p.reason)}\n\nAmount: ${text(p.amount)} · Order: ${text(p.orderId)}`,
            hs_ticket_category: 'BILLING_ISSUE',
            ...(keyed ? { [appProperties.refundAmount]: text(p.amount), [appProperties.orderId]: text(p.orderId) } : {}),
          },
          action.customerId,
          key,
          context,
        );
      }
      case 'create_ticket':
        return createTicketOnce({ subject: text(p.subject), content: text(p.content), hs_ticket_priority: text(p.priority) || 'MEDIUM' }, action.customerId, key, context);
      case 'update_ticket': {
        const ticketId = text(p.ticketId);
        const pipeline = await setup.ticketPipeline();
        const stage = typeof p.status === 'string' ? pipeline.stages[p.status] : undefined;
        if (typeof p.status === 'string' && !stage) throw plainError(`The ticket pipeline has no stage for "${p.status}".`);
        const moved = await moveTicket(ticketId, stage ? { hs_pipeline_stage: stage } : {});
        if (typeof p.note === 'string' && p.note.trim()) await noteOnTicketOnce(ticketId, p.note, context);
        return moved ?? { id: ticketId };
      }
      case 'escalate': {
        const note = text(p.handoffNote) || text(p.reason);
        if (typeof p.ticketId === 'string' && p.ticketId) {
          const moved = await moveTicket(p.ticketId, { hs_ticket_priority: 'HIGH' });
          if (note) await noteOnTicketOnce(p.ticketId, note, context);
          return moved;
        }
        return createTicketOnce({ subject: `Escalation: ${text(p.reason)}`.slice(0, 300), content: note, hs_ticket_priority: 'HIGH' }, action.customerId, key, context);
      }
      case 'update_preferences': {
        if (!(await setup.ensureProperties(options.propertyConsent()))) {
          throw plainError('Contact preferences need the app\'s own contact property in HubSpot: allow Support Copilot to add its properties in Settings → CRM.');
        }
        return http.request({
          method: 'PATCH',
          path: `/crm/v3/objects/contacts/${encodeURIComponent(action.customerId)}`,
          body: { properties: { [appProperties.preferences]: JSON.stringify(p.preferences ?? {}) } },
        });
      }
    }
  }
}
