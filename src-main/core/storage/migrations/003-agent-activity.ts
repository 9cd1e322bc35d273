import type { Migration } from './migration';

/**
 * What the agent did with the copilot's help, for the Insights view: one row per finished turn
 * (intent, sentiment, escalation), per decision on a proposal, and per reply sent (how the suggestion
 * was used). Labels and numbers only, never message text; it never leaves the machine.
 */
export const agentActivity: Migration = {
  version: 3,
  name: 'agent activity for insights',
  up: `
    CREATE TABLE agent_activity (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      conversation_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('turn', 'decision', 'reply')),
      intent TEXT,
      sentiment REAL,
      escalated INTEGER,
      escalation_reasons TEXT,
      outcome TEXT
    );
    CREATE INDEX agent_activity_at ON agent_activity(at);
    CREATE INDEX agent_activity_conversation ON agent_activity(conversation_id, at);
  `,
};
