import type { Migration } from './migration';

/**
 * HubSpot's internal comments on a thread (COMMENT messages): the team's notes, never shown as a reply to
 * the customer, so kept apart from `messages` (which decide who spoke last).
 */
export const internalNotes: Migration = {
  version: 4,
  name: 'internal notes of conversations',
  up: `
    CREATE TABLE internal_notes (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL,
      sender TEXT, text TEXT NOT NULL, created_at TEXT NOT NULL
    );
    CREATE INDEX internal_notes_conversation ON internal_notes(conversation_id, created_at);
  `,
};
