import type Database from 'better-sqlite3';

export interface SyncCursor {
  cursor: string;
  /** "initial" while paging through everything, "incremental" once caught up. */
  phase: 'initial' | 'incremental';
}

export interface SyncStateRepository {
  cursor(source: string, objectType: string): SyncCursor | undefined;
  setCursor(source: string, objectType: string, value: SyncCursor): void;
  quarantine(entry: { source: string; objectType: string; recordId: string | null; reason: string; raw: unknown }): void;
  quarantined(limit?: number): { objectType: string; recordId: string | null; reason: string; at: string }[];
  quarantineCount(): number;
}

const maxRawChars = 20_000;

export function createSyncStateRepository(db: Database.Database): SyncStateRepository {
  const get = db.prepare<[string, string], SyncCursor>('SELECT cursor, phase FROM sync_cursors WHERE source = ? AND object_type = ?');
  const set = db.prepare(`INSERT INTO sync_cursors (source, object_type, cursor, phase, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(source, object_type) DO UPDATE SET cursor = excluded.cursor, phase = excluded.phase, updated_at = excluded.updated_at`);
  const insertQuarantine = db.prepare('INSERT INTO quarantine (source, object_type, record_id, reason, raw, at) VALUES (?, ?, ?, ?, ?, ?)');
  const list = db.prepare<[number], { objectType: string; recordId: string | null; reason: string; at: string }>(
    'SELECT object_type AS objectType, record_id AS recordId, reason, at FROM quarantine ORDER BY id DESC LIMIT ?',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM quarantine');
  return {
    cursor: (source, objectType) => get.get(source, objectType),
    setCursor: (source, objectType, value) => {
      set.run(source, objectType, value.cursor, value.phase, new Date().toISOString());
    },
    quarantine: ({ source, objectType, recordId, reason, raw }) => {
      let text: string;
      try {
        text = JSON.stringify(raw) ?? 'undefined';
      } catch {
        text = String(raw);
      }
      insertQuarantine.run(source, objectType, recordId, reason.slice(0, 1000), text.slice(0, maxRawChars), new Date().toISOString());
    },
    quarantined: (limit = 100) => list.all(limit),
    quarantineCount: () => count.get()?.n ?? 0,
  };
}
