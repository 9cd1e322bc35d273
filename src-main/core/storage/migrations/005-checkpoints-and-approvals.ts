import type { Migration } from './migration';

/**
 * The copilot's checkpoints move into the cache file, and its decisions get a table of their own.
 *
 * `checkpoints` and `writes` are SqliteSaver's tables, column for column, so LangGraph's stock saver reads this file
 * as it read copilot-checkpoints.db (and its `list` and `deleteThread` keep working on ours).
 *
 * `approvals` is what the agent decided on a proposal, written in the transaction that queues its outbox rows
 * (storage/enqueue-action.ts): the copilot takes a proposal's status from here, so a crash between the decision and
 * the checkpoint can no longer show a delivered action as pending or rejected. `proposal` is the proposal as decided
 * (JSON), so the copilot can restore it whole.
 */
export const checkpointsAndApprovals: Migration = {
  version: 5,
  name: 'copilot checkpoints and approvals in the cache',
  up: `
    CREATE TABLE checkpoints (
      thread_id TEXT NOT NULL,
      checkpoint_ns TEXT NOT NULL DEFAULT '',
      checkpoint_id TEXT NOT NULL,
      parent_checkpoint_id TEXT,
      type TEXT,
      checkpoint BLOB,
      metadata BLOB,
      PRIMARY KEY (thread_id, checkpoint_ns, checkpoint_id)
    );
    CREATE TABLE writes (
      thread_id TEXT NOT NULL,
      checkpoint_ns TEXT NOT NULL DEFAULT '',
      checkpoint_id TEXT NOT NULL,
      task_id TEXT NOT NULL,
      idx INTEGER NOT NULL,
      channel TEXT NOT NULL,
      type TEXT,
      value BLOB,
      PRIMARY KEY (thread_id, checkpoint_ns, checkpoint_id, task_id, idx)
    );
    CREATE TABLE approvals (
      conversation_id TEXT NOT NULL,
      proposal_id TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('approve', 'reject', 'edit')),
      status TEXT NOT NULL CHECK (status IN ('executed', 'rejected', 'blocked')),
      proposal TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      PRIMARY KEY (conversation_id, proposal_id)
    );
  `,
};
