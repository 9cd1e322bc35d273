/**
 * Hand-written checks that accept a record only where its zod schema (schemas.ts) would: the sync's hot path
 * runs these, several times cheaper than zod, and runs zod only on a record they do not accept, for its verdict
 * and its reason in plain words. A check may be stricter than its schema, never looser (fast-checks.test.ts).
 */
export type FastCheck = (raw: unknown) => boolean;
type Fields = Record<string, unknown>;

const digits = /^\d{1,30}$/;
const decimalPattern = /^-?\d+(\.\d+)?$/;
const quantityPattern = /^\d{1,9}$/;

/** A plain object as JSON.parse builds it. */
const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const isId = (value: unknown): boolean => typeof value === 'string' && digits.test(value);
const isFreeId = (value: unknown): boolean => typeof value === 'string' && value.length >= 1 && value.length <= 200;
const isString = (value: unknown, max: number): boolean => typeof value === 'string' && value.length <= max;
const isText = (value: unknown, max: number): boolean => value === undefined || value === null || (typeof value === 'string' && value.length <= max);
const isDecimal = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.length <= 40 && decimalPattern.test(value));
const isDate = (value: unknown): boolean => typeof value === 'string' && value.length <= 64 && !Number.isNaN(Date.parse(value));
const isOptional = (value: unknown, check: (value: unknown) => boolean): boolean => value === undefined || check(value);
const isOneOf = (value: unknown, allowed: readonly string[]): boolean => typeof value === 'string' && allowed.includes(value);

function isAssociation(value: unknown): boolean {
  if (!isFields(value) || !Array.isArray(value.results) || value.results.length > 1000) return false;
  for (const entry of value.results as unknown[]) if (!isFields(entry) || !isId(entry.id) || !isOptional(entry.type, (type) => isString(type, 100))) return false;
  return true;
}

function isAssociations(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isFields(value)) return false;
  for (const key of Object.keys(value)) if (key.length > 50 || !isAssociation(value[key])) return false;
  return true;
}

/** schemas.ts's `record()`: the envelope every CRM object shares, its properties checked by `properties`. */
function objectCheck(properties: (fields: Fields) => boolean): FastCheck {
  return (raw) =>
    isFields(raw) &&
    isId(raw.id) &&
    isFields(raw.properties) &&
    properties(raw.properties) &&
    isOptional(raw.createdAt, isDate) &&
    isDate(raw.updatedAt) &&
    isOptional(raw.archived, (value) => typeof value === 'boolean') &&
    isOptional(raw.archivedAt, isDate) &&
    isAssociations(raw.associations);
}

const memberships = ['guest', 'bronze', 'silver', 'gold'] as const;

export const acceptsContact = objectCheck(
  (p) =>
    isText(p.email, 320) &&
    isText(p.firstname, 200) &&
    isText(p.lastname, 200) &&
    isText(p.phone, 64) &&
    isText(p.username, 200) &&
    isText(p.account_id, 100) &&
    isText(p.address, 500) &&
    isText(p.city, 200) &&
    isText(p.state, 100) &&
    isText(p.zip, 32) &&
    (p.membership_level === undefined || p.membership_level === null || isOneOf(p.membership_level, memberships)) &&
    isDecimal(p.lifetime_value) &&
    isText(p.preferences, 10_000) &&
    isText(p.copilot_preferences, 10_000) &&
    isText(p.hs_merged_object_ids, 10_000),
);

export const acceptsOrder = objectCheck(
  (p) =>
    isText(p.hs_order_name, 500) &&
    isDecimal(p.hs_total_price) &&
    isText(p.hs_currency_code, 8) &&
    isText(p.hs_fulfillment_status, 64) &&
    isText(p.hs_shipping_address_street, 500) &&
    (p.hs_createdate === undefined || p.hs_createdate === null || isDate(p.hs_createdate)),
);

export const acceptsLineItem = objectCheck(
  (p) => isString(p.name, 500) && isText(p.hs_sku, 200) && typeof p.quantity === 'string' && quantityPattern.test(p.quantity) && isDecimal(p.price),
);

export const acceptsTicket = objectCheck(
  (p) => isString(p.subject, 2_000) && isText(p.content, 200_000) && isString(p.hs_pipeline_stage, 64) && isText(p.hs_ticket_priority, 32) && isText(p.hs_ticket_category, 64),
);

export const acceptsThread: FastCheck = (raw) =>
  isFields(raw) &&
  isFreeId(raw.id) &&
  isOptional(raw.createdAt, isDate) &&
  isOneOf(raw.status, ['OPEN', 'CLOSED']) &&
  (raw.associatedContactId === undefined || raw.associatedContactId === null || isFreeId(raw.associatedContactId)) &&
  isOptional(raw.latestMessageTimestamp, isDate) &&
  isOptional(raw.inboxId, isFreeId) &&
  isOptional(raw.originalChannelId, isFreeId) &&
  isOptional(raw.originalChannelAccountId, isFreeId) &&
  isOptional(raw.assignedTo, (value) => isString(value, 200)) &&
  isOptional(raw.archived, (value) => typeof value === 'boolean') &&
  isOptional(raw.spam, (value) => typeof value === 'boolean') &&
  isOptional(raw.channel, (value) => isOneOf(value, ['chat', 'email', 'phone'])) &&
  isText(raw.subject, 2_000);

function isActor(value: unknown): boolean {
  if (!isFields(value)) return false;
  const identifier = value.deliveryIdentifier;
  return (
    isOptional(value.actorId, (id) => isString(id, 200)) &&
    isOptional(value.name, (name) => isString(name, 200)) &&
    (identifier === undefined || (isFields(identifier) && isString(identifier.type, 100) && isString(identifier.value, 500)))
  );
}

function isActors(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value) || value.length > 50) return false;
  // Every index, holes included (`every` would skip a hole, which zod refuses).
  for (let index = 0; index < value.length; index += 1) if (!isActor(value[index])) return false;
  return true;
}

export const acceptsMessage: FastCheck = (raw) =>
  isFields(raw) &&
  isFreeId(raw.id) &&
  isString(raw.type, 64) &&
  isDate(raw.createdAt) &&
  isOptional(raw.text, (value) => isString(value, 200_000)) &&
  isOptional(raw.direction, (value) => isOneOf(value, ['INCOMING', 'OUTGOING'])) &&
  isOptional(raw.channelId, (value) => isString(value, 200)) &&
  isOptional(raw.channelAccountId, (value) => isString(value, 200)) &&
  isActors(raw.senders) &&
  isActors(raw.recipients);
