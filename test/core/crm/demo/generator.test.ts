import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DemoGenerator } from '../../../../src-main/core/crm/demo/index';
import { uniqueHexId } from '../../../../src-main/core/crm/demo/generator';
import { products, scenarios } from '../../../../src-main/core/crm/demo/catalog';
import { startDemoCrm } from '../../../../src-main/core/crm/demo/index';
import { demoClient } from './client';

/** A fixed clock: generated times are relative to it, so two generators made a minute apart still agree. */
const clock = Date.UTC(2026, 2, 10, 9, 30);

describe('demo CRM generator', () => {
  it('makes record i a pure function of the seed and i, whatever the size or the order of generation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 3, max: 999_999 }), (seed, index) => {
        const small = new DemoGenerator(seed, index + 1, undefined, clock);
        const huge = new DemoGenerator(seed, 1_000_000, undefined, clock);
        huge.contact(index + 1 < 1_000_000 ? index + 1 : 0);
        expect(huge.contact(index)).toEqual(small.contact(index));
        expect(huge.order(index * 2 + 1)).toEqual(small.order(index * 2 + 1));
        expect(huge.messages(index)).toEqual(small.messages(index));
        expect(huge.thread(index)).toEqual(new DemoGenerator(seed, index + 1, undefined, clock).thread(index));
      }),
      { numRuns: 40 },
    );
  });

  it('differs between seeds', () => {
    const a = new DemoGenerator(1, 100, undefined, clock);
    const b = new DemoGenerator(2, 100, undefined, clock);
    const differing = Array.from({ length: 50 }, (_, i) => i + 3).filter((i) => JSON.stringify(a.contact(i)) !== JSON.stringify(b.contact(i)));
    expect(differing.length).toBeGreaterThan(45);
  });

  it.each([1, 2, 7, 100, 101, 1001])('counts exactly what it generates for %i contacts', (contacts) => {
    const generator = new DemoGenerator(11, contacts, undefined, clock);
    const counts = generator.counts();
    let messages = 0;
    for (let i = 0; i < contacts; i += 1) messages += generator.messages(i).length;
    expect(messages).toBe(counts.messages);
    const lineItems = new Set<string>();
    for (let i = 0; i < counts.orders; i += 1) {
      const order = generator.order(i);
      for (const link of order.associations?.line_items?.results ?? []) lineItems.add(link.id);
      for (const index of generator.lineItemIndices(i)) expect(generator.orderOfLineItem(index)).toBe(i);
    }
    expect(lineItems.size).toBe(counts.line_items);
    expect(counts.orders / contacts).toBe(2);
    expect(counts.tickets).toBe(Math.ceil(contacts / 2));
  });

  it('draws names, products and conversations from the retailer catalog, with every placeholder filled', () => {
    const generator = new DemoGenerator(3, 2000, undefined, clock);
    const names = new Set(products.map((product) => product.name));
    expect(names.size).toBe(16);
    expect(names.has('Calvin Klein Jeans')).toBe(true);
    const seenScenarios = new Set<string>();
    const seenProducts = new Set<string>();
    for (let i = 3; i < 2000; i += 1) {
      seenScenarios.add(generator.scenario(i)?.key ?? '');
      seenProducts.add(generator.lineItem(i).properties.name ?? '');
      const text = generator.messages(i).map((message) => message.text).join(' ');
      expect(text).not.toMatch(/\{\w+\}|undefined|NaN/);
    }
    expect(seenScenarios.size).toBe(scenarios.length);
    expect([...seenProducts].every((name) => names.has(name))).toBe(true);
    expect(seenProducts.size).toBe(16);
  });
});

describe('demo CRM determinism over HTTP', () => {
  it('serves identical data for the same seed and different data for another', async () => {
    const snapshot = async (seed: number): Promise<string> => {
      const crm = await startDemoCrm({ seed, contacts: 40, now: clock });
      try {
        const client = demoClient(crm.url);
        const parts = await Promise.all([
          client.get('/crm/v3/objects/contacts?limit=40&properties=email,phone,membership_level,preferences'),
          client.get('/crm/v3/objects/orders?limit=80&associations=contacts,line_items'),
          client.get('/crm/v3/objects/tickets?limit=20&associations=contacts,orders'),
          client.get('/conversations/v3/conversations/threads?limit=40'),
          client.get('/conversations/v3/conversations/threads/8000000017/messages?sort=createdAt'),
        ]);
        return parts.map((part) => part.text).join('\n');
      } finally {
        await crm.close();
      }
    };
    const [a, b, c] = [await snapshot(77), await snapshot(77), await snapshot(78)];
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('demo time', () => {
  it('dates records relative to the clock, freshest first, so the queue reads minutes and hours, not years', () => {
    const generator = new DemoGenerator(5, 200, undefined, clock);
    // The live threads (the first dozen are open) ended minutes before the clock.
    const first = generator.thread(0);
    expect(clock - Date.parse(first.latestMessageTimestamp)).toBe(5 * 60_000);
    for (let i = 0; i < 12; i += 1) {
      const thread = generator.thread(i);
      expect(thread.status).toBe('OPEN');
      expect(clock - Date.parse(thread.latestMessageTimestamp)).toBeLessThan(60 * 60_000);
    }
    // Every generated time is in the clock's past; an order the conversation is about is days old, not years.
    for (let i = 3; i < 200; i += 1) {
      expect(Date.parse(generator.contact(i).updatedAt)).toBeLessThan(clock);
      expect(Date.parse(generator.thread(i).latestMessageTimestamp)).toBeLessThan(clock);
      const placed = Date.parse(generator.order(i * 2).createdAt);
      expect((clock - placed) / 86_400_000).toBeGreaterThan(1);
      expect((clock - placed) / 86_400_000).toBeLessThan(22);
    }
    // Another clock moves everything by the same amount.
    const later = new DemoGenerator(5, 200, undefined, clock + 86_400_000);
    expect(Date.parse(later.order(4).createdAt) - Date.parse(generator.order(4).createdAt)).toBe(86_400_000);
    expect(Date.parse(later.thread(7).createdAt) - Date.parse(generator.thread(7).createdAt)).toBe(86_400_000);
  });

  it('gives every message of the portal its own id, across tens of thousands of threads and any seed', () => {
    // Ids drawn from each thread's 32-bit stream alone once repeated across threads (seed 100 at 20,000 contacts lost 5).
    const generator = new DemoGenerator(100, 2_000, undefined, clock);
    const seen = new Set<string>();
    let entries = 0;
    for (let index = 0; index < 2_000; index += 1) {
      for (const entry of generator.entries(index)) {
        expect(entry.id).toMatch(/^[0-9a-f]{32}$/);
        seen.add(entry.id);
        entries += 1;
      }
    }
    expect(seen.size).toBe(entries);
    // The id's first half is a bijection of (thread, position): checked at the 20,000-thread scale without generating the threads.
    const halves = new Set<string>();
    const random = () => 0.5;
    for (let index = 0; index < 20_000; index += 1) for (let position = 0; position < 16; position += 1) halves.add(uniqueHexId(1, index, position, random).slice(0, 16));
    expect(halves.size).toBe(20_000 * 16);
  });
});
