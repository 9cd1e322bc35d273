import { describe, expect, it } from 'vitest';
import type { CrmContact, CrmConversation, CrmMessage } from '../../../src-main/core/crm/records';
import { openCacheDatabase } from '../../../src-main/core/storage/index';

const contact = (id: string, overrides: Partial<CrmContact> = {}): CrmContact => ({
  id,
  email: `${id}@example.com`,
  firstName: 'Ann',
  lastName: `Lee${id}`,
  phone: `+1 555 0${id}`,
  username: `ann${id}`,
  accountId: null,
  address: null,
  city: null,
  state: null,
  zip: null,
  membership: 'silver',
  lifetimeValue: 12.5,
  preferences: { contact_channel: 'email' },
  updatedAt: '2025-01-02T00:00:00.000Z',
  ...overrides,
});

const conversation = (id: string, contactId: string): CrmConversation => ({
  id,
  contactId,
  channel: 'email',
  status: 'open',
  subject: 'Where is my order?',
  createdAt: '2025-01-01T00:00:00.000Z',
  lastMessageAt: '2025-01-01T00:03:00.000Z',
  updatedAt: '2025-01-01T00:03:00.000Z',
});

const message = (id: string, conversationId: string, direction: CrmMessage['direction'], minute: number): CrmMessage => ({
  id,
  conversationId,
  direction,
  sender: null,
  text: `message ${id}`,
  createdAt: `2025-01-01T00:0${minute}:00.000Z`,
});

describe('cache repositories', () => {
  it('finds contacts by email, username, name, phone and text, with wildcards taken literally', () => {
    const db = openCacheDatabase(':memory:');
    db.records.upsert('contacts', [contact('18446744073709551615'), contact('2', { email: 'under_score@example.com', firstName: 'Bo' })]);
    expect(db.contacts.get('18446744073709551615')?.membership).toBe('silver');
    expect(db.contacts.findByEmail(' 18446744073709551615@EXAMPLE.com ')?.id).toBe('18446744073709551615');
    expect(db.contacts.findByUsername('ANN2')?.id).toBe('2');
    expect(db.contacts.findByName('Bo Lee2').map((found) => found.id)).toEqual(['2']);
    expect(db.contacts.search('555 02').map((found) => found.id)).toEqual(['2']);
    expect(db.contacts.search('under_').map((found) => found.id)).toEqual(['2']);
    expect(db.contacts.search('%')).toEqual([]);
    // An older copy of a record never overwrites a newer one.
    db.records.upsert('contacts', [contact('2', { firstName: 'Stale', updatedAt: '2024-12-31T00:00:00.000Z' })]);
    expect(db.contacts.get('2')?.firstName).toBe('Bo');
    db.close();
  });

  it('returns orders with their line items and tickets for a contact', () => {
    const db = openCacheDatabase(':memory:');
    db.records.upsert('orders', [{ id: '10', contactId: '1', name: 'Order 10', total: 30, currency: 'USD', status: 'shipped', shippingAddress: null, placedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' }]);
    db.records.upsert('line_items', [
      { id: '101', orderId: '10', name: 'Socks', sku: 'S1', quantity: 2, price: 5, updatedAt: '2025-01-01T00:00:00.000Z' },
      { id: '102', orderId: '10', name: 'Hat', sku: 'H1', quantity: 1, price: 20, updatedAt: '2025-01-01T00:00:00.000Z' },
    ]);
    db.records.upsert('tickets', [{ id: '20', contactId: '1', orderId: '10', subject: 'Late', content: '', stage: 'new', priority: 'HIGH', category: null, createdAt: null, updatedAt: '2025-01-01T00:00:00.000Z' }]);
    expect(db.orders.get('10')?.lineItems.map((item) => item.name)).toEqual(['Socks', 'Hat']);
    expect(db.orders.forContact('1').map((order) => order.id)).toEqual(['10']);
    expect(db.tickets.forContact('1').map((ticket) => ticket.subject)).toEqual(['Late']);
    expect(db.contacts.findByOrderId('10')).toBeUndefined();
    // A newer version that arrives without its associations keeps the stored ones.
    db.records.upsert('orders', [{ ...(db.orders.get('10') as NonNullable<ReturnType<typeof db.orders.get>>), contactId: null, status: 'delivered', updatedAt: '2025-01-05T00:00:00.000Z' }]);
    expect(db.orders.get('10')).toMatchObject({ contactId: '1', status: 'delivered' });
    db.close();
  });

  it('lists open conversations with who waits since when, and pages messages backwards', () => {
    const db = openCacheDatabase(':memory:');
    db.records.upsert('contacts', [contact('1')]);
    db.records.upsert('conversations', [conversation('500', '1'), { ...conversation('501', '1'), status: 'closed' }]);
    const inserted = db.records.upsertMessages([message('a', '500', 'incoming', 0), message('b', '500', 'outgoing', 1), message('c', '500', 'incoming', 2), message('d', '500', 'incoming', 3)]);
    expect(inserted).toHaveLength(4);
    expect(db.records.upsertMessages([message('d', '500', 'incoming', 3)])).toEqual([]);
    expect(db.conversations.listOpen()).toEqual([
      expect.objectContaining({ id: '500', customerName: 'Ann Lee1', lastMessage: 'message d', messageCount: 4, unread: 2, waitingSince: '2025-01-01T00:02:00.000Z' }),
    ]);
    expect(db.messages.forConversation('500', { limit: 2 }).map((item) => item.id)).toEqual(['c', 'd']);
    expect(db.messages.forConversation('500', { limit: 2, before: '2025-01-01T00:02:00.000Z' }).map((item) => item.id)).toEqual(['a', 'b']);
    db.close();
  });

  it('keeps one copy of a reply sent from here once the CRM has it, whichever arrives first', () => {
    const db = openCacheDatabase(':memory:');
    db.records.upsert('conversations', [conversation('500', '1')]);
    const local = { id: 'local-1', conversationId: '500', direction: 'outgoing' as const, sender: 'You', text: 'On its way', createdAt: '2025-01-01T00:05:00.000Z', delivery: 'pending' as const };
    db.conversations.addLocalMessage(local);
    db.conversations.confirmSent('local-1', '900');
    expect(db.records.upsertMessages([{ ...message('900', '500', 'outgoing', 5), text: 'On its way' }])).toEqual([]);
    // The CRM's copy synced before delivery was confirmed.
    db.conversations.addLocalMessage({ ...local, id: 'local-2' });
    db.records.upsertMessages([{ ...message('901', '500', 'outgoing', 6), text: 'On its way' }]);
    db.conversations.confirmSent('local-2', '901');
    expect(db.messages.forConversation('500').map((item) => [item.id, item.delivery])).toEqual([
      ['local-1', 'delivered'],
      ['local-2', 'delivered'],
    ]);
    db.close();
  });

  it('keeps the knowledge index\'s articles: entries without their text, whole articles by id, changes in one transaction', () => {
    const db = openCacheDatabase(':memory:');
    const entry = { id: 'kb-1', source: 'help', hash: 'h1', chunks: 2, title: 'Returns', url: 'https://help.example.com/returns', tags: ['returns'], language: 'en' };
    const returns = { ...entry, body: 'Within 30 days.', declaredLanguage: 'en', pages: ['p1', 'p2'], updatedAt: '2025-01-02T00:00:00.000Z' };
    const shipping = { ...entry, id: 'kb-2', title: 'Shipping', body: 'Five days.', declaredKind: 'help-centre' as const, topic: 'shipping', subflows: ['shipping_status'] };
    db.articles.apply({ write: [returns, shipping] });
    expect(db.articles.get('kb-1')).toEqual(returns);
    expect(db.articles.get('kb-2')).toEqual(shipping);
    expect(db.articles.entries().find((item) => item.id === 'kb-2')).toEqual({ ...entry, id: 'kb-2', title: 'Shipping', declaredKind: 'help-centre', topic: 'shipping', subflows: ['shipping_status'] });
    db.articles.apply({ updateEntries: [{ ...entry, chunks: 3, hash: 'h2' }], remove: ['kb-2'] });
    expect(db.articles.get('kb-1')).toEqual({ ...returns, chunks: 3, hash: 'h2' });
    expect(db.articles.count()).toBe(1);
    // A failing change leaves the table as it was.
    expect(() => db.articles.apply({ remove: ['kb-1'], write: [{ ...returns, id: 'kb-3', title: null as unknown as string }] })).toThrow(/NOT NULL/);
    expect(db.articles.count()).toBe(1);
    db.close();
  });

  it('deletes a memory fact only for its own customer', () => {
    const db = openCacheDatabase(':memory:');
    db.memory.add('1', 'Prefers email', 'conversation 500');
    db.memory.add('1', 'Prefers email', 'conversation 501');
    const [fact] = db.memory.list('1');
    expect(db.memory.list('1')).toHaveLength(1);
    expect(db.memory.delete(fact?.id ?? 0, '2')).toBe(false);
    expect(db.memory.delete(fact?.id ?? 0, '1')).toBe(true);
    expect(db.memory.list('1')).toEqual([]);
    db.close();
  });
});
