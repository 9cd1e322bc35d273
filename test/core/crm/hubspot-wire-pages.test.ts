import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { decodeParts, UnreadablePageError } from '../../../src-main/core/crm/encoded-pages';
import { acceptsContact, acceptsLineItem, acceptsMessage, acceptsOrder, acceptsThread, acceptsTicket, type FastCheck } from '../../../src-main/core/crm/hubspot/fast-checks';
import {
  contactSchema,
  lineItemSchema,
  messageSchema,
  orderSchema,
  threadSchema,
  ticketSchema,
  toContact,
  toConversation,
  toLineItem,
  toMessage,
  toOrder,
  toTicket,
} from '../../../src-main/core/crm/hubspot/schemas';
import { pagingAfterOf } from '../../../src-main/core/crm/hubspot/wire-pages';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text));

/** Values a CRM field may hold, right or wrong: the checks meet every one of them. */
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '42', '-3.50', '1e5', '0042', '2025-01-01T00:00:00Z', 'not a date', 'OPEN', 'CLOSED', 'gold', 'silver', 'MESSAGE', 'INCOMING', 'chat', '{"a":1}', '[1]', '{'),
  fc.string({ minLength: 60, maxLength: 70 }),
  fc.constantFrom('x'.repeat(201), 'x'.repeat(321), 'x'.repeat(501), 'x'.repeat(2_001), '9'.repeat(31)),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.anything(), { maxKeys: 3 }),
);

/** A valid record with some of its fields (any depth the schema reads) replaced by any value or removed. */
function mutated(valid: Record<string, unknown>, paths: string[][]): fc.Arbitrary<unknown> {
  return fc.array(fc.tuple(fc.constantFrom(...paths), anyValue), { maxLength: 4 }).map((changes) => {
    const copy = structuredClone(valid);
    for (const [path, value] of changes) {
      let target = copy as Record<string, unknown>;
      for (const key of path.slice(0, -1)) {
        const next = target[key];
        if (typeof next !== 'object' || next === null) break;
        target = next as Record<string, unknown>;
      }
      const last = path.at(-1) as string;
      if (value === undefined) delete target[last];
      else target[last] = value;
    }
    return copy;
  });
}

const envelope = (properties: Record<string, unknown>): Record<string, unknown> => ({
  id: '9007199254740993',
  properties,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-02-01T00:00:00.000Z',
  archived: false,
  associations: { contacts: { results: [{ id: '11', type: 'order_to_contact' }] }, orders: { results: [{ id: '12' }] } },
});
const envelopePaths = [['id'], ['properties'], ['createdAt'], ['updatedAt'], ['archived'], ['archivedAt'], ['associations'], ['associations', 'contacts'], ['associations', 'contacts', 'results'], ['associations', 'orders', 'results']];
const propertyPaths = (properties: Record<string, unknown>): string[][] => [...Object.keys(properties), 'extra'].map((key) => ['properties', key]);

const contact = { email: 'a@example.com', firstname: 'Ana', lastname: 'Lima', phone: '1', username: 'ana', account_id: 'A1', address: '1 Main St', city: 'X', state: 'NY', zip: '1', membership_level: 'gold', lifetime_value: '10.50', preferences: '{"language":"en"}', copilot_preferences: null, hs_merged_object_ids: '1;2' };
const order = { hs_order_name: 'Order', hs_total_price: '99.90', hs_currency_code: 'USD', hs_fulfillment_status: 'shipped', hs_shipping_address_street: '1 Main St', hs_createdate: '2025-01-01T00:00:00Z' };
const lineItem = { name: 'Shoe', hs_sku: 'S1', quantity: '2', price: '49.95' };
const ticket = { subject: 'Late', content: 'Where is it?', hs_pipeline_stage: '1', hs_ticket_priority: 'HIGH', hs_ticket_category: null };
const thread = { id: '8000000001', createdAt: '2025-01-01T00:00:00Z', status: 'OPEN', associatedContactId: '11', latestMessageTimestamp: '2025-01-02T00:00:00Z', inboxId: '1', originalChannelId: '1000', originalChannelAccountId: '2', assignedTo: 'A-1', archived: false, spam: false, channel: 'chat', subject: 'Hi' };
const message = {
  id: 'm1',
  type: 'MESSAGE',
  createdAt: '2025-01-01T00:00:00Z',
  text: 'Hello',
  direction: 'INCOMING',
  channelId: '1000',
  channelAccountId: '2',
  senders: [{ actorId: 'V-1', name: 'Ana', deliveryIdentifier: { type: 'EMAIL', value: 'a@example.com' } }],
  recipients: [{ actorId: 'A-1' }],
};

const cases: { name: string; accepts: FastCheck; schema: z.ZodType; map: (value: never) => unknown; records: fc.Arbitrary<unknown> }[] = [
  { name: 'contact', accepts: acceptsContact, schema: contactSchema, map: toContact as (value: never) => unknown, records: mutated(envelope(contact), [...envelopePaths, ...propertyPaths(contact)]) },
  { name: 'order', accepts: acceptsOrder, schema: orderSchema, map: toOrder as (value: never) => unknown, records: mutated(envelope(order), [...envelopePaths, ...propertyPaths(order)]) },
  { name: 'line item', accepts: acceptsLineItem, schema: lineItemSchema, map: toLineItem as (value: never) => unknown, records: mutated(envelope(lineItem), [...envelopePaths, ...propertyPaths(lineItem)]) },
  { name: 'ticket', accepts: acceptsTicket, schema: ticketSchema, map: toTicket as (value: never) => unknown, records: mutated(envelope(ticket), [...envelopePaths, ...propertyPaths(ticket)]) },
  { name: 'thread', accepts: acceptsThread, schema: threadSchema, map: toConversation as (value: never) => unknown, records: mutated(thread, [...Object.keys(thread), 'extra'].map((key) => [key])) },
  {
    name: 'message',
    accepts: acceptsMessage,
    schema: messageSchema,
    map: ((value: z.infer<typeof messageSchema>) => toMessage('t1', value)) as (value: never) => unknown,
    records: mutated(message, [...Object.keys(message), 'senders', 'extra'].map((key) => [key]).concat([['senders', '0'], ['senders', '0', 'name'], ['senders', '0', 'deliveryIdentifier'], ['recipients', '0', 'actorId']])),
  },
];

const outcome = (map: (value: never) => unknown, value: unknown): unknown => {
  try {
    return { value: map(value as never) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
};

describe('the hand-written record checks', () => {
  for (const { name, accepts, schema, map, records } of cases) {
    it(`accept a ${name} only where its zod schema does, and map it as zod's output maps`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(records, (raw) => {
          const parsed = schema.safeParse(raw);
          if (!accepts(raw)) return;
          accepted += 1;
          expect(parsed.success).toBe(true);
          expect(outcome(map, raw)).toEqual(outcome(map, parsed.data));
        }),
        { numRuns: 600 },
      );
      // The valid record itself, and enough of the mutants, take the fast path.
      expect(accepted).toBeGreaterThan(30);
    });
  }
});

describe('the paging cursor read from a page undecoded', () => {
  const tricky = fc.constantFrom('"paging"', '"paging":{"next":{"after":"x"}}', '\\"paging\\":', '}]}', '{"paging":', ',"paging":{"next":{"after":"evil"}}}', '\\\\"');
  const record = fc.record({
    id: fc.stringMatching(/^\d{1,5}$/),
    properties: fc.dictionary(fc.oneof(fc.constant('paging'), fc.string({ maxLength: 6 })), fc.oneof(fc.string({ maxLength: 8 }), tricky, fc.constant(null)), { maxKeys: 3 }),
    paging: fc.option(fc.record({ next: fc.record({ after: fc.string({ maxLength: 5 }) }) }), { nil: undefined }),
  });
  const page = fc.record({
    results: fc.array(record, { maxLength: 4 }),
    paging: fc.option(fc.record({ next: fc.option(fc.record({ after: fc.oneof(fc.string({ maxLength: 10 }), tricky) }), { nil: undefined }) }), { nil: undefined }),
  });

  it('is the one JSON.parse finds, whatever the records hold, the key order or the spacing', () => {
    fc.assert(
      fc.property(page, fc.boolean(), fc.constantFrom(undefined, 0, 2), (value, pagingFirst, indent) => {
        const ordered = pagingFirst && value.paging ? { paging: value.paging, results: value.results } : value;
        const text = JSON.stringify(ordered, null, indent);
        expect(pagingAfterOf(bytes(text))).toBe((JSON.parse(text) as typeof value).paging?.next?.after);
      }),
      { numRuns: 500 },
    );
  });

  it('makes the writer refuse a page whose cursor the connector misread, or that is not JSON, rather than skip what follows', () => {
    const body = bytes('{"results":[],"paging":{"next":{"after":"200"}}}');
    expect(() => decodeParts([{ format: 'hubspot-list', type: 'contacts', body, after: undefined }])).toThrow(UnreadablePageError);
    expect(() => decodeParts([{ format: 'hubspot-list', type: 'contacts', body: bytes('{"results":[{"id":'), after: undefined }])).toThrow(/not JSON/);
    expect(() => decodeParts([{ format: 'hubspot-messages', threadId: '1', body: bytes('{"results":{}}'), after: undefined }])).toThrow(/unexpected shape/);
    expect(decodeParts([{ format: 'hubspot-list', type: 'contacts', body, after: '200' }]).records).toEqual([]);
  });
});
