import type { Redactor } from '../../language/redaction/redactor';
import { neutralizeFenceTags } from '../text-safety';
import type { CaseSlotName, CaseState } from '../case/case-types';
import { changeSlotOf, changeValueOnFile } from '../case/plan-actions';
import type { CustomerContext, Proposal, Suggestion, Turn } from '../types';
import { isHelpCentre, type DraftKnowledge } from './compose';
import { cutAtWord, summarizeCase, summaryText } from './summary';

const languageNames: Record<string, string> = { en: 'English', es: 'Spanish', fr: 'French', de: 'German', pt: 'Portuguese' };

export interface BriefInput {
  caseState: CaseState;
  customer: CustomerContext | null;
  knowledge: DraftKnowledge[];
  proposals: Proposal[];
  turns: Turn[];
  language: string;
  /** The offline drafts: their moves tell the model which move the flow needs now. */
  offline: Suggestion[];
}

const changeWords: Partial<Record<CaseSlotName, string>> = { address: 'new address', phone: 'new phone number', newName: 'new name, exactly as it should appear', deliveryTime: 'new delivery day or time', paymentMethod: 'payment method to use instead' };

/** The new value the case's change ticket still waits for (case/plan-actions.ts), in words for the model. */
function changeStillNeeded(input: BriefInput): string | undefined {
  const slot = changeSlotOf(input.caseState.request?.subflow);
  if (!slot || (input.caseState.slots[slot] && !changeValueOnFile(slot, input.caseState, input.customer))) return undefined;
  return changeWords[slot];
}

/**
 * The drafting task for the model: the case (redacted), which passages may be quoted to the customer and
 * which are the agent's playbook (guidance only), the flow's next step, and the language to reply in.
 */
export function draftTask(input: BriefInput, redactor: Redactor): string {
  const language = languageNames[input.language] ?? input.language;
  // Short: the prompt's budget is shared with the passages and the turns, and the task comes last.
  const summary = cutAtWord(summaryText(summarizeCase(input)), 600);
  const customerFacing = input.knowledge.filter(isHelpCentre).map((hit) => hit.articleId);
  const playbooks = input.knowledge.filter((hit) => !isHelpCentre(hit)).map((hit) => hit.articleId);
  const next = input.caseState.steps.find((step) => step.status === 'next') ?? input.caseState.steps.find((step) => step.status === 'todo');
  const move = input.offline[0]?.move;
  const missing = changeStillNeeded(input);
  return [
    `<case>\n${neutralizeFenceTags(redactor.redact(summary))}\n</case>`,
    customerFacing.length ? `Help-centre passages you may use: ${customerFacing.join(', ')}.` : 'No help-centre passage matched: state no policy.',
    playbooks.length ? `Playbooks (${playbooks.join(', ')}) guide you only: never quote them or name their steps.` : '',
    next ? `The playbook's next step: ${next.label || next.action}.` : '',
    missing ? `The change cannot be made without the customer's ${missing}: ask for it once the account is verified.` : '',
    move ? `The move this reply should make: ${move}.` : '',
    input.turns.filter((turn) => turn.role === 'customer').length > 1 ? 'Do not greet again.' : '',
    `Reply in ${language}, the customer's language.`,
    'Draft one reply the agent can send now, to the customer as "you", at most one question, citing passages used as [article-id].',
  ]
    .filter(Boolean)
    .join('\n');
}
