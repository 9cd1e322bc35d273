import type Database from 'better-sqlite3';

export type ApprovalAction = 'approve' | 'reject' | 'edit';
export type ApprovalStatus = 'executed' | 'rejected' | 'blocked';

/** The agent's decision on one proposal, with the proposal as it stood once decided. */
export interface ApprovalRecord {
  conversationId: string;
  proposalId: string;
  action: ApprovalAction;
  status: ApprovalStatus;
  proposal: Record<string, unknown>;
  decidedAt: string;
}

export interface ApprovalRepository {
  /** Call inside the transaction of the decision's outbox rows. The first decision on a proposal stands: false for a repeat. */
  record(approval: ApprovalRecord): boolean;
  forConversation(conversationId: string): ApprovalRecord[];
}

interface ApprovalRow extends Omit<ApprovalRecord, 'proposal'> {
  proposal: string;
}

export function createApprovalRepository(db: Database.Database): ApprovalRepository {
  const insert = db.prepare(
    'INSERT INTO approvals (conversation_id, proposal_id, action, status, proposal, decided_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, proposal_id) DO NOTHING',
  );
  const ofConversation = db.prepare<[string], ApprovalRow>(
    'SELECT conversation_id AS conversationId, proposal_id AS proposalId, action, status, proposal, decided_at AS decidedAt FROM approvals WHERE conversation_id = ? ORDER BY decided_at, proposal_id',
  );
  return {
    record: (approval) =>
      insert.run(approval.conversationId, approval.proposalId, approval.action, approval.status, JSON.stringify(approval.proposal), approval.decidedAt).changes > 0,
    forConversation: (conversationId) => ofConversation.all(conversationId).map((row) => ({ ...row, proposal: JSON.parse(row.proposal) as Record<string, unknown> })),
  };
}
