import { DemoGenerator, idBase, type DemoMessage, type DemoRecord, type DemoThread } from './generator';

export type DemoObjectType = 'contacts' | 'orders' | 'line_items' | 'tickets';
export const demoObjectTypes: readonly DemoObjectType[] = ['contacts', 'orders', 'line_items', 'tickets'];

/** Ids of records created through the API start above every generated id of their type, so listings stay in ascending id order. */
const createdIdBase: Record<DemoObjectType, bigint> = {
  contacts: idBase.contact + 1_000_000_000_000n,
  orders: 9_000_000_000n,
  line_items: 5_900_000_000n,
  tickets: 6_900_000_000n,
};
const extraMessageIdBase = 9_500_000_000_000_000n;

const compareIds = (a: string, b: string): number => (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0);
const byTimeThenId = (a: { updatedAt: string; id: string }, b: { updatedAt: string; id: string }): number => a.updatedAt.localeCompare(b.updatedAt) || compareIds(a.id, b.id);

/**
 * The demo CRM's data: generated base records plus an overlay of everything changed since
 * start (touched, patched and created records, new messages). Only the overlay takes memory.
 */
export class DemoState {
  readonly generator: DemoGenerator;
  private readonly overlay = new Map<DemoObjectType, Map<string, { index: number; record: DemoRecord }>>();
  private readonly created = new Map<DemoObjectType, Map<string, DemoRecord>>();
  private readonly nextCreated = new Map<DemoObjectType, bigint>();
  private readonly threadOverlay = new Map<string, DemoThread>();
  private readonly extraMessages = new Map<string, DemoMessage[]>();
  private extraMessageTotal = 0;
  /** Order indices whose ids come from ABCD rather than the id base: listed after the others, by id. */
  private readonly specialOrders: { index: number; id: string }[] = [];
  private readonly specialOrderIndex = new Map<string, number>();
  private readonly changedCache = new Map<DemoObjectType, { records: DemoRecord[]; touched: number[] }>();

  constructor(seed: number, contacts: number) {
    this.generator = new DemoGenerator(seed, contacts);
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

  /** Record at `position` of the listing, which is in ascending id order: generated records, then created ones. */
  at(type: DemoObjectType, position: number): DemoRecord | undefined {
    const baseCount = this.baseCount(type);
    if (position < baseCount) return this.baseRecord(type, this.listIndex(type, position));
    const created = this.created.get(type);
    if (!created) return undefined;
    let skip = position - baseCount;
    for (const record of created.values()) if (skip-- === 0) return record;
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

  size(type: DemoObjectType): number {
    return this.baseCount(type) + (this.created.get(type)?.size ?? 0);
  }

  get(type: DemoObjectType, id: string): DemoRecord | undefined {
    const overlaid = this.overlay.get(type)?.get(id)?.record;
    if (overlaid) return overlaid;
    const index = this.indexOf(type, id);
    return index === undefined ? this.created.get(type)?.get(id) : this.generate(type, index);
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
      cached = {
        records: [...overlay.map((entry) => entry.record), ...(this.created.get(type)?.values() ?? [])].sort(byTimeThenId),
        touched: overlay.map((entry) => entry.index).sort((a, b) => a - b),
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

  /** Marks a record modified now; with `properties`, also changes them. */
  update(type: DemoObjectType, id: string, properties: Record<string, string | null> = {}): DemoRecord | undefined {
    const record = this.get(type, id);
    if (!record) return undefined;
    const at = new Date().toISOString();
    const updated: DemoRecord = { ...record, updatedAt: at, properties: { ...record.properties, ...properties, hs_object_id: record.id, hs_lastmodifieddate: at } };
    this.store(type, updated);
    return updated;
  }

  touch(type: DemoObjectType, id: string): DemoRecord | undefined {
    return this.update(type, id);
  }

  patch(type: DemoObjectType, id: string, properties: Record<string, string | null>): DemoRecord | undefined {
    return this.update(type, id, properties);
  }

  /** `withId` (a replay's ABCD order id) is used when no record has it yet; otherwise an id is minted. */
  create(type: DemoObjectType, properties: Record<string, string | null>, associations: DemoRecord['associations'], withId?: string): DemoRecord {
    let id: string;
    if (withId && !this.get(type, withId)) id = withId;
    else {
      const next = this.nextCreated.get(type) ?? createdIdBase[type];
      this.nextCreated.set(type, next + 1n);
      id = next.toString();
    }
    const at = new Date().toISOString();
    const record: DemoRecord = {
      id,
      properties: { ...properties, hs_object_id: id, hs_lastmodifieddate: at },
      createdAt: at,
      updatedAt: at,
      archived: false,
      ...(associations && Object.keys(associations).length > 0 ? { associations } : {}),
    };
    let created = this.created.get(type);
    if (!created) {
      created = new Map();
      this.created.set(type, created);
    }
    created.set(id, record);
    this.changedCache.delete(type);
    return record;
  }

  threadCount(): number {
    return this.generator.contacts;
  }

  thread(index: number): DemoThread {
    const base = this.generator.thread(index);
    return this.threadOverlay.get(base.id) ?? base;
  }

  threadById(id: string): { index: number; thread: DemoThread } | undefined {
    if (!/^\d{1,30}$/.test(id)) return undefined;
    const index = BigInt(id) - idBase.thread;
    if (index < 0n || index >= BigInt(this.threadCount())) return undefined;
    return { index: Number(index), thread: this.thread(Number(index)) };
  }

  /** Threads with messages added since start, by latest message time. */
  changedThreads(): DemoThread[] {
    return [...this.threadOverlay.values()].sort((a, b) => a.latestMessageTimestamp.localeCompare(b.latestMessageTimestamp) || compareIds(a.id, b.id));
  }

  messages(threadIndex: number): DemoMessage[] {
    const base = this.generator.messages(threadIndex);
    return [...base, ...(this.extraMessages.get(this.generator.threadId(threadIndex)) ?? [])];
  }

  addMessage(threadIndex: number, text: string, direction: 'INCOMING' | 'OUTGOING', sender?: { actorId: string; name: string }): DemoMessage {
    const thread = this.thread(threadIndex);
    const previous = this.messages(threadIndex).at(-1);
    // Strictly after the previous message, so "ascending createdAt" holds even within one millisecond.
    const at = new Date(Math.max(Date.now(), previous ? Date.parse(previous.createdAt) + 1 : 0)).toISOString();
    const contact = this.generator.contact(threadIndex).properties;
    const id = (extraMessageIdBase + BigInt(this.extraMessageTotal)).toString();
    this.extraMessageTotal += 1;
    const message: DemoMessage = {
      id,
      type: 'MESSAGE',
      createdAt: at,
      text,
      direction,
      senders: [
        direction === 'INCOMING'
          ? { actorId: `V-${thread.associatedContactId}`, name: `${contact.firstname ?? ''} ${contact.lastname ?? ''}`.trim() }
          : (sender ?? { actorId: 'A-1', name: 'AcmeBrands support' }),
      ],
      channelId: this.generator.messages(threadIndex)[0]?.channelId ?? '1000',
    };
    this.extraMessages.set(thread.id, [...(this.extraMessages.get(thread.id) ?? []), message]);
    this.threadOverlay.set(thread.id, { ...thread, latestMessageTimestamp: at, status: 'OPEN' });
    return message;
  }

  extraMessageCount(): number {
    return this.extraMessageTotal;
  }
}
