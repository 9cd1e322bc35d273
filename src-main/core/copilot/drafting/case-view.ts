import { detectFlow, flowActions } from '../abcd-flows';
import { emptyCaseState, type CaseState, type LineAct } from '../case/case-types';
import { flowOfSubflow } from '../case/flows';
import type { CopilotStateType } from '../state';

/** A rough reading of one line's act, for states whose case node has not classified it. */
export function roughAct(text: string, first: boolean): LineAct {
  const lower = text.toLowerCase().trim();
  if (/\b(manager|supervisor|human|real person|responsable|gerente|vorgesetzte|superviseur)\b/.test(lower)) return 'human_request';
  if (/^(no(pe)?|nothing( else)?|that'?s (it|all)|bye|nada más|eso es todo|c'est tout|rien d'autre|das war'?s|nichts weiter|só isso|nada mais)\b/.test(lower)) return 'closing';
  if (/\b(thanks?|thank you|thx|gracias|merci|danke|obrigad[oa]|perfect|great|got it)\b/.test(lower) && lower.split(/\s+/).length <= 8) return 'acknowledgement';
  if (first) return 'request';
  if (/[?]|\b(can i|could you|i want|i need|i'd like|how do|quiero|puedo|je veux|ich möchte|quero)\b/.test(lower) && lower.split(/\s+/).length > 4) return 'request';
  return 'information';
}

/**
 * The case as the drafts read it: the state's own where its node has filled it; for a state from before
 * the case node (or a case node that has not read this line yet), a reading of the lines so far, so the
 * drafts still greet once, close on thanks and follow the request's flow.
 */
export function caseForDrafts(state: Pick<CopilotStateType, 'turns' | 'intents' | 'customer' | 'language'> & { caseState?: CaseState }): CaseState {
  const lines = state.turns.filter((turn) => turn.role === 'customer').map((turn) => turn.text);
  const own = state.caseState;
  if (own && own.acts.length >= lines.length && lines.length > 0) return own;
  const base = own ?? emptyCaseState();
  const acts = lines.map((line, index) => roughAct(line, index === 0));
  let request = base.request;
  if (!request) {
    const opening = acts.findIndex((act) => act === 'request' || act === 'complaint' || act === 'human_request');
    const intent = state.intents[opening]?.intent ?? state.intents.at(-1)?.intent ?? 'unknown';
    const text = lines.slice(Math.max(0, opening), Math.max(0, opening) + 2).join(' ');
    const detected = opening >= 0 ? detectFlow(intent, text) : undefined;
    if (detected) {
      request = {
        flow: flowOfSubflow(detected.subflow),
        subflow: detected.subflow,
        intent,
        label: detected.subflow.replace(/_/g, ' '),
        confidence: Math.min(0.9, (state.intents[opening]?.confidence ?? 0.4) + 0.2),
        openedAtLine: opening,
      };
    }
  }
  const flowSteps = request?.subflow ? (flowActions(request.subflow) ?? []) : [];
  const customer = state.customer;
  return {
    ...base,
    request,
    identity: base.identity.status !== 'unknown' || !customer ? base.identity : { ...base.identity, status: 'identified', customerId: customer.id, customerName: customer.name, source: 'customer' },
    steps: base.steps.length > 0 ? base.steps : flowSteps.map((action) => ({ action, label: action.replace(/-/g, ' '), status: 'todo' as const })),
    lastAct: acts.at(-1) ?? base.lastAct,
    acts,
    language: base.language !== 'en' ? base.language : state.language === 'und' ? 'en' : base.language,
  };
}
