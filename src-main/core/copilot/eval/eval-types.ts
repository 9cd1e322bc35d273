import type { ReplayOutput } from '../replay';

/** One ABCD-format conversation of an eval folder (conversations-dev/README.md), as read from its file. */
export interface EvalConversation {
  convo_id: number | string;
  date?: string;
  language?: string;
  scenario: { personal: { customer_name: string; email?: string }; flow: string; subflow?: string } & Record<string, unknown>;
  original: [string, string][];
  reference?: { side_effects?: string[]; forbidden?: string[]; identify_by_turn?: number | null };
}

export interface ReplayedConversation {
  file: string;
  conversation: EvalConversation;
  replay: ReplayOutput;
}

/** A metric family: a pure function of the replayed conversations, merged into the eval's JSON under its name. */
export type EvalMetric = (replayed: ReplayedConversation[]) => Record<string, unknown>;
