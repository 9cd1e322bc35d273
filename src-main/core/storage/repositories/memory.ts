import type Database from 'better-sqlite3';

export interface MemoryFact {
  id: number;
  customerId: string;
  fact: string;
  source: string;
  createdAt: string;
}

/** What the copilot learned about a customer across conversations; the agent can delete any of it. */
export interface MemoryRepository {
  list(customerId: string): MemoryFact[];
  add(customerId: string, fact: string, source: string): void;
  /** With `customerId`, only deletes the fact if it belongs to that customer. */
  delete(id: number, customerId?: string): boolean;
}

export function createMemoryRepository(db: Database.Database): MemoryRepository {
  const list = db.prepare<[string], MemoryFact>(
    'SELECT id, customer_id AS customerId, fact, source, created_at AS createdAt FROM customer_memory WHERE customer_id = ? ORDER BY id',
  );
  const add = db.prepare('INSERT INTO customer_memory (customer_id, fact, source, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const remove = db.prepare<[number]>('DELETE FROM customer_memory WHERE id = ?');
  const removeOwned = db.prepare<[number, string]>('DELETE FROM customer_memory WHERE id = ? AND customer_id = ?');
  return {
    list: (customerId) => list.all(customerId),
    add: (customerId, fact, source) => {
      add.run(customerId, fact.slice(0, 500), source, new Date().toISOString());
    },
    delete: (id, customerId) => (customerId === undefined ? remove.run(id) : removeOwned.run(id, customerId)).changes > 0,
  };
}
