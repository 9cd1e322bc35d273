import { DemoGenerator, abcd, idBase, ordersPerContact, type DemoMessage, type DemoRecord, type DemoThread } from './generator';

export type DemoObjectType = 'contacts' | 'orders' | 'line_items' | 'tickets';

const nowIso = (): string => new Date().toISOString();

/**
 * The demo CRM's data: generated base records plus an overlay of everything changed since
 * start (touched, created, patched records; new messages). Only the overlay takes memory.
 */
export class DemoState {
  readonly generator: DemoGenerator;
  private readonly overlay = new Map<DemoObjectType, Map<string, DemoRecord>>();
  private readonly created = new Map<DemoObjectType, DemoRecord[]>();
  private readonly threadOverlay = new Map<string, DemoThread>();
  private readonly extraMessages = new Map<string, DemoMessage[]>();
  private readonly specialOrders = new Map<string, number>();
  private nextCreatedId = 6_900_000_000n;

  constructor(seed: number, contacts: number) {
    this.generator = new DemoGenerator(seed, contacts);
    abcd.forEach((customer, index) => {
      if (customer.orderId && index < contacts) this.specialOrders.set(customer.orderId, index * ordersPerContact);
    });
  }

  baseCount(type: DemoObjectType): number {
    const counts = this.generator.counts();
    return type === 'contacts' ? counts.contacts : type === 'orders' ? counts.orders : type === 'line_items' ? counts.line_items : counts.tickets;
  }

  private baseRecord(type: DemoObjectType, index: number): DemoRecord {
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

  indexOf(type: DemoObjectType, id: string): number | undefined {
    if (!/^\d+$/.test(id)) return undefined;
    if (type === 'orders' && this.specialOrders.has(id)) return this.specialOrders.get(id);
    const base = type === 'contacts' ? idBase.contact : type === 'orders' ? idBase.order : type === 'line_items' ? idBase.lineItem : idBase.ticket;
    const index = BigInt(id) - base;
    if (index < 0n || index >= BigInt(this.baseCount(type))) return undefined;
    const candidate = Number(index);
    return this.baseRecord(type, candidate).id === id ? candidate : undefined;
  }

  /** Record at position `index` of the listing: base records, then the ones created since start. */
  at(type: DemoObjectType, index: number): DemoRecord | undefined {
    const baseCount = this.baseCount(type);
    if (index < baseCount) {
      const base = this.baseRecord(type, index);
      return this.overlay.get(type)?.get(base.id) ?? base;
    }
    return this.created.get(type)?.[index - baseCount];
  }

  size(type: DemoObjectType): number {
    return this.baseCount(type) + (this.created.get(type)?.length ?? 0);
  }

  get(type: DemoObjectType, id: string): DemoRecord | undefined {
    const overlaid = this.overlay.get(type)?.get(id);
    if (overlaid) return overlaid;
    const index = this.indexOf(type, id);
    return index === undefined ? this.created.get(type)?.find((record) => record.id === id) : this.baseRecord(type, index);
  }

  /** Records changed since start, in modification order: the tail of every incremental search. */
  changed(type: DemoObjectType): DemoRecord[] {
    return [...(this.overlay.get(type)?.values() ?? []), ...(this.created.get(type) ?? [])].sort(
      (a, b) => a.updatedAt.localeCompare(b.updatedAt) || (BigInt(a.id) < BigInt(b.id) ? -1 : 1),
    );
  }

  isTouched(type: DemoObjectType, index: number): boolean {
    const overlay = this.overlay.get(type);
    return overlay ? overlay.has(this.baseRecord(type, index).id) : false;
  }

  touchedIndices(type: DemoObjectType): number[] {
    return [...(this.overlay.get(type)?.keys() ?? [])]
      .map((id) => this.indexOf(type, id))
      .filter((index): index is number => index !== undefined)
      .sort((a, b) => a - b);
  }

  private put(type: DemoObjectType, record: DemoRecord): void {
    let map = this.overlay.get(type);
    if (!map) {
      map = new Map();
      this.overlay.set(type, map);
    }
    map.set(record.id, record);
  }

  touch(type: DemoObjectType, id: string): DemoRecord | undefined {
    const record = this.get(type, id);
    if (!record) return undefined;
    const at = nowIso();
    const touched = { ...record, updatedAt: at, properties: { ...record.properties, hs_lastmodifieddate: at } };
    if (this.indexOf(type, id) !== undefined) this.put(type, touched);
    else {
      const list = this.created.get(type) ?? [];
      this.created.set(type, list.map((item) => (item.id === id ? touched : item)));
    }
    return touched;
  }

  patch(type: DemoObjectType, id: string, properties: Record<string, string | null>): DemoRecord | undefined {
    const record = this.touch(type, id);
    if (!record) return undefined;
    const patched = { ...record, properties: { ...record.properties, ...properties } };
    if (this.indexOf(type, id) !== undefined) this.put(type, patched);
    else this.created.set(type, (this.created.get(type) ?? []).map((item) => (item.id === id ? patched : item)));
    return patched;
  }

  create(type: DemoObjectType, properties: Record<string, string | null>, associations: DemoRecord['associations']): DemoRecord {
    const id = (this.nextCreatedId++).toString();
    const at = nowIso();
    const record: DemoRecord = { id, properties: { ...properties, hs_object_id: id, hs_lastmodifieddate: at }, createdAt: at, updatedAt: at, ...(associations ? { associations } : {}) };
    this.created.set(type, [...(this.created.get(type) ?? []), record]);
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
    if (!/^\d+$/.test(id)) return undefined;
    const index = BigInt(id) - idBase.thread;
    if (index < 0n || index >= BigInt(this.threadCount())) return undefined;
    return { index: Number(index), thread: this.thread(Number(index)) };
  }

  changedThreads(): DemoThread[] {
    return [...this.threadOverlay.values()].sort((a, b) => a.latestMessageTimestamp.localeCompare(b.latestMessageTimestamp));
  }

  messages(threadIndex: number): DemoMessage[] {
    const base = this.generator.messages(threadIndex);
    return [...base, ...(this.extraMessages.get(this.generator.threadId(threadIndex)) ?? [])];
  }

  addMessage(threadIndex: number, text: string, direction: 'INCOMING' | 'OUTGOING'): DemoMessage {
    const thread = this.thread(threadIndex);
    const list = this.extraMessages.get(thread.id) ?? [];
    const at = nowIso();
    const contact = this.generator.contact(threadIndex);
    const message: DemoMessage = {
      id: `${thread.id}${String(100 + list.length).padStart(3, '0')}`,
      type: 'MESSAGE',
      createdAt: at,
      text,
      direction,
      senders: [direction === 'INCOMING' ? { actorId: `V-${contact.id}`, name: `${contact.properties.firstname} ${contact.properties.lastname}` } : { actorId: 'A-1', name: 'Agent' }],
      channelId: '1000',
    };
    this.extraMessages.set(thread.id, [...list, message]);
    this.threadOverlay.set(thread.id, { ...thread, latestMessageTimestamp: at, status: 'OPEN' });
    return message;
  }

  extraMessageCount(): number {
    let count = 0;
    for (const list of this.extraMessages.values()) count += list.length;
    return count;
  }
}
