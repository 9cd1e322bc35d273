import type { Migration } from './migration';

/**
 * Threads from a visitor who is not a contact yet, linked by the agent to a contact. HubSpot's published
 * APIs cannot change a thread's contact, so the link lives here, apart from the synced `conversations`
 * row: a sync never undoes it, and it holds only while HubSpot still names the visitor it was made for
 * (once HubSpot itself associates a contact, HubSpot's answer wins).
 */
export const conversationLinks: Migration = {
  version: 8,
  name: 'visitor threads linked to contacts',
  up: `
    CREATE TABLE conversation_links (
      conversation_id TEXT PRIMARY KEY,
      visitor_id TEXT,
      contact_id TEXT NOT NULL,
      linked_at TEXT NOT NULL
    );
    CREATE INDEX conversation_links_contact ON conversation_links(contact_id);
  `,
};
