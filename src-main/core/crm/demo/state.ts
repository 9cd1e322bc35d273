import { AssociationStore, associationType, objectTypeOf } from './associations';
import { DemoGenerator, idBase, uniqueHexId, richTextOf, type DemoMessage, type DemoRecord, type DemoThread } from './generator';
import { channelAccountIds, channelIds, pipelineLookup, ticketPipelines, type DemoChannel, type DemoPipeline } from './portal';
import { PropertyRegistry, createdProperty, lastModifiedProperty } from './properties';
import { streamFor } from './random';

export type DemoObjectType = 'contacts' | 'orders' | 'line_items' | 'tickets';
export const demoObjectTypes: readonly DemoObjectType[] = ['contacts', 'orders', 'line_items', 'tickets'];

/** Ids of records created through the API start above every generated id of their type, so listings stay in ascending id order. */
const createdIdBase: Record<DemoObjectType, bigint> = {
  contacts: idBase.contact + 1_000_000_000_000n,
  orders: 9_000_000_000n,
  line_items: 5_900_000_000n,
  tickets: 6_900_000_000n,
};

const compareIds = (a: string, b: string): number => (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0);
const byTimeThenId = (a: { updatedAt: string; id: string }, b: { updatedAt: string; id: string }): number => a.updatedAt.localeCompare(b.updatedAt) || compareIds(a.id, b.id);

export interface DemoStateOptions {
  /** The demo's "now" (epoch ms) that generated times are relative to; default: the start time, to the minute. */
  now?: number;
  /** Only HubSpot's standard properties exist (no retailer custom properties such as `preferences`). */
  standardPortal?: boolean;
}

/**
 * The demo CRM's data: generated base records plus an overlay of everything changed since
 * start (touched, patched, created, archived and merged records, associations, new messages).
 * Only the overlay takes memory.
 */
export class DemoState {
  readonly generator: DemoGenerator;
  readonly properties: PropertyRegistry;
  readonly pipelines: DemoPipeline[];
  readonly associations: AssociationStore;
  private readonly overlay = new Map<DemoObjectType, Map<string, { index: number; record: DemoRecord }>>();
  private readonly created = new Map<DemoObjectType, Map<string, DemoRecord>>();
  private readonly nextCreated = new Map<DemoObjectType, bigint>();
  private readonly threadOverlay = new Map<string, DemoThread>();
  private readonly extraMessages = new Map<string, DemoMessage[]>();
  private extraMessageTotal = 0;
  private extraEntryTotal = 0;
  /** Archived (deleted) records, by type and id: gone from reads and search, listed with `archived=true`. */
  private readonly archivedRecords = new Map<DemoObjectType, Map<string, DemoRecord>>();
  /** Merged contact id → the id that survived. */
  private readonly mergedInto = new Map<string, string>();
  /** Values of unique-value properties: `type:property` → value → record id. */
  private readonly uniqueValues = new Map<string, Map<string, string>>();
  /** Order indices whose ids come from ABCD rather than the id base: listed after the others, by id. */
  private readonly specialOrders: { index: number; id: string }[] = [];
  private readonly specialOrderIndex = new Map<string, number>();
  private readonly changedCache = new Map<DemoObjectType, { records: DemoRecord[]; touched: number[] }>();

  constructor(seed: number, contacts: number, options: DemoStateOptions = {}) {
    this.generator = new DemoGenerator(seed, contacts, undefined, options.now);
    this.pipelines = ticketPipelines(new Date(this.generator.clock - 400 * 86_400_000).toISOString());
    this.properties = new PropertyRegistry({ standardPortal: options.standardPortal === true }, pipelineLookup(this.pipelines), () => Date.now());
    this.associations = new AssociationStore(this);
    this.generator.abcd.forEach((customer, contactIndex) => {
      if (!customer.orderId) return;
      const index = contactIndex * 2;
      this.specialOrders.push({ index, id: customer.orderId });
      this.specialOrderIndex.set(customer.orderId, index);
    });
    this.specialOrders.sort((a, b) => compareIds(a.id, b.id));
  }

  baseCount(type: DemoObjectType): number {
    return this.generator.counts()[type];
  }

  /** Generated record `index` with any change applied: the order of the search endpoint, which follows base modification time. */
  baseRecord(type: DemoObjectType, index: number): DemoRecord {
    const fresh = this.generate(type, index);
    return this.overlay.get(type)?.get(fresh.id)?.record ?? fresh;
  }

  private generate(type: DemoObjectType, index: number): DemoRecord {
    switch (type) {
      case 'contacts':
        return this.generator.contact(index);
      case 'orders':
        return this.generator.order(index);
      case 'line_items':
        return this.generator.lineItem(index);
      case 'tickets':
        return this.generator.ticket(index);
    }
  }

  /** Base index of a generated id, if it is one. */
  indexOf(type: DemoObjectType, id: string): number | undefined {
    if (!/^\d{1,30}$/.test(id)) return undefined;
    if (type === 'orders') {
      const special = this.specialOrderIndex.get(id);
      if (special !== undefined) return special;
    }
    const base = type === 'contacts' ? idBase.contact : type === 'orders' ? idBase.order : type === 'line_items' ? idBase.lineItem : idBase.ticket;
    const index = BigInt(id) - base;
    if (index < 0n || index >= BigInt(this.baseCount(type))) return undefined;
    const candidate = Number(index);
    // An ABCD order took this slot's place, so the slot's own id does not exist.
    if (type === 'orders' && this.generator.orderId(candidate) !== id) return undefined;
    return candidate;
  }

  /** Record at `position` of the listing, which is in ascending id order: generated records, then created ones (archived ones included). */
  at(type: DemoObjectType, position: number): DemoRecord | undefined {
    const baseCount = this.baseCount(type);
    if (position < baseCount) {
      const record = this.baseRecord(type, this.listIndex(type, position));
      return this.archivedRecords.get(type)?.get(record.id) ?? record;
    }
    const created = this.created.get(type);
    if (!created) return undefined;
    let skip = position - baseCount;
    for (const record of created.values()) if (skip-- === 0) return this.archivedRecords.get(type)?.get(record.id) ?? record;
    return undefined;
  }

  private listIndex(type: DemoObjectType, position: number): number {
    if (type !== 'orders' || this.specialOrders.length === 0) return position;
    const regular = this.baseCount(type) - this.specialOrders.length;
    if (position >= regular) return this.specialOrders[position - regular]?.index ?? position;
    let index = position;
    for (const special of [...this.specialOrders].sort((a, b) => a.index - b.index)) if (special.index <= index) index += 1;
    return index;
  }

  /** Listing positions, archived and merged records included (a listing skips them). */
  size(type: DemoObjectType): number {
    return this.baseCount(type) + (this.created.get(type)?.size ?? 0);
  }

  /** Live records: listing positions minus archived and merged ones. */
  liveCount(type: DemoObjectType): number {
    return this.size(type) - (this.archivedRecords.get(type)?.size ?? 0) - (type === 'contacts' ? this.mergedInto.size : 0);
  }

  /** The live record with this id (a merged contact's id finds the one it was merged into). */
  get(type: DemoObjectType, id: string): DemoRecord | undefined {
    const primary = type === 'contacts' ? this.mergedInto.get(id) : undefined;
    if (primary !== undefined) return this.get(type, primary);
    if (this.archivedRecords.get(type)?.has(id)) return undefined;
    return this.getAny(type, id);
  }

  private getAny(type: DemoObjectType, id: string): DemoRecord | undefined {
    const overlaid = this.overlay.get(type)?.get(id)?.record;
    if (overlaid) return overlaid;
    const index = this.indexOf(type, id);
    return index === undefined ? this.created.get(type)?.get(id) : this.generate(type, index);
  }

  /** Every archived record of a type, by ascending id (what `archived=true` lists, densely paged). */
  archivedList(type: DemoObjectType): DemoRecord[] {
    return [...(this.archivedRecords.get(type)?.values() ?? [])].sort((a, b) => compareIds(a.id, b.id));
  }

  archived(type: DemoObjectType, id: string): DemoRecord | undefined {
    return this.archivedRecords.get(type)?.get(id);
  }

  isMerged(id: string): boolean {
    return this.mergedInto.has(id);
  }

  /** Contact ids merged (directly or not) into this one. */
  mergedIdsOf(primaryId: string): string[] {
    return [...this.mergedInto.keys()].filter((id) => id !== primaryId && this.survivingContactId(id) === primaryId);
  }

  /** The id a contact id stands for now: itself, or the contact it was merged into. */
  survivingContactId(id: string): string {
    let current = id;
    for (let hops = 0; hops < 10 && this.mergedInto.has(current); hops += 1) current = this.mergedInto.get(current) ?? current;
    return current;
  }

  /** Records changed since start, by modification time then id: the tail of every incremental search. */
  changed(type: DemoObjectType): DemoRecord[] {
    return this.changes(type).records;
  }

  /** Base indices of generated records changed since start, ascending. */
  touchedIndices(type: DemoObjectType): number[] {
    return this.changes(type).touched;
  }

  private changes(type: DemoObjectType): { records: DemoRecord[]; touched: number[] } {
    let cached = this.changedCache.get(type);
    if (!cached) {
      const overlay = [...(this.overlay.get(type)?.values() ?? [])];
      const archived = this.archivedRecords.get(type);
      const hidden = (record: DemoRecord): boolean => Boolean(archived?.has(record.id)) || (type === 'contacts' && this.mergedInto.has(record.id));
      const archivedBase = [...(archived?.keys() ?? [])].map((id) => this.indexOf(type, id)).filter((index): index is number => index !== undefined);
      const mergedBase = type === 'contacts' ? [...this.mergedInto.keys()].map((id) => this.indexOf(type, id)).filter((index): index is number => index !== undefined) : [];
      cached = {
        records: [...overlay.map((entry) => entry.record), ...(this.created.get(type)?.values() ?? [])].filter((record) => !hidden(record)).sort(byTimeThenId),
        touched: [...new Set([...overlay.map((entry) => entry.index), ...archivedBase, ...mergedBase])].sort((a, b) => a - b),
      };
      this.changedCache.set(type, cached);
    }
    return cached;
  }

  private store(type: DemoObjectType, record: DemoRecord): void {
    this.changedCache.delete(type);
    const created = this.created.get(type);
    if (created?.has(record.id)) {
      created.set(record.id, record);
      return;
    }
    const index = this.indexOf(type, record.id);
    if (index === undefined) return;
    let map = this.overlay.get(type);
    if (!map) {
      map = new Map();
      this.overlay.set(type, map);
    }
    map.set(record.id, { index, record });
  }

  /** Rejects a value another record of the type already holds in a unique-value property (HubSpot answers 409). */
  checkUnique(type: DemoObjectType, id: string | undefined, properties: Record<string, string | null>): { property: string; value: string; existingId: string } | undefined {
    for (const name of this.properties.uniqueProperties(type)) {
      const value = properties[name];
      if (value === undefined || value === null || value === '') continue;
      const existing = this.uniqueValues.get(`${type}:${name}`)?.get(value);
      if (existing !== undefined && existing !== id && this.get(type, existing)) return { property: name, value, existingId: existing };
    }
    return undefined;
  }

  /** The record whose unique-value property holds this value (`idProperty` reads). */
  byUniqueValue(type: DemoObjectType, property: string, value: string): DemoRecord | undefined {
    const id = this.uniqueValues.get(`${type}:${property}`)?.get(value);
    return id === undefined ? undefined : this.get(type, id);
  }

  private indexUnique(type: DemoObjectType, id: string, properties: Record<string, string | null>): void {
    for (const name of this.properties.uniqueProperties(type)) {
      const value = properties[name];
      if (value === undefined || value === null || value === '') continue;
      let map = this.uniqueValues.get(`${type}:${name}`);
      if (!map) {
        map = new Map();
        this.uniqueValues.set(`${type}:${name}`, map);
      }
      map.set(value, id);
    }
  }

  /** Marks a record modified now; with `properties`, also changes them. */
  update(type: DemoObjectType, id: string, properties: Record<string, string | null> = {}): DemoRecord | undefined {
    const record = this.get(type, id);
    if (!record) return undefined;
    const at = new Date().toISOString();
    const updated: DemoRecord = { ...record, updatedAt: at, properties: { ...record.properties, ...properties, hs_object_id: record.id, [lastModifiedProperty(type)]: at } };
    this.store(type, updated);
    this.indexUnique(type, record.id, properties);
    return updated;
  }

  touch(type: DemoObjectType, id: string): DemoRecord | undefined {
    return this.update(type, id);
  }

  patch(type: DemoObjectType, id: string, properties: Record<string, string | null>): DemoRecord | undefined {
    return this.update(type, id, properties);
  }

  /**
   * `withId` (a replay's ABCD order id) is used when no record has it yet; otherwise an id is minted.
   * `associations` (v3 shape) are linked in the association store, both ways.
   */
  create(type: DemoObjectType, properties: Record<string, string | null>, associations?: DemoRecord['associations'], withId?: string): DemoRecord {
    let id: string;
    if (withId && !this.get(type, withId)) id = withId;
    else {
      const next = this.nextCreated.get(type) ?? createdIdBase[type];
      this.nextCreated.set(type, next + 1n);
      id = next.toString();
    }
    const at = new Date().toISOString();
    // A replay's scenario order brings its own purchase date as its creation date; HTTP writes never can
    // (the routes refuse read-only properties), so anything else is created now.
    const createdAt = properties[createdProperty(type)] ?? at;
    const record: DemoRecord = {
      id,
      properties: { ...properties, hs_object_id: id, [createdProperty(type)]: createdAt, [lastModifiedProperty(type)]: at },
      createdAt,
      updatedAt: at,
      archived: false,
    };
    let created = this.created.get(type);
    if (!created) {
      created = new Map();
      this.created.set(type, created);
    }
    created.set(id, record);
    this.indexUnique(type, id, properties);
    for (const [to, list] of Object.entries(associations ?? {})) {
      const target = objectTypeOf(to);
      const typeId = target ? associationType(type, target)?.id : undefined;
      if (target && typeId !== undefined) for (const entry of list.results) this.associations.add(type, id, target, entry.id, typeId);
    }
    this.changedCache.delete(type);
    return record;
  }

  /** Archives (deletes) a record: reads answer 404, search leaves it out, `?archived=true` lists it. */
  archive(type: DemoObjectType, id: string): DemoRecord | undefined {
    const record = this.get(type, id);
    if (!record || record.id !== id) return undefined;
    const at = new Date().toISOString();
    const archived: DemoRecord = { ...record, archived: true, archivedAt: at };
    let map = this.archivedRecords.get(type);
    if (!map) {
      map = new Map();
      this.archivedRecords.set(type, map);
    }
    map.set(id, archived);
    this.changedCache.delete(type);
    return archived;
  }

  /**
   * Merges contact `mergedId` into `primaryId`, as HubSpot's merge does: the primary survives
   * (modified now, `hs_merged_object_ids` listing the merged id), the merged id reads as the
   * primary, and the merged contact's threads and associations move to the primary.
   */
  merge(primaryId: string, mergedId: string): DemoRecord | undefined {
    const primary = this.get('contacts', primaryId);
    const merged = this.get('contacts', mergedId);
    if (!primary || !merged || primary.id === merged.id) return undefined;
    const previous = primary.properties.hs_merged_object_ids;
    const ids = [...(previous ? previous.split(';') : []), merged.id, ...(merged.properties.hs_merged_object_ids?.split(';') ?? [])].filter(Boolean);
    this.associations.moveContact(merged.id, primary.id);
    this.mergedInto.set(merged.id, primary.id);
    this.changedCache.delete('contacts');
    return this.update('contacts', primary.id, { hs_merged_object_ids: [...new Set(ids)].join(';') });
  }

  threadCount(): number {
    return this.generator.contacts;
  }

  /** Which generated threads belong to contact c (created contacts have none). */
  threadIndicesOfContact(contactIndex: number): number[] {
    return contactIndex < this.generator.contacts ? this.generator.threadIndicesOf(contactIndex) : [];
  }

  thread(index: number): DemoThread {
    const base = this.generator.thread(index);
    const thread = this.threadOverlay.get(base.id) ?? base;
    // A merged contact's threads belong to the contact that survived.
    return this.mergedInto.has(thread.associatedContactId) ? { ...thread, associatedContactId: this.survivingContactId(thread.associatedContactId) } : thread;
  }

  threadById(id: string): { index: number; thread: DemoThread } | undefined {
    if (!/^\d{1,30}$/.test(id)) return undefined;
    const index = BigInt(id) - idBase.thread;
    if (index < 0n || index >= BigInt(this.threadCount())) return undefined;
    return { index: Number(index), thread: this.thread(Number(index)) };
  }

  /** Threads with messages added since start, by latest message time. */
  changedThreads(): DemoThread[] {
    return [...this.threadOverlay.values()]
      .map((thread) => (this.mergedInto.has(thread.associatedContactId) ? { ...thread, associatedContactId: this.survivingContactId(thread.associatedContactId) } : thread))
      .sort((a, b) => a.latestMessageTimestamp.localeCompare(b.latestMessageTimestamp) || compareIds(a.id, b.id));
  }

  /** Every entry of the thread's messages list, oldest first (messages, comments, welcome, assignment, status changes). */
  entries(threadIndex: number): DemoMessage[] {
    const base = this.generator.entries(threadIndex);
    return [...base, ...(this.extraMessages.get(this.generator.threadId(threadIndex)) ?? [])];
  }

  /** The thread's MESSAGE entries only. */
  messages(threadIndex: number): DemoMessage[] {
    return this.entries(threadIndex).filter((entry) => entry.type === 'MESSAGE');
  }

  channelOf(threadIndex: number): DemoChannel {
    return this.generator.channelOf(threadIndex);
  }

  private nextEntryId(): string {
    this.extraEntryTotal += 1;
    return uniqueHexId(2, this.extraEntryTotal, 0, streamFor(this.generator.seed, 0x3a7, this.extraEntryTotal));
  }

  private append(threadIndex: number, entry: DemoMessage, next: DemoThread): DemoMessage {
    this.extraMessages.set(next.id, [...(this.extraMessages.get(next.id) ?? []), entry]);
    this.threadOverlay.set(next.id, next);
    return entry;
  }

  private nextTime(threadIndex: number): string {
    const previous = this.entries(threadIndex).at(-1);
    // Strictly after the previous entry, so "ascending createdAt" holds even within one millisecond.
    return new Date(Math.max(Date.now(), previous ? Date.parse(previous.createdAt) + 1 : 0)).toISOString();
  }

  /** A MESSAGE: the customer writing in (INCOMING), or a reply sent through the API (OUTGOING, client INTEGRATION); reopens the thread. */
  addMessage(
    threadIndex: number,
    text: string,
    direction: 'INCOMING' | 'OUTGOING',
    sender?: { actorId: string; name: string },
    recipients?: DemoMessage['recipients'],
    extra: { subject?: string; richText?: string; attachments?: unknown[] } = {},
  ): DemoMessage {
    const at = this.nextTime(threadIndex);
    const channel = this.channelOf(threadIndex);
    const customer = { actorId: this.generator.customerActorId(threadIndex), name: this.generator.slots(threadIndex).name ?? '', deliveryIdentifier: this.generator.customerIdentifier(threadIndex) };
    const support = DemoGenerator.supportIdentifier(channel);
    const incoming = direction === 'INCOMING';
    const agent = sender ?? { actorId: 'A-101', name: 'AcmeBrands support' };
    const message: DemoMessage = {
      id: this.nextEntryId(),
      type: 'MESSAGE',
      conversationsThreadId: this.generator.threadId(threadIndex),
      createdAt: at,
      createdBy: incoming ? customer.actorId : agent.actorId,
      client: incoming ? { clientType: 'SYSTEM' } : { clientType: 'INTEGRATION', integrationAppId: 1_234_567 },
      senders: [incoming ? customer : { ...agent, deliveryIdentifier: support }],
      recipients: recipients ?? [incoming ? { deliveryIdentifier: support } : { actorId: customer.actorId, name: customer.name, deliveryIdentifier: customer.deliveryIdentifier }],
      archived: false,
      text,
      richText: extra.richText ?? richTextOf(text),
      attachments: extra.attachments ?? [],
      ...(extra.subject ? { subject: extra.subject } : {}),
      truncationStatus: 'NOT_TRUNCATED',
      status: { statusType: incoming ? 'RECEIVED' : 'SENT' },
      direction,
      channelId: channelIds[channel],
      channelAccountId: channelAccountIds[channel],
    };
    this.extraMessageTotal += 1;
    const thread = this.thread(threadIndex);
    const { closedAt: _closed, ...open } = thread;
    void _closed;
    return this.append(threadIndex, message, { ...open, status: 'OPEN', latestMessageTimestamp: at, ...(incoming ? { latestMessageReceivedTimestamp: at } : { latestMessageSentTimestamp: at }) });
  }

  /** An internal COMMENT by an agent: seen by the team in the inbox, never by the customer; the thread's message times do not move. */
  addComment(threadIndex: number, text: string, author: { actorId: string; name: string }, extra: { richText?: string; attachments?: unknown[] } = {}): DemoMessage {
    const comment: DemoMessage = {
      id: this.nextEntryId(),
      type: 'COMMENT',
      conversationsThreadId: this.generator.threadId(threadIndex),
      createdAt: this.nextTime(threadIndex),
      createdBy: author.actorId,
      client: { clientType: 'INTEGRATION', integrationAppId: 1_234_567 },
      senders: [author],
      recipients: [],
      archived: false,
      text,
      richText: extra.richText ?? richTextOf(text),
      attachments: extra.attachments ?? [],
    };
    return this.append(threadIndex, comment, this.thread(threadIndex));
  }

  /** Changes a thread's status (PATCH thread), logging a THREAD_STATUS_CHANGE entry. */
  setThreadStatus(threadIndex: number, status: 'OPEN' | 'CLOSED', actorId: string): DemoThread {
    const thread = this.thread(threadIndex);
    if (thread.status === status) return thread;
    const at = this.nextTime(threadIndex);
    const { closedAt: _closed, ...rest } = thread;
    void _closed;
    this.append(
      threadIndex,
      { id: this.nextEntryId(), type: 'THREAD_STATUS_CHANGE', conversationsThreadId: thread.id, createdAt: at, createdBy: actorId, client: { clientType: 'INTEGRATION', integrationAppId: 1_234_567 }, senders: [{ actorId }], recipients: [], archived: false, newStatus: status },
      status === 'CLOSED' ? { ...rest, status, closedAt: at } : { ...rest, status },
    );
    return this.thread(threadIndex);
  }

  /** Archives or restores a thread (DELETE / PATCH `archived`): archived threads are listed only with `archived=true`. */
  setThreadArchived(threadIndex: number, archived: boolean): DemoThread {
    const thread = this.thread(threadIndex);
    this.threadOverlay.set(thread.id, { ...thread, archived });
    return this.thread(threadIndex);
  }

  extraMessageCount(): number {
    return this.extraMessageTotal;
  }
}
