import type { Redactor } from '../../language/redaction/redactor';
import type { CaseState } from '../case/case-types';
import type { CustomerContext, Proposal, Suggestion, Turn } from '../types';
import { isHelpCentre, type DraftKnowledge } from './compose';
import { summarizeCase, summaryText } from './summary';

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

/**
 * The drafting task for the model: the case (redacted), which passages may be quoted to the customer and
 * which are the agent's playbook (guidance only), the flow's next step, and the language to reply in.
 */
export function draftTask(input: BriefInput, redactor: Redactor): string {
  const language = languageNames[input.language] ?? input.language;
  const summary = summaryText(summarizeCase(input));
  const customerFacing = input.knowledge.filter(isHelpCentre).map((hit) => hit.articleId);
  const playbooks = input.knowledge.filter((hit) => !isHelpCentre(hit)).map((hit) => hit.articleId);
  const next = input.caseState.steps.find((step) => step.status === 'next') ?? input.caseState.steps.find((step) => step.status === 'todo');
  const move = input.offline[0]?.move;
  return [
    `<case>\n${redactor.redact(summary)}\n</case>`,
    customerFacing.length ? `Customer-facing help-centre passages you may use in the reply: ${customerFacing.join(', ')}.` : 'No help-centre passage matched: do not state a policy you were not given.',
    playbooks.length ? `Agent playbooks (${playbooks.join(', ')}) are guidance for you only: never quote them, never name their steps, never write about "the customer".` : '',
    next ? `The playbook's next step: ${next.label || next.action}.` : '',
    move ? `The move this reply should make: ${move}.` : '',
    input.turns.filter((turn) => turn.role === 'customer').length > 1 ? 'Do not greet again; the conversation is under way.' : '',
    `Write the reply in ${language}, the customer's language, whatever language the passages are in.`,
    'Draft one reply the agent can send to the customer now, addressed to them ("you"), asking at most one question, citing the help-centre passages you use as [article-id].',
  ]
    .filter(Boolean)
    .join('\n');
}
