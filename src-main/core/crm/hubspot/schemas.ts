import { z } from 'zod';
import type { CrmContact, CrmConversation, CrmLineItem, CrmMessage, CrmOrder, CrmTicket, Membership } from '../records';

const id = z.string().regex(/^\d{1,30}$/, 'id must be a string of digits');
const text = (max: number) => z.string().max(max).nullable().optional();
const isoDate = z.string().max(64).refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');
const decimal = z
  .string()
  .max(40)
  .regex(/^-?\d+(\.\d+)?$/, 'not a decimal')
  .nullable()
  .optional();

const association = z.object({ results: z.array(z.object({ id, type: z.string().max(100).optional() })).max(1000) });

/** A HubSpot object record; unknown extra keys are ignored, known ones must have the right type. */
function record<P extends z.ZodRawShape>(properties: P) {
  return z.object({
    id,
    properties: z.object(properties),
    createdAt: isoDate.optional(),
    updatedAt: isoDate,
    archived: z.boolean().optional(),
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
  id,
  createdAt: isoDate.optional(),
  status: z.enum(['OPEN', 'CLOSED']),
  associatedContactId: id.nullable().optional(),
  latestMessageTimestamp: isoDate,
  channel: z.enum(['chat', 'email', 'phone']).optional(),
  subject: text(2_000),
});

export const messageSchema = z.object({
  id,
  type: z.string().max(32),
  createdAt: isoDate,
  text: z.string().max(200_000),
  direction: z.enum(['INCOMING', 'OUTGOING']),
  senders: z.array(z.object({ actorId: z.string().max(100).optional(), name: z.string().max(200).optional() })).max(20).optional(),
});

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
    preferences: { ...preferences(p.preferences) },
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
  const latest = new Date(value.latestMessageTimestamp).toISOString();
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

export function toMessage(conversationId: string, value: z.infer<typeof messageSchema>): CrmMessage {
  return {
    id: value.id,
    conversationId,
    direction: value.direction === 'INCOMING' ? 'incoming' : 'outgoing',
    sender: value.senders?.[0]?.name ?? null,
    text: value.text,
    createdAt: new Date(value.createdAt).toISOString(),
  };
}
