import type { EvalMetric, ReplayedConversation } from './eval-types';

/** The product's side-effecting tools under the names `reference` uses (conversations-dev/README.md). */
const referenceName: Record<string, string> = {
  request_refund: 'request_refund',
  create_ticket: 'create_ticket',
  update_ticket: 'update_ticket',
  escalate_to_human: 'escalate',
  update_preferences: 'update_preferences',
};
const proposedStatuses = new Set(['pending', 'approved', 'executed', 'blocked']);

/** Distinct side-effecting tools proposed at any turn (pending, approved, executed or blocked). */
export function proposedSideEffects(item: ReplayedConversation): string[] {
  const tools = new Set<string>();
  for (const turn of item.replay.turns) {
    for (const action of turn.actions) {
      const name = referenceName[action.tool];
      if (name && action.sideEffect && proposedStatuses.has(action.status)) tools.add(name);
    }
  }
  return [...tools].sort();
}

const same = (a: string | null | undefined, b: string | null | undefined): boolean => Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());

/** The replay's customer is the scenario's: same email, or same name where the scenario has no email. */
export function customerFound(item: ReplayedConversation): boolean {
  const found = item.replay.customer;
  const personal = item.conversation.scenario.personal;
  if (!found) return false;
  return personal.email ? same(found.email, personal.email) : same(found.name, personal.customer_name);
}

const mean = (values: number[]): number | null => (values.length ? Number((values.reduce((sum, value) => sum + value, 0) / values.length).toFixed(4)) : null);

export interface CaseMetricsRow {
  id: string;
  customerFound: boolean | null;
  decoy: boolean;
  proposed: string[];
  reference: string[];
  forbidden: string[];
  precision: number | null;
  recall: number | null;
}

/** Customer found, side-effect precision and recall, forbidden proposals: each as defined in the folder's README. */
export const caseMetrics: EvalMetric = (replayed) => {
  const rows: CaseMetricsRow[] = replayed.map((item) => {
    const reference = item.conversation.reference ?? {};
    const proposed = proposedSideEffects(item);
    const expected = reference.side_effects ?? [];
    const forbidden = proposed.filter((tool) => (reference.forbidden ?? []).includes(tool));
    const identifiable = reference.identify_by_turn !== null && reference.identify_by_turn !== undefined;
    return {
      id: String(item.conversation.convo_id),
      customerFound: identifiable ? customerFound(item) : item.replay.customer ? false : null,
      decoy: item.replay.decoy_id !== null && item.replay.customer?.id === item.replay.decoy_id,
      proposed,
      reference: expected,
      forbidden,
      precision: proposed.length ? proposed.filter((tool) => expected.includes(tool)).length / proposed.length : null,
      recall: expected.length ? expected.filter((tool) => proposed.includes(tool)).length / expected.length : null,
    };
  });
  const identifiable = replayed.filter((item) => item.conversation.reference?.identify_by_turn !== null && item.conversation.reference?.identify_by_turn !== undefined);
  return {
    conversations: replayed.length,
    customerFound: mean(identifiable.map((item) => (customerFound(item) ? 1 : 0))),
    customerFoundOf: `${identifiable.filter(customerFound).length}/${identifiable.length}`,
    /** A customer returned where none can be identified. */
    customerFalsePositives: rows.filter((row) => row.customerFound === false && !identifiable.some((item) => String(item.conversation.convo_id) === row.id)).length,
    decoyFound: rows.filter((row) => row.decoy).length,
    sideEffectPrecision: mean(rows.flatMap((row) => (row.precision === null ? [] : [row.precision]))),
    sideEffectRecall: mean(rows.flatMap((row) => (row.recall === null ? [] : [row.recall]))),
    forbiddenProposals: rows.reduce((sum, row) => sum + row.forbidden.length, 0),
    perConversation: rows,
  };
};
