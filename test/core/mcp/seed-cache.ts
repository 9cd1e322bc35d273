import { join } from 'node:path';
import { openCacheDatabase } from '../../../src-main/core/storage/index';

export const seededCustomer = {
  id: 'c-1001',
  email: 'maria.lopez@example.com',
  firstName: 'Maria',
  lastName: 'Lopez',
  phone: '+1 415 555 0134',
  orderId: 'o-5001',
  conversationId: 'conv-77',
} as const;

/** A cache.db with one customer, an order, a ticket and a conversation, as a sync would leave it. */
export function seedCache(dataDir: string): void {
  const db = openCacheDatabase(join(dataDir, 'cache.db'));
  const at = '2025-03-01T10:00:00.000Z';
  db.records.upsert('contacts', [
    {
      id: seededCustomer.id,
      email: seededCustomer.email,
      firstName: seededCustomer.firstName,
      lastName: seededCustomer.lastName,
      phone: seededCustomer.phone,
      username: 'mlopez',
      accountId: null,
      address: '12 Harbor Street',
      city: 'Oakland',
      state: 'CA',
      zip: '94607',
      membership: 'gold',
      lifetimeValue: 1234.5,
      preferences: {},
      updatedAt: at,
    },
  ]);
  db.records.upsert('orders', [
    { id: seededCustomer.orderId, contactId: seededCustomer.id, name: 'Order 5001', total: 89.9, currency: 'USD', status: 'shipped', shippingAddress: '12 Harbor Street, Oakland', placedAt: at, updatedAt: at },
  ]);
  db.records.upsert('line_items', [{ id: 'li-1', orderId: seededCustomer.orderId, name: 'Trail boots', sku: 'BT-1', quantity: 1, price: 89.9, updatedAt: at }]);
  db.records.upsert('tickets', [
    { id: 't-9', contactId: seededCustomer.id, orderId: seededCustomer.orderId, subject: 'Maria Lopez asks where her boots are', content: 'Email maria.lopez@example.com', stage: 'new', priority: 'HIGH', category: null, createdAt: at, updatedAt: at },
  ]);
  db.records.upsert('conversations', [
    { id: seededCustomer.conversationId, contactId: seededCustomer.id, channel: 'chat', status: 'open', subject: 'Late boots', createdAt: at, lastMessageAt: at, updatedAt: at },
  ]);
  db.records.upsertMessages([
    { id: 'm-1', conversationId: seededCustomer.conversationId, direction: 'incoming', sender: 'Maria Lopez', text: 'Hi, this is Maria Lopez, my boots from order o-5001 have not arrived.', createdAt: '2025-03-01T10:00:00.000Z' },
    { id: 'm-2', conversationId: seededCustomer.conversationId, direction: 'outgoing', sender: 'Agent', text: 'Sorry to hear that, let me check.', createdAt: '2025-03-01T10:01:00.000Z' },
    { id: 'm-3', conversationId: seededCustomer.conversationId, direction: 'incoming', sender: 'Maria Lopez', text: 'This is the third time I ask, call me at +1 415 555 0134. Where is my package?', createdAt: '2025-03-01T10:02:00.000Z' },
  ]);
  db.close();
}
