import { z } from 'zod';
import type { CrmContact, CrmConversation, CrmLineItem, CrmMessage, CrmOrder, CrmTicket, Membership } from '../records';

const id = z.string().regex(/^\d{1,30}$/, 'id must be a string of digits');
/** Conversations ids (messages, actors, channels, visitors) are free strings in HubSpot's spec. */
const freeId = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max).nullable().optional();
const isoDate = z.string().max(64).refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');
const decimal = z
  .string()
  .max(40)
  .regex(/^-?\d+(\.\d+)?$/, 'not a decimal')
  .nullable()
  .optional();

const association = z.object({ results: z.array(z.object({ id, type: z.string().max(100).optional() })).max(1000) });

/** The last-modified property differs by object: contacts keep the legacy name. */
export const lastModifiedProperty = (type: string): string => (type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate');

/** A HubSpot object record; unknown extra keys are ignored, known ones must have the right type. */
function record<P extends z.ZodRawShape>(properties: P) {
  return z.object({
    id,
    properties: z.object(properties),
    createdAt: isoDate.optional(),
    updatedAt: isoDate,
    archived: z.boolean().optional(),
    archivedAt: isoDate.optional(),
    associations: z.record(z.string().max(50), association).optional(),
  });
}

export const contactSchema = record({
  email: text(320),
  firstname: text(200),
  lastname: text(200),
  phone: text(64),
  username: text(200),
  account_id: text(100),
  address: text(500),
  city: text(200),
  state: text(100),
  zip: text(32),
  membership_level: z.enum(['guest', 'bronze', 'silver', 'gold']).nullable().optional(),
  lifetime_value: decimal,
  preferences: text(10_000),
  /** The app's own property (created at setup); a standard portal has no preferences property. */
  copilot_preferences: text(10_000),
  /** Set on the surviving contact of a merge: the ids it absorbed, separated by semicolons. */
  hs_merged_object_ids: text(10_000),
});

export const orderSchema = record({
  hs_order_name: text(500),
  hs_total_price: decimal,
  hs_currency_code: text(8),
  hs_fulfillment_status: text(64),
  hs_shipping_address_street: text(500),
  hs_createdate: isoDate.nullable().optional(),
});

export const lineItemSchema = record({
  name: z.string().max(500),
  hs_sku: text(200),
  quantity: z.string().regex(/^\d{1,9}$/),
  price: decimal,
});

export const ticketSchema = record({
  subject: z.string().max(2_000),
  content: text(200_000),
  hs_pipeline_stage: z.string().max(64),
  hs_ticket_priority: text(32),
  hs_ticket_category: text(64),
});

export const threadSchema = z.object({
  id: freeId,
  createdAt: isoDate.optional(),
  status: z.enum(['OPEN', 'CLOSED']),
  /** A contact id, or a visitor id when the customer is not a contact yet. */
  associatedContactId: freeId.nullable().optional(),
  latestMessageTimestamp: isoDate.optional(),
  inboxId: freeId.optional(),
  originalChannelId: freeId.optional(),
  originalChannelAccountId: freeId.optional(),
  assignedTo: z.string().max(200).optional(),
  archived: z.boolean().optional(),
  spam: z.boolean().optional(),
  /** Not in HubSpot's thread; the demo CRM adds it. */
  channel: z.enum(['chat', 'email', 'phone']).optional(),
  subject: text(2_000),
});

const deliveryIdentifier = z.object({ type: z.string().max(100), value: z.string().max(500) });
const actor = z.object({ actorId: z.string().max(200).optional(), name: z.string().max(200).optional(), deliveryIdentifier: deliveryIdentifier.optional() });

/** Every message type of the thread: only MESSAGE and COMMENT carry text for us, the rest are skipped. */
export const messageSchema = z.object({
  id: freeId,
  type: z.string().max(64),
  createdAt: isoDate,
  text: z.string().max(200_000).optional(),
  direction: z.enum(['INCOMING', 'OUTGOING']).optional(),
  channelId: z.string().max(200).optional(),
  channelAccountId: z.string().max(200).optional(),
  senders: z.array(actor).max(50).optional(),
  recipients: z.array(actor).max(50).optional(),
});
export type HubSpotMessage = z.infer<typeof messageSchema>;

export const pageSchema = z.object({
  results: z.array(z.unknown()).max(1000),
  paging: z.object({ next: z.object({ after: z.string().max(200) }).optional() }).optional(),
});

const firstId = (associations: Record<string, z.infer<typeof association>> | undefined, key: string): string | null =>
  associations?.[key]?.results[0]?.id ?? null;
const nullable = (value: string | null | undefined): string | null => (value === undefined || value === '' ? null : value);

function preferences(value: string | null | undefined): Record<string, unknown> {
  if (!value) return {};
  const parsed: unknown = JSON.parse(value);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('preferences is not a JSON object');
  // Copied onto a null-prototype object: a "__proto__" key stays a plain key.
  return Object.assign(Object.create(null) as Record<string, unknown>, parsed);
}

export function toContact(value: z.infer<typeof contactSchema>): CrmContact {
  const p = value.properties;
  return {
    id: value.id,
    email: nullable(p.email),
    firstName: nullable(p.firstname),
    lastName: nullable(p.lastname),
    phone: nullable(p.phone),
    username: nullable(p.username),
    accountId: nullable(p.account_id),
    address: nullable(p.address),
    city: nullable(p.city),
    state: nullable(p.state),
    zip: nullable(p.zip),
    membership: (p.membership_level ?? 'guest') as Membership,
    lifetimeValue: Number(p.lifetime_value ?? 0),
    preferences: { ...preferences(p.copilot_preferences ?? p.preferences) },
    updatedAt: new Date(value.updatedAt).toISOString(),
  };
}

export function toOrder(value: z.infer<typeof orderSchema>): CrmOrder {
  const p = value.properties;
  return {
    id: value.id,
    contactId: firstId(value.associations, 'contacts'),
    name: nullable(p.hs_order_name),
    total: Number(p.hs_total_price ?? 0),
    currency: p.hs_currency_code ?? 'USD',
    status: p.hs_fulfillment_status ?? 'processing',
    shippingAddress: nullable(p.hs_shipping_address_street),
    placedAt: p.hs_createdate ? new Date(p.hs_createdate).toISOString() : null,
    updatedAt: new Date(value.updatedAt).toISOString(),
  };
}

export function toLineItem(value: z.infer<typeof lineItemSchema>): CrmLineItem {
  const p = value.properties;
  return {
    id: value.id,
    orderId: firstId(value.associations, 'orders'),
    name: p.name,
    sku: nullable(p.hs_sku),
    quantity: Number(p.quantity),
    price: Number(p.price ?? 0),
    updatedAt: new Date(value.updatedAt).toISOString(),
  };
}

const stages: Record<string, string> = { '1': 'new', '2': 'waiting on contact', '3': 'waiting on us', '4': 'closed' };

export function toTicket(value: z.infer<typeof ticketSchema>): CrmTicket {
  const p = value.properties;
  return {
    id: value.id,
    contactId: firstId(value.associations, 'contacts'),
    orderId: firstId(value.associations, 'orders'),
    subject: p.subject,
    content: p.content ?? '',
    stage: stages[p.hs_pipeline_stage] ?? p.hs_pipeline_stage,
    priority: nullable(p.hs_ticket_priority),
    category: nullable(p.hs_ticket_category),
    createdAt: value.createdAt ? new Date(value.createdAt).toISOString() : null,
    updatedAt: new Date(value.updatedAt).toISOString(),
  };
}

export function toConversation(value: z.infer<typeof threadSchema>): CrmConversation {
  const latest = new Date(value.latestMessageTimestamp ?? value.createdAt ?? 0).toISOString();
  return {
    id: value.id,
    contactId: value.associatedContactId ?? null,
    channel: value.channel ?? 'chat',
    status: value.status === 'OPEN' ? 'open' : 'closed',
    subject: nullable(value.subject),
    createdAt: value.createdAt ? new Date(value.createdAt).toISOString() : null,
    lastMessageAt: latest,
    updatedAt: latest,
  };
}

/** A MESSAGE becomes a conversation message, a COMMENT an internal note; other types (welcome, assignment, status) are not ours to store. */
export function toMessage(conversationId: string, value: z.infer<typeof messageSchema>): CrmMessage | null {
  if (value.type !== 'MESSAGE' && value.type !== 'COMMENT') return null;
  const note = value.type === 'COMMENT';
  return {
    id: value.id,
    conversationId,
    direction: !note && value.direction === 'INCOMING' ? 'incoming' : 'outgoing',
    sender: value.senders?.[0]?.name ?? value.senders?.[0]?.actorId ?? null,
    text: value.text ?? '',
    createdAt: new Date(value.createdAt).toISOString(),
    ...(note ? { kind: 'note' as const } : {}),
  };
}
