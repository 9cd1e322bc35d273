import type Database from 'better-sqlite3';
import { initialSchema } from './001-initial';
import { replyReconciliation } from './002-reply-reconciliation';
import { agentActivity } from './003-agent-activity';
import { internalNotes } from './004-internal-notes';
import { checkpointsAndApprovals } from './005-checkpoints-and-approvals';
import { oneOutbox } from './006-one-outbox';
import { knowledgeArticles } from './007-knowledge-articles';
import { conversationLinks } from './008-conversation-links';
import type { Migration } from './migration';

/** In order; a migration is never edited once released, only followed by another. */
export const migrations: Migration[] = [initialSchema, replyReconciliation, agentActivity, internalNotes, checkpointsAndApprovals, oneOutbox, knowledgeArticles, conversationLinks];

/** Applies every migration above the database's `user_version`, each in its own transaction. */
export function migrate(db: Database.Database, list: Migration[] = migrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of list) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.up);
      migration.importData?.(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
