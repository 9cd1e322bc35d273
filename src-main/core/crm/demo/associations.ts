import { lineItemsPerContact, ordersPerContact } from './generator';
import type { DemoObjectType, DemoState } from './state';

/**
 * Associations between records, as HubSpot's Associations v4 API serves them. Generated records
 * are linked by construction (contact c ↔ orders 2c, 2c+1 ↔ their line items; ticket t ↔ contact
 * 2t and its first order); links created through the API live in an overlay. HubSpot's search and
 * batch read answer without associations: v4 batch reads are the way to get them.
 */

/** HubSpot's object type ids (`0-1` …), accepted in paths wherever a type name is. */
export const objectTypeIds: Record<DemoObjectType, string> = { contacts: '0-1', tickets: '0-5', line_items: '0-8', orders: '0-123' };

/** HUBSPOT_DEFINED association type ids, by direction, and the v3 label for each. */
export const associationTypeIds: Partial<Record<`${DemoObjectType}->${DemoObjectType}`, { id: number; label: string }>> = {
  'contacts->tickets': { id: 15, label: 'contact_to_ticket' },
  'tickets->contacts': { id: 16, label: 'ticket_to_contact' },
  'orders->contacts': { id: 507, label: 'order_to_contact' },
  'contacts->orders': { id: 508, label: 'contact_to_order' },
  'orders->line_items': { id: 513, label: 'order_to_line_item' },
  'line_items->orders': { id: 514, label: 'line_item_to_order' },
  'orders->tickets': { id: 525, label: 'order_to_ticket' },
  'tickets->orders': { id: 526, label: 'ticket_to_order' },
};

export function associationType(from: DemoObjectType, to: DemoObjectType): { id: number; label: string } | undefined {
  return associationTypeIds[`${from}->${to}`];
}

const aliases: Record<string, DemoObjectType> = {
  contact: 'contacts',
  contacts: 'contacts',
  order: 'orders',
  orders: 'orders',
  line_item: 'line_items',
  line_items: 'line_items',
  ticket: 'tickets',
  tickets: 'tickets',
  ...Object.fromEntries(Object.entries(objectTypeIds).map(([type, id]) => [id, type as DemoObjectType])),
};

export function objectTypeOf(value: string | undefined): DemoObjectType | undefined {
  return aliases[(value ?? '').toLowerCase()];
}

const key = (type: DemoObjectType, id: string, to: DemoObjectType): string => `${type}:${id}:${to}`;

export class AssociationStore {
  private readonly added = new Map<string, Map<string, number>>();
  private readonly removed = new Set<string>();
  /** Primary contact id → the contact ids merged into it. */
  private readonly absorbed = new Map<string, string[]>();

  constructor(private readonly state: DemoState) {}

  /** The generated links of a record, by its base index. */
  private generated(type: DemoObjectType, id: string, to: DemoObjectType): string[] {
    const state = this.state;
    const generator = state.generator;
    const index = state.indexOf(type, id);
    if (index === undefined) return [];
    if (type === 'contacts') {
      if (to === 'orders') return [generator.orderId(index * ordersPerContact), generator.orderId(index * ordersPerContact + 1)];
      if (to === 'tickets') return index % 2 === 0 && index / 2 < state.baseCount('tickets') ? [generator.ticketId(index / 2)] : [];
      return [];
    }
    if (type === 'line_items') return to === 'orders' ? [generator.orderId(generator.orderOfLineItem(index))] : [];
    if (type === 'orders') {
      const contactIndex = Math.floor(index / ordersPerContact);
      if (to === 'contacts') return [generator.contactId(contactIndex)];
      if (to === 'line_items') return generator.lineItemIndices(index).map((item) => generator.lineItemId(item));
      if (to === 'tickets') {
        if (index % ordersPerContact !== 0 || contactIndex % 2 !== 0) return [];
        const ticket = generator.ticket(contactIndex / 2);
        return ticket.associations?.orders?.results.some((link) => link.id === id) ? [ticket.id] : [];
      }
      return [];
    }
    // tickets
    const ticket = generator.ticket(index);
    if (to === 'contacts') return [generator.contactId(index * 2)];
    if (to === 'orders') return ticket.associations?.orders?.results.map((link) => link.id) ?? [];
    void lineItemsPerContact;
    return [];
  }

  /** Links from a record to records of another type, each with its association type ids; merged contacts read as the one that survived. */
  links(type: DemoObjectType, id: string, to: DemoObjectType): { toId: string; typeIds: number[] }[] {
    const sources = type === 'contacts' ? [id, ...(this.absorbed.get(id) ?? [])] : [id];
    const out = new Map<string, Set<number>>();
    const typeId = associationType(type, to)?.id;
    for (const source of sources) {
      for (const target of this.generated(type, source, to)) {
        if (this.removed.has(`${key(type, source, to)}:${target}`)) continue;
        const resolved = to === 'contacts' ? this.state.survivingContactId(target) : target;
        if (typeId !== undefined) (out.get(resolved) ?? out.set(resolved, new Set()).get(resolved))?.add(typeId);
      }
      for (const [target, addedType] of this.added.get(key(type, source, to)) ?? []) {
        const resolved = to === 'contacts' ? this.state.survivingContactId(target) : target;
        (out.get(resolved) ?? out.set(resolved, new Set()).get(resolved))?.add(addedType);
      }
    }
    return [...out]
      .filter(([target]) => this.state.get(to, target) !== undefined)
      .map(([toId, typeIds]) => ({ toId, typeIds: [...typeIds].sort((a, b) => a - b) }));
  }

  /** Links two records both ways (the reverse direction gets its own HUBSPOT_DEFINED type id). */
  add(from: DemoObjectType, fromId: string, to: DemoObjectType, toId: string, typeId: number): void {
    this.removed.delete(`${key(from, fromId, to)}:${toId}`);
    this.removed.delete(`${key(to, toId, from)}:${fromId}`);
    const forward = this.added.get(key(from, fromId, to)) ?? new Map<string, number>();
    forward.set(toId, typeId);
    this.added.set(key(from, fromId, to), forward);
    const reverseType = associationType(to, from)?.id ?? typeId;
    const backward = this.added.get(key(to, toId, from)) ?? new Map<string, number>();
    backward.set(fromId, reverseType);
    this.added.set(key(to, toId, from), backward);
  }

  remove(from: DemoObjectType, fromId: string, to: DemoObjectType, toId: string): void {
    this.added.get(key(from, fromId, to))?.delete(toId);
    this.added.get(key(to, toId, from))?.delete(fromId);
    this.removed.add(`${key(from, fromId, to)}:${toId}`);
    this.removed.add(`${key(to, toId, from)}:${fromId}`);
  }

  /** After a merge, the primary contact carries the merged contact's links (the other side resolves merged ids on read). */
  moveContact(mergedId: string, primaryId: string): void {
    const list = this.absorbed.get(primaryId) ?? [];
    list.push(mergedId, ...(this.absorbed.get(mergedId) ?? []));
    this.absorbed.set(primaryId, list);
  }

  /** The v3 `associations` field of a record (asked for with `?associations=` on a list or single read). */
  v3(type: DemoObjectType, id: string, types: readonly DemoObjectType[]): Record<string, { results: { id: string; type: string }[] }> | undefined {
    const out: Record<string, { results: { id: string; type: string }[] }> = {};
    for (const to of types) {
      const label = associationType(type, to)?.label ?? `${type}_to_${to}`;
      const results = this.links(type, id, to).map((link) => ({ id: link.toId, type: label }));
      if (results.length > 0) out[to] = { results };
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
}
