import type { RecordedDecision } from './ports';
import type { Proposal } from './types';

/**
 * The proposals with the store's record of each decision in place of the checkpoint's copy. The record commits with
 * the decision's outbox rows and the checkpoint after them, so where the two differ (a crash in between) the record
 * is what happened. Proposals without a record (pending ones, and those decided before the store kept decisions)
 * keep the checkpoint's view.
 */
export function withRecordedDecisions(proposals: Proposal[], recorded: RecordedDecision[]): Proposal[] {
  if (recorded.length === 0) return proposals;
  const byId = new Map(recorded.map((decision) => [decision.proposal.id, decision.proposal]));
  return proposals.map((proposal) => byId.get(proposal.id) ?? proposal);
}

/** The recorded proposals whose checkpoint copy has another status: what a resume must write back into the thread. */
export function staleInCheckpoint(proposals: Proposal[], recorded: RecordedDecision[]): Proposal[] {
  const inCheckpoint = new Map(proposals.map((proposal) => [proposal.id, proposal.status]));
  return recorded.filter(({ proposal }) => inCheckpoint.has(proposal.id) && inCheckpoint.get(proposal.id) !== proposal.status).map(({ proposal }) => proposal);
}
