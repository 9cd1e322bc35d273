import { agents } from './catalog';
import { threadGapMs, threadOffsetMs, type DemoThread } from './generator';
import { HttpError, asRecord, page, readCount, readLimit, type RouteResult } from './http';
import type { IdempotencyLedger } from './idempotency';
import { channelAccountIds, channelIds, inboxId } from './portal';
import type { DemoState } from './state';
import { virtualPage } from './virtual-list';

/**
 * Conversations v3 threads and messages, as HubSpot's spec shapes them. Threads list in
 * ascending id; with `latestMessageTimestampAfter`, only threads whose latest message is newer,
 * oldest change first. A thread's messages list mixes MESSAGE, COMMENT, WELCOME_MESSAGE,
 * ASSIGNMENT and THREAD_STATUS_CHANGE entries, newest first unless `sort=createdAt`.
 */

function readTime(value: string, name: string): number {
  const parsed = /^\d{1,16}$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(parsed)) throw new HttpError(400, 'VALIDATION_ERROR', `${name} must be an ISO time`);
  return parsed;
}

export function listThreads(state: DemoState, url: URL): RouteResult {
  const limit = readLimit(url.searchParams.get('limit'), 20, 500);
  const offset = readCount(url.searchParams.get('after'), 0, 'after');
  const since = url.searchParams.get('latestMessageTimestampAfter');
  const archived = url.searchParams.get('archived') === 'true';
  const inboxes = url.searchParams.getAll('inboxId').flatMap((value) => value.split(','));
  const contactId = url.searchParams.get('associatedContactId');
  const threadStatus = url.searchParams.get('threadStatus');
  const sort = url.searchParams.getAll('sort');
  if (sort.some((value) => !['id', 'latestMessageTimestamp', '-id', '-latestMessageTimestamp'].includes(value))) throw new HttpError(400, 'VALIDATION_ERROR', 'sort must be id or latestMessageTimestamp');
  if (sort.includes('latestMessageTimestamp') && since === null) throw new HttpError(400, 'VALIDATION_ERROR', 'Sorting by latestMessageTimestamp requires latestMessageTimestampAfter');
  if (contactId !== null && inboxes.length > 0) throw new HttpError(400, 'VALIDATION_ERROR', 'associatedContactId cannot be used with inboxId');
  if (contactId !== null && threadStatus !== 'OPEN' && threadStatus !== 'CLOSED') throw new HttpError(400, 'VALIDATION_ERROR', 'threadStatus (OPEN or CLOSED) is required with associatedContactId');
  const keep = (thread: DemoThread): boolean => thread.archived === archived && (threadStatus === null || thread.status === threadStatus);
  if (inboxes.length > 0 && !inboxes.includes(inboxId)) return { status: 200, body: { results: [] } };

  if (contactId !== null) {
    const surviving = state.survivingContactId(contactId);
    const items: DemoThread[] = [];
    // Contact c's threads are thread c and at most thread c + 1 (an earlier one); a merged contact's read as the survivor's.
    for (const candidate of [surviving, ...state.mergedIdsOf(surviving)]) {
      const index = state.indexOf('contacts', candidate);
      if (index === undefined) continue;
      for (const threadIndex of state.threadIndicesOfContact(index)) {
        const thread = state.thread(threadIndex);
        if (thread.associatedContactId === surviving && keep(thread)) items.push(thread);
      }
    }
    items.sort((a, b) => (sort.includes('-id') ? -1 : 1) * (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    return { status: 200, body: page(items.slice(offset, offset + limit), offset + limit < items.length ? offset + limit : undefined) };
  }

  const count = state.threadCount();
  if (since === null) {
    const items: DemoThread[] = [];
    let index = offset;
    for (; index < count && items.length < limit; index += 1) {
      const thread = state.thread(index);
      if (keep(thread)) items.push(thread);
    }
    return { status: 200, body: page(items, index < count ? index : undefined) };
  }
  const threshold = readTime(since, 'latestMessageTimestampAfter');
  // Thread i's base latest message is threadOffsetMs + i × threadGapMs before the clock: threads [0, newer) are newer than the threshold.
  const newer = Math.min(count, Math.max(0, Math.ceil((state.generator.clock - threadOffsetMs - threshold) / threadGapMs)));
  const changed = state.changedThreads();
  const touched = changed
    .map((thread) => state.threadById(thread.id)?.index)
    .filter((index): index is number => index !== undefined && index < newer)
    .map((index) => newer - 1 - index)
    .sort((a, b) => a - b);
  const result = virtualPage({
    baseCount: newer,
    start: 0,
    touched,
    changedTail: changed.filter((thread) => Date.parse(thread.latestMessageTimestamp) > threshold),
    offset,
    limit,
    base: (position) => state.thread(newer - 1 - position),
  });
  return { status: 200, body: page(result.items.filter(keep), result.nextOffset) };
}

function findThread(state: DemoState, id: string): { index: number; thread: DemoThread } {
  const found = state.threadById(id);
  if (!found) throw new HttpError(404, 'OBJECT_NOT_FOUND', `Thread ${id.slice(0, 64)} not found`);
  return found;
}

export function readThread(state: DemoState, id: string, url: URL): RouteResult {
  const { thread } = findThread(state, id);
  if (thread.archived && url.searchParams.get('archived') !== 'true') throw new HttpError(404, 'OBJECT_NOT_FOUND', `Thread ${id.slice(0, 64)} not found`);
  return { status: 200, body: thread };
}

/** `PATCH .../threads/{id}` `{status?, archived?}` (`PublicThreadUpdateRequest`). */
export function patchThread(state: DemoState, ledger: IdempotencyLedger, id: string, path: string, key: string | undefined, rawBody: unknown): RouteResult {
  const { index } = findThread(state, id);
  const body = asRecord(rawBody);
  const unknown = Object.keys(body).filter((field) => field !== 'status' && field !== 'archived');
  if (unknown.length > 0) throw unrecognised(unknown[0] ?? '');
  if (body.status !== undefined && body.status !== 'OPEN' && body.status !== 'CLOSED') throw new HttpError(400, 'VALIDATION_ERROR', 'status must be OPEN or CLOSED');
  if (body.archived !== undefined && typeof body.archived !== 'boolean') throw new HttpError(400, 'VALIDATION_ERROR', 'archived must be a boolean');
  return ledger.run(key, { method: 'PATCH', path, body: rawBody }, () => {
    if (body.status === 'OPEN' || body.status === 'CLOSED') state.setThreadStatus(index, body.status, 'S-hubspot');
    if (typeof body.archived === 'boolean') state.setThreadArchived(index, body.archived);
    return { status: 200, body: state.thread(index) };
  });
}

export function archiveThread(state: DemoState, ledger: IdempotencyLedger, id: string, path: string, key: string | undefined): RouteResult {
  const { index } = findThread(state, id);
  return ledger.run(key, { method: 'DELETE', path, body: null }, () => {
    state.setThreadArchived(index, true);
    return { status: 204, body: undefined };
  });
}

export function listMessages(state: DemoState, id: string, url: URL): RouteResult {
  const { index } = findThread(state, id);
  const sort = url.searchParams.get('sort') ?? '-createdAt';
  if (sort !== 'createdAt' && sort !== '-createdAt') throw new HttpError(400, 'VALIDATION_ERROR', 'sort must be createdAt or -createdAt');
  const oldestFirst = state.entries(index);
  const all = sort === 'createdAt' ? oldestFirst : [...oldestFirst].reverse();
  const limit = readLimit(url.searchParams.get('limit'), 20, 500);
  const after = readCount(url.searchParams.get('after'), 0, 'after');
  const next = after + limit;
  return { status: 200, body: page(all.slice(after, next), next < all.length ? next : undefined) };
}

export function readMessage(state: DemoState, threadId: string, messageId: string): RouteResult {
  const { index } = findThread(state, threadId);
  const message = state.entries(index).find((entry) => entry.id === messageId);
  if (!message) throw new HttpError(404, 'OBJECT_NOT_FOUND', `Message ${messageId.slice(0, 64)} not found`);
  return { status: 200, body: message };
}

/** HubSpot's answer to a JSON field its schema does not have. */
function unrecognised(field: string): HttpError {
  return new HttpError(400, 'VALIDATION_ERROR', `Invalid input JSON on line 1: Unrecognized field "${field.slice(0, 60)}", not marked as ignorable`, {
    errors: [{ message: `Unrecognized field "${field.slice(0, 60)}"`, in: field.slice(0, 60), code: 'UNRECOGNIZED_FIELD' }],
  });
}

const messageFields = new Set(['type', 'text', 'richText', 'attachments', 'recipients', 'senderActorId', 'channelId', 'channelAccountId', 'subject']);
const commentFields = new Set(['type', 'text', 'richText', 'attachments']);
const messageRequired = ['attachments', 'channelAccountId', 'channelId', 'recipients', 'senderActorId', 'text', 'type'];
const commentRequired = ['attachments', 'text', 'type'];

function checkAttachments(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new HttpError(400, 'VALIDATION_ERROR', 'attachments must be an array (it may be empty)');
  for (const item of value) {
    const type = asRecord(item).type;
    if (type === 'FILE' && typeof asRecord(item).fileId !== 'string') throw new HttpError(400, 'VALIDATION_ERROR', 'A FILE attachment needs a fileId');
    if (!['FILE', 'QUICK_REPLIES', 'SOCIAL_MEDIA_METADATA'].includes(String(type))) throw new HttpError(400, 'VALIDATION_ERROR', 'Each attachment needs a type: FILE, QUICK_REPLIES or SOCIAL_MEDIA_METADATA');
  }
  return value;
}

function checkRecipients(value: unknown): { actorId?: string; name?: string; deliveryIdentifier: { type: 'HS_EMAIL_ADDRESS' | 'HS_PHONE_NUMBER' | 'CHANNEL_SPECIFIC_OPAQUE_ID'; value: string }; recipientField?: string }[] {
  if (!Array.isArray(value)) throw new HttpError(400, 'VALIDATION_ERROR', 'recipients must be an array');
  return value.map((item) => {
    const recipient = asRecord(item);
    const identifiers = recipient.deliveryIdentifiers;
    if (!Array.isArray(identifiers) || identifiers.length === 0) throw new HttpError(400, 'VALIDATION_ERROR', 'Each recipient needs deliveryIdentifiers: [{type, value}]');
    const first = asRecord(identifiers[0]);
    const type = String(first.type ?? '');
    if (!['HS_EMAIL_ADDRESS', 'HS_PHONE_NUMBER', 'CHANNEL_SPECIFIC_OPAQUE_ID'].includes(type) || typeof first.value !== 'string' || first.value.length === 0) {
      throw new HttpError(400, 'VALIDATION_ERROR', 'A delivery identifier needs a type (HS_EMAIL_ADDRESS, HS_PHONE_NUMBER or CHANNEL_SPECIFIC_OPAQUE_ID) and a value');
    }
    return {
      ...(typeof recipient.actorId === 'string' ? { actorId: recipient.actorId } : {}),
      ...(typeof recipient.name === 'string' ? { name: recipient.name } : {}),
      deliveryIdentifier: { type: type as 'HS_EMAIL_ADDRESS', value: first.value },
      ...(typeof recipient.recipientField === 'string' ? { recipientField: recipient.recipientField } : {}),
    };
  });
}

/**
 * `POST .../threads/{id}/messages` (`PublicMessageEgg`). A MESSAGE needs type, text,
 * attachments, recipients, senderActorId (an agent, `A-<userId>` of an owner), channelId and
 * channelAccountId (the thread's); a COMMENT needs type, text and attachments. Fields outside
 * the schema (such as `direction`) answer 400, as HubSpot's JSON parser does.
 */
export function postMessage(state: DemoState, ledger: IdempotencyLedger, id: string, path: string, key: string | undefined, rawBody: unknown): RouteResult {
  const { index, thread } = findThread(state, id);
  const body = asRecord(rawBody);
  const type = body.type;
  if (type !== 'MESSAGE' && type !== 'COMMENT') throw new HttpError(400, 'VALIDATION_ERROR', 'type is required: MESSAGE or COMMENT');
  const allowed = type === 'MESSAGE' ? messageFields : commentFields;
  const extra = Object.keys(body).find((field) => !allowed.has(field));
  if (extra !== undefined) throw unrecognised(extra);
  const missing = (type === 'MESSAGE' ? messageRequired : commentRequired).filter((field) => body[field] === undefined);
  if (missing.length > 0) {
    throw new HttpError(400, 'VALIDATION_ERROR', `Invalid input: missing required field(s) ${missing.join(', ')}`, { errors: missing.map((field) => ({ message: `${field} is required`, in: field, code: 'REQUIRED' })) });
  }
  if (typeof body.text !== 'string' || body.text.trim().length === 0) throw new HttpError(400, 'VALIDATION_ERROR', 'text must be a non-empty string');
  if (body.text.length > 65_536) throw new HttpError(400, 'VALIDATION_ERROR', 'text is longer than 65536 characters');
  const attachments = checkAttachments(body.attachments);
  const richText = typeof body.richText === 'string' ? body.richText : undefined;
  const text = body.text;
  if (type === 'COMMENT') {
    // A comment has no sender in its request: HubSpot records the app that posted it.
    return ledger.run(key, { method: 'POST', path, body: rawBody }, () => ({
      status: 201,
      body: state.addComment(index, text, { actorId: 'I-1234567', name: 'Support Copilot' }, { ...(richText ? { richText } : {}), attachments }),
    }));
  }
  const senderActorId = String(body.senderActorId);
  const agent = agents.find((candidate) => candidate.id === senderActorId);
  if (!/^A-\d+$/.test(senderActorId) || !agent) {
    throw new HttpError(400, 'VALIDATION_ERROR', `senderActorId ${senderActorId.slice(0, 40)} is not an agent of this portal: use A-<userId> of a user from /crm/v3/owners`);
  }
  const channel = state.channelOf(index);
  if (body.channelId !== channelIds[channel] || body.channelAccountId !== channelAccountIds[channel]) {
    throw new HttpError(400, 'VALIDATION_ERROR', `Reply on the thread's channel: channelId ${thread.originalChannelId} and channelAccountId ${thread.originalChannelAccountId}`);
  }
  const recipients = checkRecipients(body.recipients);
  if (channel === 'email' && recipients.length === 0) throw new HttpError(400, 'VALIDATION_ERROR', 'An email reply needs at least one recipient');
  const subject = typeof body.subject === 'string' ? body.subject : undefined;
  return ledger.run(key, { method: 'POST', path, body: rawBody }, () => ({
    status: 201,
    body: state.addMessage(index, text, 'OUTGOING', { actorId: agent.id, name: agent.name }, recipients, { ...(subject ? { subject } : {}), ...(richText ? { richText } : {}), attachments }),
  }));
}
