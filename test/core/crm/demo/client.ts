/** A bare HTTP client for the demo CRM tests: raw fetch, so the tests see exactly what a connector would. */
export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export function demoClient(baseUrl: string, token = 'test-token') {
  async function call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: (text ? JSON.parse(text) : undefined) as T };
  }
  return {
    call,
    get: <T = unknown>(path: string) => call<T>('GET', path),
    post: <T = unknown>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
    patch: <T = unknown>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('PATCH', path, body, headers),
  };
}

export interface WireRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  associations?: Record<string, { results: { id: string; type: string }[] }>;
}

export interface WirePage<T = WireRecord> {
  results: T[];
  total?: number;
  paging?: { next: { after: string } };
}

export interface WireThread {
  id: string;
  createdAt: string;
  status: 'OPEN' | 'CLOSED';
  closedAt?: string;
  associatedContactId: string;
  latestMessageTimestamp: string;
  inboxId: string;
  originalChannelId: string;
  originalChannelAccountId: string;
  assignedTo?: string;
  spam: boolean;
  archived: boolean;
}

export interface WireMessage {
  id: string;
  type: 'MESSAGE' | 'COMMENT' | 'WELCOME_MESSAGE' | 'ASSIGNMENT' | 'THREAD_STATUS_CHANGE';
  conversationsThreadId: string;
  createdAt: string;
  createdBy: string;
  client: { clientType: string };
  text?: string;
  direction?: 'INCOMING' | 'OUTGOING';
  senders: { actorId: string; name?: string; deliveryIdentifier?: { type: string; value: string } }[];
  recipients: { actorId?: string; deliveryIdentifier: { type: string; value: string } }[];
  attachments?: unknown[];
  channelId?: string;
  channelAccountId?: string;
  newStatus?: string;
  assignedTo?: string;
}

/** A reply as HubSpot's POST .../messages wants it, on the thread's own channel. */
export function replyBody(thread: WireThread, text: string, senderActorId = 'A-102', recipient?: { type: string; value: string }) {
  return {
    type: 'MESSAGE',
    text,
    attachments: [],
    recipients: recipient ? [{ deliveryIdentifiers: [recipient] }] : [],
    senderActorId,
    channelId: thread.originalChannelId,
    channelAccountId: thread.originalChannelAccountId,
  };
}

/** Follows `paging.next.after` to the end, failing on a page without the expected shape. */
export async function pageAll<T>(fetchPage: (after: string | undefined) => Promise<Answer<WirePage<T>>>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const answer = await fetchPage(after);
    if (answer.status !== 200) throw new Error(`page answered ${answer.status}: ${answer.text.slice(0, 200)}`);
    items.push(...answer.body.results);
    after = answer.body.paging?.next.after;
    pages += 1;
  } while (after !== undefined && pages < 100_000);
  return { items, pages };
}

export const compareIds = (a: string, b: string): number => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
